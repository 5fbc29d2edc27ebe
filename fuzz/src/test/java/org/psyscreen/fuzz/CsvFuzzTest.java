package org.psyscreen.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.psyscreen.batch.BatchOptions;
import org.psyscreen.batch.BatchScorer;
import org.psyscreen.batch.RunSummary;
import org.psyscreen.load.Bundle;
import org.psyscreen.privacy.Pseudonymizer;
import org.psyscreen.tier.CutoffPolicy;

/**
 * Response files, end to end through the batch (byte pass, encodings, quoting, header, records,
 * scoring, outputs): any bytes are scored with every record accounted for, or refused whole; never
 * an exception; the summary, which anyone may read, names no value.
 */
class CsvFuzzTest {
    private static final Bundle BUNDLE = Bundle.classPath(CsvFuzzTest.class.getClassLoader());
    private static final BatchOptions OPTIONS;

    static {
        CutoffPolicy policy = BUNDLE.policy("example-a-glad-pc").orElseThrow();
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (i * 37 + 11);
        }
        OPTIONS = BatchOptions.builder(BUNDLE.plansFor(policy), policy)
                .norms(BUNDLE.norms())
                .threads(1)
                .overwrite(true)
                .pseudonymizer(Pseudonymizer.of(key))
                .build();
    }

    private static int indexOf(byte[] b, byte x) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == x) {
                return i;
            }
        }
        return -1;
    }

    @FuzzTest(maxDuration = "20s")
    void anyFileIsScoredWholeOrRefusedWhole(byte[] input) throws IOException {
        Path dir = Files.createTempDirectory("psyscreen-fuzz-csv");
        try {
            Path in = Files.write(dir.resolve("in.csv"), input);
            RunSummary s = new BatchScorer(OPTIONS).run(in, dir.resolve("out"));
            if (s.scored()) {
                assertThat(s.countsMatch()).isTrue();
                assertThat(s.recordsOut()).isEqualTo(s.recordsIn());
            }
            // Header cells are column titles (quoted to name a column); values are what follows them.
            int firstLineEnd = indexOf(input, (byte) '\n');
            byte[] header = java.util.Arrays.copyOf(input, firstLineEnd < 0 ? input.length : firstLineEnd);
            if (!new String(header, StandardCharsets.ISO_8859_1).contains(Leaks.SENTINEL)) {
                Leaks.assertNotEchoed(input, Files.readString(dir.resolve("out/summary.json"), StandardCharsets.UTF_8));
            }
        } finally {
            try (var tree = Files.walk(dir)) {
                for (Path p : tree.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
