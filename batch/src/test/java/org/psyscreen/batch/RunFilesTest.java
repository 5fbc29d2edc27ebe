package org.psyscreen.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psyscreen.score.FormStatus;
import org.psyscreen.screening.ScreeningResult;

/**
 * Each run file is read back, typed, by its one codec: what {@link ScoresJsonl}, {@link ScoresCsv}
 * and {@link SummaryJson} read equals what the screener decided for the same records (screened
 * again through {@link BatchScorer#screenEach}, no file in between), and a file of another format
 * version, or edited out of shape, is refused naming the file, line and field.
 */
class RunFilesTest {
    @TempDir
    static Path dir;

    static Path input;
    static Path run;
    static RunSummary summary;
    static final List<ScreeningResult> screened = new ArrayList<>();

    @BeforeAll
    static void score() throws Exception {
        input = BatchFixtures.write(dir, "in.csv", BatchFixtures.cohort(300, 11) + BatchFixtures.HEADER + "\n");
        BatchScorer scorer = new BatchScorer(BatchFixtures.options());
        run = dir.resolve("run");
        summary = scorer.run(input, run);
        scorer.screenEach(input, r -> screened.add(r.result()));
    }

    @Test
    void theAuditTrailReadsBackAsTheScreenerDecided() throws Exception {
        List<ScoresJsonl.Entry> read = new ArrayList<>();
        try (ScoresJsonl.Reader r = ScoresJsonl.open(run)) {
            for (ScoresJsonl.Entry e; (e = r.next()) != null; ) {
                read.add(e);
            }
        }
        assertThat(read).hasSize(screened.size()).hasSize((int) summary.recordsOut());
        for (int i = 0; i < read.size(); i++) {
            ScoresJsonl.Entry e = read.get(i);
            ScreeningResult s = screened.get(i);
            assertThat(e.record()).isEqualTo(i + 1);
            assertThat(e.school()).isEqualTo(s.school());
            var form = s.forms().get("demo");
            ScoresJsonl.Form f = e.forms().get("demo");
            assertThat(f.status()).isEqualTo(form.status());
            assertThat(f.reasons()).isEqualTo(form.reasons());
            for (int k = 0; k < form.scaleIds().size(); k++) {
                assertThat(f.scales().get(form.scaleIds().get(k))).isEqualTo(Double.valueOf(form.scaleValue(k)));
            }
            for (int k = 0; k < form.criticalIds().size(); k++) {
                assertThat(f.critical().get(form.criticalIds().get(k))).isEqualTo(form.critical(k));
            }
            var d = s.decision().orElseThrow();
            assertThat(e.decision().outcomeId()).isEqualTo(d.outcomeId());
            assertThat(e.decision().followUps()).containsExactlyElementsOf(d.followUps());
            assertThat(e.decision().fired())
                    .extracting(ScoresJsonl.Firing::rule)
                    .containsExactlyElementsOf(
                            d.fired().stream().map(x -> x.ruleId()).toList());
        }
        assertThat(read.get(read.size() - 1).repeatedHeader()).isTrue();
    }

    @Test
    void scoresCsvReadsBackTypedAndCountsAsTheSummary() throws Exception {
        SummaryJson s = SummaryJson.read(run);
        assertThat(s.recordsOut()).isEqualTo(summary.recordsOut());
        assertThat(s.tierCounts()).isEqualTo(new java.util.TreeMap<>(summary.tierCounts()));
        assertThat(s.policy()).isEqualTo(summary.policy());
        assertThat(s.formats())
                .containsEntry(ScoresCsv.FILE, ScoresCsv.FORMAT)
                .containsEntry(ScoresJsonl.FILE, ScoresJsonl.FORMAT)
                .containsEntry(SummaryJson.FILE, SummaryJson.FORMAT);
        java.util.Map<String, Long> outcomes = new java.util.TreeMap<>();
        try (ScoresCsv.Reader r = ScoresCsv.open(run)) {
            assertThat(r.instruments()).containsExactly("demo");
            assertThat(r.decided()).isTrue();
            int i = 0;
            for (ScoresCsv.Row row; (row = r.next()) != null; i++) {
                ScreeningResult sr = screened.get(i);
                assertThat(row.status("demo")).isEqualTo(sr.forms().get("demo").status());
                double total = sr.forms().get("demo").scaleValue(0);
                assertThat(Double.valueOf(row.scale("demo", r.scales("demo").get(0))))
                        .isEqualTo(Double.valueOf(total));
                outcomes.merge(row.repeatedHeader() ? "repeated header (not a student)" : row.outcome(), 1L, Long::sum);
            }
            assertThat(r.rows()).isEqualTo(summary.recordsOut());
        }
        s.tierCounts().forEach((k, v) -> {
            if (v != 0) {
                assertThat(outcomes).containsEntry(k, v);
            }
        });
    }

    @Test
    void anotherFormatVersionIsRefusedWithTheVersionsNamed() throws Exception {
        Path copy = copy("v2");
        Path file = copy.resolve(SummaryJson.FILE);
        Files.writeString(file, Files.readString(file).replace("\"format\":1", "\"format\":2"));
        assertThatThrownBy(() -> SummaryJson.read(copy))
                .isInstanceOf(RunFileException.class)
                .hasMessageContaining("format 2")
                .hasMessageContaining("reads format 1");

        Path jsonl2 = copy("jsonl-v2");
        file = jsonl2.resolve(SummaryJson.FILE);
        Files.writeString(file, Files.readString(file).replace("\"scores.jsonl\":1", "\"scores.jsonl\":2"));
        assertThatThrownBy(() -> ScoresJsonl.open(jsonl2))
                .isInstanceOf(RunFileException.class)
                .hasMessageContaining("scores.jsonl is format 2");

        Path old = copy("unversioned");
        file = old.resolve(SummaryJson.FILE);
        Files.writeString(file, Files.readString(file).replace("\"format\":1,", ""));
        assertThatThrownBy(() -> ScoresCsv.open(old))
                .isInstanceOf(RunFileException.class)
                .hasMessageContaining("no format version");
    }

    @Test
    void aLineEditedOutOfShapeIsRefusedByLineAndFieldWithoutItsValue() throws Exception {
        Path copy = copy("edited");
        Path file = copy.resolve(ScoresJsonl.FILE);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        lines.set(4, lines.get(4).replace("\"status\":\"" + FormStatus.SCORED, "\"status\":\"SCORED_OK"));
        lines.set(4, lines.get(4).replace("\"status\":\"" + FormStatus.INCOMPLETE, "\"status\":\"SCORED_OK"));
        Files.write(file, lines, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> readAll(copy))
                .isInstanceOf(RunFileException.class)
                .hasMessageContaining("scores.jsonl line 5, forms entry 1, field status")
                .hasMessageNotContaining("SCORED_OK");

        Path typed = copy("typed");
        file = typed.resolve(ScoresJsonl.FILE);
        lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        lines.set(2, lines.get(2).replaceFirst("\"record\":3", "\"record\":\"3\""));
        Files.write(file, lines, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> readAll(typed)).hasMessageContaining("scores.jsonl line 3, record");

        Path cut = copy("cut");
        file = cut.resolve(ScoresCsv.FILE);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> {
                    try (ScoresCsv.Reader r = ScoresCsv.open(cut)) {
                        while (r.next() != null) {}
                    }
                })
                .isInstanceOf(RunFileException.class)
                .hasMessageContaining("scores.csv line");
    }

    /**
     * A name the file itself gives (a column header, an instrument or scale key) may be a value
     * typed into the wrong place, so a refusal names its position, never the name.
     */
    @Test
    void aNameReadFromTheFileIsNamedByPositionNotEchoed() throws Exception {
        String sentinel = "Q7SENTINEL";
        Path jsonl = copy("renamed-jsonl");
        Path file = jsonl.resolve(ScoresJsonl.FILE);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        lines.set(
                1,
                lines.get(1)
                        .replace("\"demo\":{", "\"" + sentinel + "\":{")
                        .replaceFirst("\"status\":\"[A-Z_]+\"", "\"status\":7"));
        Files.write(file, lines, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> readAll(jsonl))
                .isInstanceOf(RunFileException.class)
                .hasMessageContaining("scores.jsonl line 2, forms entry 1")
                .hasMessageNotContaining(sentinel);

        Path csv = copy("renamed-csv");
        file = csv.resolve(ScoresCsv.FILE);
        lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        lines.set(0, lines.get(0).replace("demo.", sentinel + "."));
        lines.set(1, lines.get(1).replace(",SCORED,", ",BROKEN,").replace(",INCOMPLETE,", ",BROKEN,"));
        Files.write(file, lines, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> {
                    try (ScoresCsv.Reader r = ScoresCsv.open(csv)) {
                        for (ScoresCsv.Row row; (row = r.next()) != null; ) {
                            for (String instrument : r.instruments()) {
                                row.status(instrument);
                            }
                        }
                    }
                })
                .isInstanceOf(RunFileException.class)
                .hasMessageMatching("scores.csv line 2, column \\d+ is not a form status.*")
                .hasMessageNotContaining(sentinel);

        Path summary = copy("renamed-summary");
        file = summary.resolve(SummaryJson.FILE);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Files.writeString(file, text.replace("\"formats\":{", "\"formats\":{\"" + sentinel + "\":\"x\","));
        assertThatThrownBy(() -> SummaryJson.read(summary))
                .isInstanceOf(RunFileException.class)
                .hasMessageContaining("formats entry 1")
                .hasMessageNotContaining(sentinel);
    }

    private static void readAll(Path runDir) throws Exception {
        try (ScoresJsonl.Reader r = ScoresJsonl.open(runDir)) {
            while (r.next() != null) {}
        }
    }

    private static Path copy(String name) throws Exception {
        Path copy = Files.createDirectories(dir.resolve(name));
        try (var files = Files.list(run)) {
            for (Path f : files.toList()) {
                Files.copy(f, copy.resolve(f.getFileName().toString()));
            }
        }
        return copy;
    }
}
