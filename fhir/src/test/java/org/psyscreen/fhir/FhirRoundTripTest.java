package org.psyscreen.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.RiskAssessment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psyscreen.batch.BatchOptions;
import org.psyscreen.batch.BatchScorer;
import org.psyscreen.batch.ResponseFile;
import org.psyscreen.batch.RunSummary;
import org.psyscreen.plan.ScoringPlan;
import org.psyscreen.privacy.Pseudonymizer;
import org.psyscreen.tier.CutoffPolicy;

/**
 * The demo cohort (examples/demo/cohort.csv, synthetic) written as QuestionnaireResponses, read back
 * and scored, gives the CSV's results cell for cell; the responses and the results validate against
 * the base R4 profiles.
 */
class FhirRoundTripTest {
    @TempDir
    static Path dir;

    static final org.psyscreen.load.Bundle BUNDLE =
            org.psyscreen.load.Bundle.classPath(FhirRoundTripTest.class.getClassLoader());
    static final CutoffPolicy POLICY = BUNDLE.policy("example-a-glad-pc").orElseThrow();
    static final Map<String, ScoringPlan> PLANS = BUNDLE.plansFor(POLICY);
    static final Pseudonymizer KEYS = Pseudonymizer.of(
            HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"));
    static final Path DEMO = Path.of("../examples/demo/cohort.csv");

    static RunSummary fromCsv;
    static RunSummary fromFhir;
    static long responses;

    static BatchScorer scorer() {
        return new BatchScorer(BatchOptions.builder(PLANS, POLICY)
                .norms(BUNDLE.norms())
                .policyVersions(List.of(POLICY))
                .pseudonymizer(KEYS)
                .build());
    }

    @BeforeAll
    static void scoredBothWays() throws Exception {
        fromCsv = scorer().run(DEMO, dir.resolve("csv"));
        responses = FhirResponses.write(ResponseFile.of(DEMO), PLANS, dir.resolve("responses.ndjson"));
        fromFhir = scorer().run(
                        FhirResponses.read(dir.resolve("responses.ndjson"), PLANS),
                        dir.resolve("fhir"),
                        List.of(FhirResults.of(PLANS)));
    }

    /** scores.csv without its line column (a response has no line of the CSV). */
    private static List<String> scoresWithoutLine(Path run) throws Exception {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(run.resolve("scores.csv"), StandardCharsets.UTF_8)) {
            String[] cells = line.split(",", -1);
            List<String> keep = new ArrayList<>(List.of(cells));
            keep.remove(1); // record,line,student,...
            out.add(String.join(",", keep));
        }
        return out;
    }

    @Test
    void theDemoCohortAsQuestionnaireResponsesScoresAsTheCsvDoes() throws Exception {
        assertThat(fromCsv.recordsIn()).isEqualTo(2000);
        assertThat(responses)
                .as("one response per student and instrument answered")
                .isGreaterThan(2000);
        assertThat(fromFhir.recordsIn()).isEqualTo(fromCsv.recordsIn());
        assertThat(fromFhir.recordsOut()).isEqualTo(fromCsv.recordsOut());
        assertThat(fromFhir.tierCounts()).isEqualTo(fromCsv.tierCounts());
        assertThat(scoresWithoutLine(dir.resolve("fhir")))
                .containsExactlyElementsOf(scoresWithoutLine(dir.resolve("csv")));
        assertThat(Files.readString(dir.resolve("fhir/rollup.csv")))
                .isEqualTo(Files.readString(dir.resolve("csv/rollup.csv")));
    }

    @Test
    void theResponsesAndTheResultsValidateAndOneBundleStandsForEachStudent() throws Exception {
        FhirValidation validation = new FhirValidation();
        var parser = Fhir.r4().newJsonParser();
        List<String> qrs = Files.readAllLines(dir.resolve("responses.ndjson"), StandardCharsets.UTF_8);
        for (String line : qrs.subList(0, 40)) {
            QuestionnaireResponse qr = parser.parseResource(QuestionnaireResponse.class, line);
            assertThat(validation.errors(qr)).isEmpty();
        }
        List<String> results = Files.readAllLines(dir.resolve("fhir/" + FhirResults.FILE), StandardCharsets.UTF_8);
        assertThat(results).hasSize(2000);
        assertThat(fromFhir.outputs()).contains(FhirResults.FILE);
        int risks = 0;
        for (String line : results.subList(0, 40)) {
            Bundle b = parser.parseResource(Bundle.class, line);
            assertThat(validation.errors(b)).isEmpty();
            for (var e : b.getEntry()) {
                if (e.getResource() instanceof RiskAssessment r) {
                    risks++;
                    assertThat(r.getMethod().getText()).startsWith(POLICY.key() + " sha256:" + POLICY.sha256());
                    assertThat(r.getSubject().getIdentifier().getValue()).startsWith("ps1.");
                } else {
                    assertThat(e.getResource()).isInstanceOf(Observation.class);
                }
            }
        }
        assertThat(risks).isEqualTo(40);
        assertThat(String.join("\n", results)).doesNotContain("G4401000000");
    }
}
