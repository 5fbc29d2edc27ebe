package org.psyscreen.batch;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A result sink gets every record once, in input order, with the cells scores.csv holds, and what it
 * writes is published with the run, or — when the run is refused after scoring — not at all.
 */
class ResultSinkTest {
    @TempDir
    Path dir;

    /** Records what it is given and writes one file. */
    static final class Recording implements ResultSink {
        final List<List<String>> rows = new ArrayList<>();
        final List<Long> numbers = new ArrayList<>();
        final List<ScoresJsonl.Entry> entries = new ArrayList<>();
        ResultSink.Start start;
        boolean finished;
        boolean abandoned;

        @Override
        public void open(Start s) throws IOException {
            start = s;
            rows.add(s.columns());
            Files.writeString(s.folder().resolve("sink.txt"), "opened");
        }

        @Override
        public void accept(ResultRow row) {
            numbers.add(row.screened().record());
            rows.add(row.cells());
            entries.add(row.entry());
        }

        @Override
        public List<String> finish(RunSummary summary) {
            finished = true;
            return List.of("sink.txt");
        }

        @Override
        public void abandon() {
            abandoned = true;
        }
    }

    @Test
    void everyRecordReachesTheSinkInOrderAsScoresCsvHoldsIt() throws Exception {
        Path in = BatchFixtures.write(dir, "in.csv", BatchFixtures.cohort(5000, 3));
        Recording sink = new Recording();
        RunSummary s = new BatchScorer(
                        BatchFixtures.options().toBuilder().threads(2).chunk(64).build())
                .run(ResponseFile.of(in), dir.resolve("out"), List.of(sink));
        assertThat(sink.finished).isTrue();
        assertThat(sink.abandoned).isFalse();
        assertThat(sink.numbers).hasSize(5000).isSorted().startsWith(1L).endsWith(5000L);
        assertThat(sink.start.policy()).isEqualTo(s.policy());
        List<List<String>> csv = new ArrayList<>();
        try (CsvReader<CsvRecord> r = CsvReader.builder().ofCsvRecord(dir.resolve("out/scores.csv"))) {
            r.forEach(rec -> csv.add(rec.getFields()));
        }
        assertThat(sink.rows).isEqualTo(csv);
        // the typed entry a sink is given is the one the audit trail's reader gives back
        List<ScoresJsonl.Entry> read = new ArrayList<>();
        try (ScoresJsonl.Reader r = ScoresJsonl.open(dir.resolve("out"))) {
            for (ScoresJsonl.Entry e; (e = r.next()) != null; ) {
                read.add(e);
            }
        }
        assertThat(sink.entries).hasSize(5000).isEqualTo(read);
        assertThat(sink.start.inputSha256()).isEqualTo(s.inputSha256());
        assertThat(sink.start.instruments()).containsOnlyKeys("demo");
        assertThat(s.outputs()).contains("sink.txt");
        assertThat(dir.resolve("out/sink.txt")).exists();
    }

    @Test
    void aRunRefusedAfterScoringPublishesNothingOfTheSink() throws Exception {
        // option numbers 1..4 where the definition codes 0..3: refused once the whole file is read (PSY-2009)
        StringBuilder text = new StringBuilder(BatchFixtures.HEADER).append('\n');
        for (int i = 0; i < 200; i++) {
            text.append("G").append(100 + i).append(",S1,C1,5,female,2016-03-01,2026-09-01,4,2,3,4,1,2,1,1,1,1\n");
        }
        Path in = BatchFixtures.write(dir, "odd.csv", text.toString());
        Recording sink = new Recording();
        RunSummary s =
                new BatchScorer(BatchFixtures.options()).run(ResponseFile.of(in), dir.resolve("out"), List.of(sink));
        assertThat(s.scored()).isFalse();
        assertThat(sink.abandoned).isTrue();
        assertThat(sink.finished).isFalse();
        try (var files = Files.list(dir.resolve("out"))) {
            assertThat(files.map(p -> p.getFileName().toString())).doesNotContain("sink.txt", "scores.csv");
        }
    }

    @Test
    void scoresXlsxHoldsTheRowsOfScoresCsv() throws Exception {
        Path in = BatchFixtures.write(dir, "in.csv", BatchFixtures.cohort(300, 4));
        RunSummary s = new BatchScorer(BatchFixtures.options())
                .run(ResponseFile.of(in), dir.resolve("out"), List.of(new ScoresXlsx()));
        assertThat(s.outputs()).contains(ScoresXlsx.FILE);
        // read back with the batch's own workbook source: the same cells as scores.csv
        List<String> header = ResponseFile.of(dir.resolve("out/scores.xlsx")).readHeader();
        try (CsvReader<CsvRecord> r = CsvReader.builder().ofCsvRecord(dir.resolve("out/scores.csv"))) {
            assertThat(header).isEqualTo(r.iterator().next().getFields());
        }
    }
}
