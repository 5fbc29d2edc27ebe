package org.psyscreen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's FHIR section, run as written. */
class FhirReadmeTest {
    @Test
    void theReadmeWritesAQuestionnaireScoresTheDemoAsResponsesAndWritesFhirResults(@TempDir Path tmp) throws Exception {
        List<String> commands = Readme.commands("## FHIR: Questionnaires, responses and results");
        assertThat(commands).hasSize(5);
        List<MainTest.Run> runs = Readme.run(commands, tmp);
        for (int i = 0; i < runs.size(); i++) {
            assertThat(runs.get(i).exit())
                    .as(commands.get(i) + "\n" + runs.get(i).out() + runs.get(i).err())
                    .isZero();
        }
        String q = Files.readString(tmp.resolve("target/phq9.questionnaire.json"), StandardCharsets.UTF_8);
        assertThat(q).contains("\"resourceType\": \"Questionnaire\"", "\"value\": \"phq9@1.0.0\"", "ordinalValue");
        assertThat(runs.get(1).out()).startsWith("作答 QuestionnaireResponses: ");
        assertThat(runs.get(3).out())
                .contains("2000 in, 2000 out", "results.fhir.ndjson")
                .doesNotContain("G4401000000");
        List<String> bundles =
                Files.readAllLines(tmp.resolve("target/fhir-results/results.fhir.ndjson"), StandardCharsets.UTF_8);
        assertThat(bundles).hasSize(2000).allSatisfy(b -> assertThat(b).doesNotContain("G44010"));
        assertThat(runs.get(4).out()).isEqualTo("FHIR: 1 resource(s) checked, 0 with errors\n");
    }

    @Test
    void resultsAsFhirNeedAKeyAndABrokenResourceIsNamed(@TempDir Path tmp) throws Exception {
        Path bad = Files.writeString(
                tmp.resolve("bad.ndjson"),
                "{\"resourceType\":\"Observation\",\"status\":\"final\"}\n",
                StandardCharsets.UTF_8);
        var run = MainTest.run("fhir", "validate", bad.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("line 1: ", "1 resource(s) checked, 1 with errors");
        var score = MainTest.run(
                "score",
                "--policy",
                "example-a-glad-pc",
                "--outputs",
                "csv,fhir",
                "--out",
                tmp.resolve("r").toString(),
                "../demo/cohort.csv");
        assertThat(score.exit()).isEqualTo(2);
        assertThat(score.err()).contains("--outputs fhir needs --key");
        Path notFhir = Files.writeString(tmp.resolve("x.ndjson"), "{\"a\": 1}\n", StandardCharsets.UTF_8);
        var refused = MainTest.run(
                "score",
                "--fhir",
                "--policy",
                "example-a-glad-pc",
                "--out",
                tmp.resolve("s").toString(),
                notFhir.toString());
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("PSY-2014 x.ndjson, line 1: the resource is not FHIR JSON");
    }
}
