package org.psyscreen.batch;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psyscreen.load.Bundle;
import org.psyscreen.privacy.Pseudonymizer;
import org.psyscreen.tier.CutoffPolicy;

/**
 * The demo cohort (examples/demo/cohort.csv, SYNTHETIC) under the example policy and a copy of it whose
 * PHQ-A "watch" cut-off is 6 instead of 5: exactly the students the first policy put at watch through
 * that rule alone, with a PHQ-A total of 5, move (to no risk identified), as the first policy's own
 * scores.csv says.
 */
class PolicySimulationTest {
    @TempDir
    Path dir;

    static final Pseudonymizer KEYS = Pseudonymizer.of(
            HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"));
    static final Path DEMO = Path.of("../examples/demo/cohort.csv");

    private Bundle withMovedCutoff() throws Exception {
        String yaml;
        try (var in = getClass()
                .getClassLoader()
                .getResourceAsStream("META-INF/psyscreen/policies/example-a-glad-pc/policy.yaml")) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String rule = "when: {scale: phqa.total, op: \">=\", value: 5}";
        assertThat(yaml).contains(rule, "id: example-a-glad-pc\n");
        Path moved = dir.resolve("moved/policy.yaml");
        Files.createDirectories(moved.getParent());
        Files.writeString(
                moved,
                yaml.replace(rule, rule.replace("5}", "6}"))
                        .replace("id: example-a-glad-pc\n", "id: example-a-moved\n")
                        // a what-if is not the region's policy: a region has one policy per day
                        .replace("region: {code: EXAMPLE-A,", "region: {code: EXAMPLE-A-WHAT-IF,"),
                StandardCharsets.UTF_8);
        Bundle bundle = Bundle.builder()
                .classPath(getClass().getClassLoader())
                .file(moved)
                .build();
        assertThat(bundle.problems().hasErrors()).as(bundle.problems().format()).isFalse();
        return bundle;
    }

    private static PolicySimulation.Simulation simulate(Bundle bundle, CutoffPolicy a, CutoffPolicy b)
            throws Exception {
        return PolicySimulation.run(
                ResponseFile.of(DEMO),
                List.of(
                        new PolicySimulation.Arm(a, bundle.plansFor(a)),
                        new PolicySimulation.Arm(b, bundle.plansFor(b))),
                bundle.norms(),
                KEYS,
                null,
                10);
    }

    @Test
    void movingOneCutOffMovesExactlyTheStudentsBetweenTheTwoCutOffs() throws Exception {
        Bundle bundle = withMovedCutoff();
        CutoffPolicy a = bundle.policy("example-a-glad-pc").orElseThrow();
        CutoffPolicy b = bundle.policy("example-a-moved").orElseThrow();
        var sim = simulate(bundle, a, b);

        // independently: the first policy's own run, read from its scores.csv
        new BatchScorer(BatchOptions.builder(bundle.plansFor(a), a)
                        .norms(bundle.norms())
                        .policyVersions(List.of(a))
                        .pseudonymizer(KEYS)
                        .build())
                .run(DEMO, dir.resolve("a"));
        List<String> expected = new ArrayList<>();
        try (var csv = CsvReader.builder().ofNamedCsvRecord(dir.resolve("a/scores.csv"))) {
            for (NamedCsvRecord r : csv) {
                if (r.getField("phqa.total").equals("5")
                        && r.getField("tier").equals("watch")
                        && r.getField("rules_fired").equals("phqa_watch")
                        && r.getField("follow_ups").isEmpty()) {
                    expected.add(r.getField("student"));
                }
            }
        }
        assertThat(expected).isNotEmpty();
        assertThat(sim.records()).isEqualTo(2000);
        assertThat(sim.notRun()).isEmpty();
        assertThat(sim.movers()).extracting(PolicySimulation.Mover::student).containsExactlyElementsOf(expected);
        assertThat(sim.movers()).allSatisfy(m -> {
            assertThat(m.fromOutcome()).isEqualTo("watch");
            assertThat(m.toOutcome()).isEqualTo("none");
            assertThat(m.onlyFrom()).containsExactly("phqa_watch");
            assertThat(m.onlyTo()).isEmpty();
        });
        // the transition table: the movers in watch -> none
        var t = sim.transitions().get(0).table();
        int watch = t.columns().indexOf("watch");
        int none = t.columns().indexOf("none");
        assertThat(t.units().get(watch).total()).isPositive();
        assertThat(t.units().get(watch).published(none))
                .isEqualTo(expected.size() < 10 ? null : (long) expected.size());
        List<Path> files = PolicySimulation.write(sim, dir.resolve("out"), 10);
        assertThat(Files.readAllLines(files.get(2))).hasSize(expected.size() + 1);
        assertThat(String.join("\n", Files.readAllLines(files.get(2)))).doesNotContain("G4401");
    }

    @Test
    void aPolicyTheCohortCannotBeScreenedUnderIsReportedNotDropped() throws Exception {
        Bundle bundle = Bundle.classPath(getClass().getClassLoader());
        CutoffPolicy a = bundle.policy("example-a-glad-pc").orElseThrow();
        CutoffPolicy b = bundle.policy("example-b-cn-cutoffs").orElseThrow();
        var sim = simulate(bundle, a, b);
        assertThat(sim.policies()).containsExactly(a.key());
        assertThat(sim.notRun()).singleElement().satisfies(n -> {
            assertThat(n.policy()).isEqualTo(b.key());
            assertThat(n.problems()).singleElement().asString().startsWith("PSY-2007 missing item column(s): phq9.q1");
        });
    }
}
