package org.psyscreen.report;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.psyscreen.fuzz.Leaks;

/**
 * A run's {@code scores.csv} read back by the report: any bytes are counted or refused with a
 * {@link ReportInputException} naming the line and column, never another exception or a value.
 */
class ScoresCsvFuzzTest {
    /** GAD-7's published definition: its severity levels are derived and the file's checked. */
    private static final java.util.Map<String, org.psyscreen.definition.InstrumentDefinition> DEFINITIONS =
            java.util.Map.of(
                    "gad7",
                    org.psyscreen.load.Bundle.classPath(ScoresCsvFuzzTest.class.getClassLoader())
                            .instrument("gad7")
                            .orElseThrow());

    private static final List<String> OUTCOMES = List.of("urgent", "high", "watch", "unevaluated", "none");

    @FuzzTest(maxDuration = "20s")
    void anyScoresCsvIsCountedOrRefused(byte[] input) throws IOException {
        Path run = Files.createTempDirectory("psyscreen-fuzz");
        Path file = run.resolve("scores.csv");
        try {
            Files.write(file, input);
            long lines = input.length == 0
                    ? 0
                    : new String(input, java.nio.charset.StandardCharsets.UTF_8)
                                    .lines()
                                    .count()
                            - 1;
            Files.writeString(run.resolve("summary.json"), summary(Math.max(0, lines)));
            org.psyscreen.batch.SummaryJson read = org.psyscreen.batch.SummaryJson.read(run);
            for (String school : new String[] {null, "SCH1"}) {
                try {
                    RunCounts.read(run, read, OUTCOMES, school, DEFINITIONS);
                } catch (ReportInputException e) {
                    Leaks.assertNotEchoed(input, e.getMessage());
                }
            }
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(run.resolve("summary.json"));
            Files.deleteIfExists(run);
        }
    }

    /** A summary that lists scores.csv in the format its reader reads, with {@code records} records. */
    private static String summary(long records) {
        return "{\"format\":1,\"formats\":{\"scores.csv\":1,\"summary.json\":1},\"input\":\"in.csv\","
                + "\"inputSha256\":\"0\",\"encoding\":\"UTF-8\",\"recordsIn\":" + records + ",\"recordsOut\":"
                + records + ",\"countsMatch\":true,\"blankLines\":0,\"scored\":true,\"fileProblems\":[],"
                + "\"fileProblemsNotListed\":0,\"statusCounts\":{},\"tierCounts\":{},\"problemCounts\":{},"
                + "\"problemMeanings\":{},\"outputs\":[\"scores.csv\",\"summary.json\"],\"policy\":\"p@1\","
                + "\"keyId\":\"\",\"instruments\":{},\"engineVersion\":\"0\",\"millis\":0}";
    }
}
