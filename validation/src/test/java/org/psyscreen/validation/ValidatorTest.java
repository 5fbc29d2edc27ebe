package org.psyscreen.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psyscreen.cohort.SyntheticCohort;
import org.psyscreen.load.Bundle;
import org.psyscreen.norm.NormTable;
import org.psyscreen.plan.ScoringPlan;

/** The validator on whole samples: the SYNTHETIC demo cohort, and a CES-D sample with a mis-keyed copy. */
class ValidatorTest {
    static final Path ROOT = Path.of("..");
    static final Path DEMO = ROOT.resolve("examples/demo/cohort.csv");
    static final Bundle BUNDLE = Bundle.builder()
            .classPath(ValidatorTest.class.getClassLoader())
            .file(ROOT.resolve("examples/validate/cesd-miskeyed.yaml"))
            .build();

    @TempDir
    Path tmp;

    private static Validator.Request request(String instrument, String policy, Path vendor) {
        ScoringPlan plan = BUNDLE.plan(instrument).orElseThrow();
        List<NormTable> norms = BUNDLE.norms().values().stream()
                .filter(t ->
                        t.definition().instrumentId().equals(plan.definition().id()))
                .toList();
        if (policy == null) {
            return new Validator.Request(plan, norms, null, Map.of(), null, vendor);
        }
        var p = BUNDLE.policy(policy).orElseThrow();
        return new Validator.Request(plan, norms, p, BUNDLE.plansFor(p), null, vendor);
    }

    @Test
    void gad7OnTheDemoCohortIsReliableAndAgreesWithR() throws Exception {
        ValidationReport r = Validator.validate(DEMO, request("gad7", null, null));
        assertThat(r.records()).isEqualTo(2000);
        ScaleAnalysis total = r.scales().get(0);
        // The same respondents R used (complete answers; one record with an unreadable sex is kept here):
        var reference = AgainstRTest.reference();
        assertThat(total.n())
                .isBetween(
                        reference.get("gad7.n").intValue(),
                        reference.get("gad7.n").intValue() + 2);
        assertThat(total.alpha()).isCloseTo(reference.get("gad7.alpha"), org.assertj.core.data.Offset.offset(1e-3));
        assertThat(r.findings()).isEmpty();
        assertThat(r.dif().get(0).items()).hasSize(7);
        r.writeTo(tmp.resolve("gad7"));
        assertThat(Files.readString(tmp.resolve("gad7/validation.json")))
                .contains("\"format\":\"psyscreen-validation/1\"");
        assertThat(Files.readString(tmp.resolve("gad7/validation.html")))
                .contains("量表验证 Validation: gad7@1.0.0", "None: no item looks mis-keyed");
    }

    @Test
    void scaredIsComparedWithItsNormsAndThePolicysCutoffs() throws Exception {
        ValidationReport r = Validator.validate(DEMO, request("scared", "example-a-glad-pc", null));
        assertThat(r.scales())
                .extracting(ScaleAnalysis::scale)
                .containsExactly(
                        "panic_somatic",
                        "generalized_anxiety",
                        "separation_anxiety",
                        "social_anxiety",
                        "school_avoidance",
                        "total");
        NormComparison total = r.norms().stream()
                .filter(n -> n.table().startsWith("scared-total"))
                .findFirst()
                .orElseThrow();
        assertThat(total.error()).isNull();
        assertThat(total.verified()).isFalse();
        assertThat(total.groups()).extracting(NormComparison.Group::id).containsExactlyInAnyOrder("girls", "boys");
        NormComparison.Group girls = total.groups().stream()
                .filter(g -> g.id().equals("girls"))
                .findFirst()
                .orElseThrow();
        assertThat(girls.dLower()).isLessThan(girls.d()).isLessThan(girls.dUpper());
        assertThat(girls.cutoffs()).extracting(NormComparison.CutoffShare::test).contains("total >= 25");
        assertThat(girls.cutoffs().get(0).impliedShare()).isBetween(0.0, 1.0);
    }

    @Test
    void theMiskeyedCopyIsNamedAndTheTrueKeyIsNot() throws Exception {
        Path sample = tmp.resolve("cesd.csv");
        try (BufferedWriter w = Files.newBufferedWriter(sample, StandardCharsets.UTF_8)) {
            SyntheticCohort.write(w, Map.of("cesd", BUNDLE.plan("cesd@1.0.0").orElseThrow()), 2000, 7L);
        }
        ValidationReport right = Validator.validate(sample, request("cesd@1.0.0", null, null));
        assertThat(right.findings()).isEmpty();
        ValidationReport wrong = Validator.validate(sample, request("cesd@1.0.1", null, null));
        assertThat(wrong.findings())
                .singleElement()
                .asString()
                .startsWith("item q8 in scale total: negative corrected item-total correlation");
        assertThat(wrong.scales().get(0).alpha())
                .isLessThan(right.scales().get(0).alpha());
    }

    @Test
    void aVendorsScoresAreComparedRecordByRecordAndEveryDisagreementExplained() throws Exception {
        Path vendor = tmp.resolve("vendor.csv");
        // The vendor's file: psyscreen's own values, but one total off by one and one status wrong.
        ValidationReport own = Validator.validate(DEMO, request("gad7", "example-a-glad-pc", null));
        assertThat(own.conformance()).isNull();
        List<String> lines = new ArrayList<>(List.of("record,gad7.status,gad7.total,tier,vendor_note"));
        lines.add("1,SCORED,5,watch,x"); // psyscreen: total 4 (record 1 of the demo)
        lines.add("2,scored,1,,y");
        lines.add("99999,SCORED,1,,z"); // no such record
        Files.write(vendor, lines);
        ValidationReport r = Validator.validate(DEMO, request("gad7", "example-a-glad-pc", vendor));
        Conformance c = r.conformance();
        assertThat(c.compared()).isEqualTo(2);
        assertThat(c.vendorRowsWithoutRecord()).isEqualTo(1);
        assertThat(c.recordsWithoutVendorRow()).isEqualTo(1998);
        assertThat(c.columns().get("gad7.status")).isEqualTo(new Conformance.Agreement(2, 0));
        assertThat(c.columns().get("gad7.total")).isEqualTo(new Conformance.Agreement(1, 1));
        assertThat(c.columns().get("tier")).isEqualTo(new Conformance.Agreement(2, 0));
        assertThat(c.columns()).doesNotContainKey("vendor_note");
        Conformance.Disagreement d = c.disagreements().get(0);
        assertThat(d.record()).isEqualTo(1);
        assertThat(d.vendor()).isEqualTo("5");
        assertThat(d.psyscreen()).isEqualTo("4");
        assertThat(d.explanation()).contains("sum of items [q1, q2, q3, q4, q5, q6, q7]", "at most 0, not prorated");
        assertThat(r.findings()).contains("vendor scores: 1 disagreement(s) on gad7.total (of 2)");
    }

    @Test
    void aTableThatFitsNoRespondentIsAClearError() {
        NormTable table = BUNDLE.norm("scared-total-cn-sex").orElseThrow();
        NormComparison n = NormComparison.of(
                table,
                java.util.Arrays.asList(null, null),
                new double[] {3, 4},
                new double[] {Double.NaN, Double.NaN},
                List.of());
        assertThat(n.error())
                .startsWith("the table does not fit the sample: no respondent with a total score falls in");
        assertThat(n.outsideTable()).isEqualTo(2);
    }
}
