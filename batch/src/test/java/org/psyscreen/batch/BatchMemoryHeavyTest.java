package org.psyscreen.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Memory does not grow with the input: a generated file about five times the heap is scored by a
 * child JVM limited to {@code -Xmx32m}. Runs under {@code -Pheavy} (the CI command includes it).
 */
@Tag("heavy")
class BatchMemoryHeavyTest {
    @TempDir
    Path dir;

    @Test
    void aFileFiveTimesTheHeapScoresUnderXmx32m() throws Exception {
        Path in = dir.resolve("big.csv");
        int students = 3_000_000;
        try (BufferedWriter w = Files.newBufferedWriter(in, StandardCharsets.UTF_8)) {
            w.write(BatchFixtures.HEADER);
            w.write('\n');
            for (int i = 0; i < students; i++) {
                String id = "G" + (100000000 + i);
                w.write(
                        i % 97 == 0
                                ? BatchFixtures.row(id).replace(",0,1,3,0,1,0,", ",3,3,0,3,2,3,")
                                : BatchFixtures.row(id));
                w.write('\n');
            }
            w.write(BatchFixtures.row("G100000005")); // one duplicated id at the very end
            w.write('\n');
        }
        long size = Files.size(in);
        assertThat(size).as("file size").isGreaterThan(5L * 32 * 1024 * 1024);
        Path out = dir.resolve("out");
        Process child = BatchFixtures.scoreInChildJvm(in, out, "-Xmx32m");
        String log = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(10, TimeUnit.MINUTES)).isTrue();
        assertThat(child.exitValue()).as(log).isZero();
        String summary = Files.readString(out.resolve("summary.json"));
        assertThat(summary)
                .contains(
                        "\"recordsIn\":" + (students + 1),
                        "\"recordsOut\":" + (students + 1),
                        "\"countsMatch\":true",
                        "\"PSY-2105\":2");
    }
}
