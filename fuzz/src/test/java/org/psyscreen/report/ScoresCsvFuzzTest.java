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
    private static final List<String> TIERS = List.of("urgent", "high", "watch");

    @FuzzTest(maxDuration = "20s")
    void anyScoresCsvIsCountedOrRefused(byte[] input) throws IOException {
        Path file = Files.createTempFile("psyscreen-fuzz", ".csv");
        try {
            Files.write(file, input);
            long lines = input.length == 0
                    ? 0
                    : new String(input, java.nio.charset.StandardCharsets.UTF_8)
                                    .lines()
                                    .count()
                            - 1;
            for (String school : new String[] {null, "SCH1"}) {
                try {
                    RunCounts.read(file, TIERS, school, Math.max(0, lines));
                } catch (ReportInputException e) {
                    Leaks.assertNotEchoed(input, e.getMessage());
                }
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
