package org.psyscreen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.psyscreen.batch.BatchOptions;
import org.psyscreen.batch.BatchScorer;
import org.psyscreen.batch.ResponseFile;
import org.psyscreen.batch.RunSummary;
import org.psyscreen.fuzz.Leaks;
import org.psyscreen.load.Bundle;
import org.psyscreen.tier.CutoffPolicy;

/**
 * Workbooks (zip archives of XML), read directly by the batch's workbook source: any bytes are scored
 * with every record accounted for, or refused whole as an unreadable workbook naming the part or row;
 * never an exception, and the summary names no cell's value.
 */
class XlsxFuzzTest {
    private static final Bundle BUNDLE = Bundle.classPath(XlsxFuzzTest.class.getClassLoader());
    private static final BatchOptions OPTIONS;

    static {
        CutoffPolicy policy = BUNDLE.policy("example-a-glad-pc").orElseThrow();
        OPTIONS = BatchOptions.builder(BUNDLE.plansFor(policy), policy)
                .norms(BUNDLE.norms())
                .threads(1)
                .overwrite(true)
                .build();
    }

    @FuzzTest(maxDuration = "20s")
    void anyBytesAreScoredOrRefused(byte[] input) throws IOException {
        Path dir = Files.createTempDirectory("psyscreen-fuzz-xlsx");
        try {
            Path xlsx = Files.write(dir.resolve("in.xlsx"), input);
            RunSummary s = new BatchScorer(OPTIONS).run(ResponseFile.of(xlsx), dir.resolve("out"));
            if (s.scored()) {
                assertThat(s.countsMatch()).isTrue();
            }
            Leaks.assertNotEchoed(
                    input,
                    String.join(
                            "\n",
                            s.fileProblems().all().stream().map(p -> p.format()).toList()));
            assertThat(Files.readString(dir.resolve("out/summary.json"), StandardCharsets.UTF_8))
                    .isNotEmpty();
        } finally {
            try (var tree = Files.walk(dir)) {
                for (Path p : tree.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
