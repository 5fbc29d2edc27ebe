package org.psyscreen.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Questionnaire;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psyscreen.batch.ResponseRows;
import org.psyscreen.plan.ScoringPlan;

/** What the FHIR source refuses, naming the place and never a value; and that the validator finds errors. */
class FhirResponsesTest {
    @TempDir
    Path dir;

    static final Map<String, ScoringPlan> PLANS = FhirRoundTripTest.PLANS;
    static final String QR = "{\"resourceType\":\"QuestionnaireResponse\",\"status\":\"completed\","
            + "\"questionnaire\":\"http://psyscreen.org/fhir/Questionnaire/%s\","
            + "\"subject\":{\"identifier\":{\"value\":\"%s\"}},\"authored\":\"2026-09-15\","
            + "\"item\":[{\"linkId\":\"%s\",\"answer\":[%s]}]}";

    private Path file(String name, String... lines) throws Exception {
        return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    private static String qr(String questionnaire, String id, String item, String answers) {
        return QR.formatted(questionnaire, id, item, answers);
    }

    @Test
    void twoInstrumentsOfOneStudentOnOneDateAreOneRowAndABundleReadsAsNdjsonDoes() throws Exception {
        String a = qr("phqa|1.0.0", "S0001", "q1", "{\"valueCoding\":{\"code\":\"2\"}}");
        String b = qr("gad7", "S0001", "q3", "{\"valueInteger\":1}");
        ResponseRows rows = FhirResponses.read(file("two.ndjson", a, b), PLANS);
        assertThat(rows.header()).startsWith("student_id", "test_date").contains("phqa.q1", "gad7.q3");
        Path bundle = file(
                "two.json",
                "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"resource\":" + a
                        + "},{\"resource\":" + b + "}]}");
        assertThat(FhirResponses.read(bundle, PLANS).header()).isEqualTo(rows.header());
    }

    @Test
    void whatCannotBeReadIsRefusedByPlaceNeverByValue() throws Exception {
        String secret = "Q7SENTINEL";
        List<String[]> cases = List.of(
                new String[] {"{not json " + secret, "line 1: the resource is not FHIR JSON"},
                new String[] {
                    "{\"resourceType\":\"Patient\",\"id\":\"" + secret + "\"}",
                    "line 1: resourceType is not a QuestionnaireResponse"
                },
                new String[] {
                    qr("phqa", "", "q1", "{\"valueCoding\":{\"code\":\"1\"}}"),
                    "subject.identifier.value has no student id"
                },
                new String[] {
                    qr("nosuch", secret, "q1", "{\"valueCoding\":{\"code\":\"1\"}}"),
                    "questionnaire names an instrument (or version) the run does not score"
                },
                new String[] {
                    qr("phqa|9.9.9", secret, "q1", "{\"valueCoding\":{\"code\":\"1\"}}"),
                    "questionnaire names an instrument (or version)"
                },
                new String[] {
                    qr("phqa", secret, "q99", "{\"valueCoding\":{\"code\":\"1\"}}"), "item q99 is not an item of phqa"
                },
                new String[] {
                    qr("phqa", "S1", "Name " + secret, "{\"valueCoding\":{\"code\":\"1\"}}"),
                    "an item's linkId is not an item of phqa"
                },
                new String[] {
                    qr("phqa", secret, "q1", "{\"valueCoding\":{\"code\":\"1\"}},{\"valueCoding\":{\"code\":\"2\"}}"),
                    "item q1 has more than one answer"
                });
        for (String[] c : cases) {
            Path f = file("bad.ndjson", c[0]);
            assertThatThrownBy(() -> FhirResponses.read(f, PLANS))
                    .as(c[1])
                    .hasMessageStartingWith("PSY-2014 bad.ndjson, ")
                    .hasMessageContaining(c[1])
                    .hasMessageNotContaining(secret);
        }
    }

    @Test
    void textThatIsNotUtf8IsRefusedByItsLine() throws Exception {
        Path f = dir.resolve("latin1.ndjson");
        Files.write(f, new byte[] {'{', '}', '\n', (byte) 0xff, (byte) 0xfe, '\n'});
        assertThatThrownBy(() -> FhirResponses.read(f, PLANS))
                .hasMessageStartingWith("PSY-2014 latin1.ndjson, line ")
                .hasMessageContaining("is not");
    }

    @Test
    void theValidatorFindsAnError() {
        Questionnaire q = FhirQuestionnaires.of(PLANS.get("phqa"));
        q.getItem().get(0).setLinkId(null); // linkId is required
        assertThat(new FhirValidation().errors(q)).isNotEmpty();
    }
}
