package org.psyscreen.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.psyscreen.batch.ResponseRows;
import org.psyscreen.fhir.FhirResponses;
import org.psyscreen.load.Bundle;
import org.psyscreen.plan.ScoringPlan;

/**
 * QuestionnaireResponses read as a run's rows ({@code psyscreen score --fhir}): any bytes, as NDJSON and
 * as a Bundle, are read or refused with PSY-2014 naming no value; never another exception.
 */
class FhirFuzzTest {
    private static final Bundle BUNDLE = Bundle.classPath(FhirFuzzTest.class.getClassLoader());
    private static final Map<String, ScoringPlan> PLANS =
            BUNDLE.plansFor(BUNDLE.policy("example-a-glad-pc").orElseThrow());
    private static final Path HOME;

    static {
        try {
            HOME = Files.createTempDirectory("psyscreen-fuzz-fhir");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @FuzzTest(maxDuration = "20s")
    void anyBytesAreReadOrRefused(byte[] input) throws IOException {
        for (String name : List.of("responses.ndjson", "bundle.json")) {
            Path file = Files.write(HOME.resolve(name), input);
            try {
                ResponseRows rows = FhirResponses.read(file, PLANS);
                rows.header().forEach(String::length);
            } catch (FhirResponses.FhirSourceException e) {
                Leaks.assertNotEchoed(input, e.getMessage());
            }
        }
    }
}
