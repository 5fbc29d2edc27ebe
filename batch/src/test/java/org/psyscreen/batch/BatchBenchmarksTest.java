package org.psyscreen.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The decode and chunk benchmarks do what the batch does: same fields, same output bytes. */
class BatchBenchmarksTest {
    @TempDir
    Path dir;

    @Test
    void bothReadersDecodeTheSameFields() throws IOException {
        CsvDecodeBenchmark b = new CsvDecodeBenchmark();
        long[] chars = new long[2];
        String[] readers = {"fastcsv", "plain"};
        for (int k = 0; k < 2; k++) {
            b.reader = readers[k];
            b.setUp();
            // independent count: the file's characters minus separators and line ends, header excluded
            String text = Files.readString(b.file, StandardCharsets.UTF_8);
            String body = text.substring(text.indexOf('\n') + 1);
            long expected = body.length()
                    - body.chars().filter(c -> c == ',').count()
                    - body.chars().filter(c -> c == '\n').count();
            chars[k] = b.decode();
            assertThat(chars[k]).isEqualTo(expected);
            b.tearDown();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"narrow", "wide"})
    void chunkStagesWriteWhatTheBatchWrites(String shape) throws Exception {
        ChunkBenchmark b = new ChunkBenchmark();
        b.cohort = shape;
        b.setUp();
        // the same cohort scored by the batch, end to end
        StageCohort cohort = ChunkBenchmark.cohort(shape);
        Path in = cohort.write(dir.resolve("cohort.csv"));
        RunSummary s = new BatchScorer(ChunkBenchmark.options(cohort)).run(in, dir.resolve("out"));
        assertThat(s.recordsOut()).isEqualTo(ChunkBenchmark.RECORDS);
        byte[] csv = Files.readAllBytes(dir.resolve("out/scores.csv"));
        String csvText = new String(csv, StandardCharsets.UTF_8);
        byte[] csvBody = csvText.substring(csvText.indexOf('\n') + 1).getBytes(StandardCharsets.UTF_8);
        byte[] json = Files.readAllBytes(dir.resolve("out/scores.jsonl"));

        ScoringPass.ScoredChunk chunk = b.chunk();
        assertThat(bytes(chunk.csv())).isEqualTo(csvBody);
        assertThat(bytes(chunk.json())).isEqualTo(json);
        ScoringPass.Encoder encoded = b.encode();
        assertThat(bytes(encoded.csv)).isEqualTo(csvBody);
        assertThat(bytes(encoded.json)).isEqualTo(json);
        assertThat(b.score()).hasSize(ChunkBenchmark.RECORDS);
        // every tier occurs in the chunk: the benchmark is not one repeated easy path
        assertThat(s.tierCounts()).containsKeys("urgent", "high", "watch", "none");
    }

    private static byte[] bytes(PagedBytes p) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.writeTo(out);
        return out.toByteArray();
    }
}
