package org.psyscreen.batch;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psyscreen.diagnostic.ProblemCode;

/**
 * The bad-input catalogue (the team's reliability catalogue section 3.2) for response files, one test each:
 * every case names its code and place, and every scored run outputs exactly one record per input
 * record, in order.
 */
class BatchScorerTest {
    @TempDir
    Path dir;

    RunSummary run(String content) throws Exception {
        return run(BatchFixtures.write(dir, "in.csv", content), BatchFixtures.options());
    }

    RunSummary run(Path input, BatchOptions options) throws Exception {
        RunSummary s = new BatchScorer(options).run(input, dir.resolve("out"));
        if (s.scored()) {
            assertThat(s.countsMatch()).as("records in == records out").isTrue();
            assertThat(rows()).hasSize((int) s.recordsIn());
            assertThat(Files.readAllLines(dir.resolve("out/scores.jsonl"))).hasSize((int) s.recordsIn());
        } else {
            assertThat(dir.resolve("out/scores.csv"))
                    .as("a refused file publishes no scores")
                    .doesNotExist();
        }
        assertThat(dir.resolve("out/summary.json")).exists();
        try (var files = Files.list(dir.resolve("out"))) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".partial"));
        }
        return s;
    }

    List<NamedCsvRecord> rows() throws Exception {
        List<NamedCsvRecord> out = new ArrayList<>();
        try (CsvReader<NamedCsvRecord> r = CsvReader.builder().ofNamedCsvRecord(dir.resolve("out/scores.csv"))) {
            r.forEach(out::add);
        }
        return out;
    }

    static ProblemCode only(RunSummary s) {
        assertThat(s.fileProblems().all()).hasSize(1);
        return s.fileProblems().all().get(0).code();
    }

    @Test
    void aCleanFileScoresEveryRecordInOrder() throws Exception {
        RunSummary s =
                run(BatchFixtures.HEADER + "\n" + BatchFixtures.row("G1") + "\n" + BatchFixtures.row("G2") + "\n");
        assertThat(s.recordsIn()).isEqualTo(2);
        List<NamedCsvRecord> rows = rows();
        assertThat(rows.get(0).getField("student")).isEqualTo("G1");
        assertThat(rows.get(1).getField("record")).isEqualTo("2");
        assertThat(rows.get(0).getField("demo.status")).isEqualTo("SCORED");
        assertThat(rows.get(0).getField("tier"))
                .as("never blank: one word for no risk")
                .isEqualTo("none");
        assertThat(rows.get(0).getField("tier_label_en")).isEqualTo("no risk identified");
        assertThat(rows.get(0).getField("tier_label_zh")).isEqualTo("未发现风险");
        assertThat(rows.get(0).getField("policy")).isEqualTo("demo-policy@1.0.0");
        assertThat(s.encoding()).isEqualTo("UTF-8");
        assertThat(s.tierCounts()).containsEntry("none", 2L);
        // total = 1 + 1/3: z = (4/3 - 4.6) / 2.3 = -1.4203, T = 35.8, percentile = 100 Phi(z) = 7.8 (hand-worked).
        assertThat(rows.get(0).getField("norm.synthetic-demo-total-sex-age.t")).isEqualTo("35.8");
        assertThat(rows.get(0).getField("norm.synthetic-demo-total-sex-age.percentile"))
                .isEqualTo("7.8");
        assertThat(rows.get(0).getField("norm.synthetic-demo-total-sex-age.status"))
                .isEqualTo("NORMED_SYNTHETIC");
    }

    @Test
    void aStudentOutsideEveryNormGroupGetsNoNormAndStaysVisible() throws Exception {
        run(BatchFixtures.HEADER + "\n" + BatchFixtures.row("G1").replace("2016-03-01", "") + "\n");
        NamedCsvRecord r = rows().get(0);
        assertThat(r.getField("norm.synthetic-demo-total-sex-age.t")).isEmpty();
        assertThat(r.getField("norm.synthetic-demo-total-sex-age.status")).isEqualTo("NO_NORM MISSING_DEMOGRAPHIC");
        assertThat(r.getField("follow_ups")).contains("NO_NORM");
        assertThat(r.getField("tier")).isNotEmpty();
    }

    @Test
    void r01AnEmptyFileIsRefused() throws Exception {
        assertThat(only(run(""))).isEqualTo(ProblemCode.FILE_EMPTY);
    }

    @Test
    void r02HeaderOnlyGivesZeroRecords() throws Exception {
        RunSummary s = run(BatchFixtures.HEADER + "\n");
        assertThat(s.recordsIn()).isZero();
        assertThat(s.recordsOut()).isZero();
    }

    @Test
    void r03r04ByteOrderMarkAndCrlfAreRead() throws Exception {
        RunSummary s = run("\uFEFF" + BatchFixtures.HEADER + "\r\n" + BatchFixtures.row("G1") + "\r\n");
        assertThat(s.encoding()).isEqualTo("UTF-8 with BOM");
        assertThat(rows().get(0).getField("demo.status")).isEqualTo("SCORED");
    }

    @Test
    void r05QuotedNewlinesKeepPhysicalLineNumbers() throws Exception {
        run(BatchFixtures.HEADER + "\n" + BatchFixtures.row("G1").replace(",S1,", ",\"S1\nsecond line\",") + "\n"
                + BatchFixtures.row("G2") + "\n");
        assertThat(rows().get(1).getField("line")).isEqualTo("4");
    }

    @Test
    void r07AnUnclosedQuoteRefusesTheFileWithItsLine() throws Exception {
        RunSummary s = run(BatchFixtures.HEADER + "\n" + BatchFixtures.row("G1") + "\n" + "G2,\"S1,C1,5");
        assertThat(only(s)).isEqualTo(ProblemCode.FILE_UNCLOSED_QUOTE);
        assertThat(s.fileProblems().all().get(0).location().line()).isEqualTo(3);
    }

    @Test
    void r08r11r12RaggedRecordsAreFlaggedAndStillVisible() throws Exception {
        run(BatchFixtures.HEADER + "\n" + "G1,S1,C1,5,female\n" + BatchFixtures.row("G2") + ",extra\n"
                + BatchFixtures.row("G3") + "\n");
        List<NamedCsvRecord> rows = rows();
        assertThat(rows.get(0).getField("problems")).startsWith("PSY-2101 fields 6-17 absent");
        assertThat(rows.get(0).getField("demo.status")).isEqualTo("INVALID");
        assertThat(rows.get(0).getField("demo.reasons")).isEqualTo("RECORD_UNSCORABLE(demo)");
        assertThat(rows.get(0).getField("tier")).as("never the lowest outcome").isNotEmpty();
        assertThat(rows.get(1).getField("problems")).startsWith("PSY-2102");
        assertThat(rows.get(1).getField("demo.status")).isEqualTo("INVALID");
        assertThat(rows.get(1).getField("demo.critical.danger_positive")).isEqualTo("UNKNOWN");
        assertThat(rows.get(2).getField("problems")).isEmpty();
        assertThat(rows.get(2).getField("demo.status")).isEqualTo("SCORED");
    }

    @Test
    void issue12AShiftedRowIsNeverScoredByPosition() throws Exception {
        // A stray comma in the school name slides every answer one column right: the critical
        // answer "2" lands past the header and the item before it would read "0" (NEGATIVE).
        String shifted = BatchFixtures.row("G1").replace(",S1,", ",S1,annex,");
        shifted = shifted.substring(0, shifted.length() - 1) + "2";
        run(BatchFixtures.HEADER + "\n" + shifted + "\n");
        NamedCsvRecord r = rows().get(0);
        assertThat(r.getField("problems")).startsWith("PSY-2102");
        assertThat(r.getField("demo.critical.danger_positive")).isEqualTo("UNKNOWN");
        assertThat(r.getField("demo.status")).isEqualTo("INVALID");
        assertThat(r.getField("follow_ups")).contains("CRITICAL_UNKNOWN", "INVALID");
        assertThat(r.getField("tier")).isNotEmpty();
    }

    @Test
    void issue12ARepeatedHeaderIsNotScored() throws Exception {
        run(BatchFixtures.HEADER + "\n" + BatchFixtures.row("G1") + "\n" + BatchFixtures.HEADER + "\n");
        NamedCsvRecord r = rows().get(1);
        assertThat(r.getField("problems")).contains("PSY-2103");
        assertThat(r.getField("demo.status")).isEqualTo("INVALID");
    }

    @Test
    void issue12ATestDateNoPolicyVersionCoversIsFlagged() throws Exception {
        run(BatchFixtures.HEADER + "\n" + BatchFixtures.row("G1").replace("2026-09-01", "2020-09-01") + "\n"
                + BatchFixtures.row("G2").replace("2026-09-01", "2031-09-01") + "\n"
                + BatchFixtures.row("G3").replace("2026-09-01", "") + "\n"
                + BatchFixtures.row("G4") + "\n");
        List<NamedCsvRecord> rows = rows();
        assertThat(rows.get(0).getField("problems")).contains("PSY-2110 column 7 (test_date)");
        assertThat(rows.get(1).getField("problems")).contains("PSY-2110 column 7 (test_date)");
        assertThat(rows.get(2).getField("problems")).contains("PSY-2110 column 7 (test_date) no test date");
        assertThat(rows.get(3).getField("problems")).doesNotContain("PSY-2110");
    }

    @Test
    void r13ADuplicatedHeaderIsRefused() throws Exception {
        assertThat(only(run(BatchFixtures.HEADER + ",demo.q1\n" + BatchFixtures.row("G1") + ",0\n")))
                .isEqualTo(ProblemCode.FILE_DUPLICATE_COLUMN);
    }

    @Test
    void r14ARepeatedHeaderRecordIsFlagged() throws Exception {
        run(BatchFixtures.HEADER + "\n" + BatchFixtures.row("G1") + "\n" + BatchFixtures.HEADER + "\n"
                + BatchFixtures.row("G2") + "\n" + " " + BatchFixtures.HEADER.toUpperCase(java.util.Locale.ROOT)
                + "\n");
        assertThat(rows().get(1).getField("problems")).contains("PSY-2103");
        assertThat(rows().get(2).getField("problems")).doesNotContain("PSY-2103");
        assertThat(rows().get(3).getField("problems"))
                .as("compared as headers are: trimmed, any case")
                .contains("PSY-2103");
    }

    @Test
    void r16BlankLinesAreNotRecords() throws Exception {
        RunSummary s = run(BatchFixtures.HEADER + "\n\n" + BatchFixtures.row("G1") + "\n\n");
        assertThat(s.recordsIn()).isEqualTo(1);
        assertThat(s.blankLines()).isEqualTo(2);
    }

    @Test
    void r17NulBytesAreRefused() throws Exception {
        assertThat(only(run(BatchFixtures.HEADER + "\n" + BatchFixtures.row("G1") + "\u0000\n")))
                .isEqualTo(ProblemCode.FILE_BINARY);
    }

    @Test
    void r21AGb18030FileFromChineseExcelIsReadAndSaysSo() throws Exception {
        Path in = BatchFixtures.write(
                dir,
                "gbk.csv",
                BatchFixtures.HEADER.replace("student_id", "学号") + "\n"
                        + BatchFixtures.row("G1").replace("female", "女") + "\n",
                Charset.forName("GB18030"));
        RunSummary s = run(
                in,
                BatchFixtures.options().toBuilder()
                        .mapping(Map.of("学号", "student_id"))
                        .build());
        assertThat(s.encoding()).startsWith("GB18030");
        assertThat(rows().get(0).getField("sex")).isEqualTo("female");
    }

    @Test
    void r24MixedEncodingsAreRefused() throws Exception {
        byte[] utf8 = (BatchFixtures.HEADER + "\n" + BatchFixtures.row("G1") + ",学\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] gbk = "学校\n".getBytes(Charset.forName("GBK"));
        byte[] all = new byte[utf8.length + gbk.length + 1];
        System.arraycopy(utf8, 0, all, 0, utf8.length);
        all[utf8.length] = (byte) 0x80; // a lone continuation byte: neither UTF-8 nor GB18030
        System.arraycopy(gbk, 0, all, utf8.length + 1, gbk.length);
        Path in = dir.resolve("mixed.csv");
        Files.write(in, all);
        assertThat(only(run(in, BatchFixtures.options()))).isEqualTo(ProblemCode.FILE_ENCODING);
    }

    @Test
    void r26FullWidthDigitsAreReadAsDigits() throws Exception {
        run(BatchFixtures.HEADER + "\n" + BatchFixtures.row("Ｇ1").replace(",0,1,3,0,1,0,", ",０,１,３,０,１,０,") + "\n");
        assertThat(rows().get(0).getField("demo.status")).isEqualTo("SCORED");
        assertThat(rows().get(0).getField("student")).isEqualTo("G1");
    }

    @Test
    void r29OutOfRangeAnswersAreInvalidNeverLow() throws Exception {
        run(BatchFixtures.HEADER + "\n" + BatchFixtures.row("G1").replace(",0,1,3,0,1,0,", ",4,1,3,0,1,0,") + "\n");
        NamedCsvRecord r = rows().get(0);
        assertThat(r.getField("demo.status")).isEqualTo("INVALID");
        assertThat(r.getField("demo.reasons")).contains("INVALID_ANSWER(q1)");
        assertThat(r.getField("tier")).isNotEmpty();
        assertThat(r.getField("follow_ups")).contains("INVALID");
    }

    @Test
    void r33UnknownColumnsAreRefused() throws Exception {
        RunSummary s = run(BatchFixtures.HEADER + ",demo.q31\n" + BatchFixtures.row("G1") + ",1\n");
        assertThat(only(s)).isEqualTo(ProblemCode.FILE_UNKNOWN_COLUMN);
        assertThat(s.fileProblems().all().get(0).location().column()).isEqualTo(18);
    }

    @Test
    void r34r35MissingItemColumnsIncludingTheCriticalOneAreRefused() throws Exception {
        RunSummary s = run(BatchFixtures.HEADER.replace(",demo.danger", "") + "\n"
                + "G1,S1,C1,5,female,2016-03-01,2026-09-01,0,1,3,0,1,0,0,0,0\n");
        assertThat(only(s)).isEqualTo(ProblemCode.FILE_MISSING_COLUMN);
        assertThat(s.fileProblems().all().get(0).message()).contains("demo.danger");
    }

    @Test
    void r36AMissingIdColumnIsRefused() throws Exception {
        assertThat(only(run(BatchFixtures.HEADER.replace("student_id,", "") + "\n"
                        + BatchFixtures.row("").substring(1) + "\n")))
                .isEqualTo(ProblemCode.FILE_MISSING_COLUMN);
    }

    @Test
    void r37AnEmptyIdIsFlaggedAndStillScored() throws Exception {
        run(BatchFixtures.HEADER + "\n" + BatchFixtures.row("") + "\n");
        assertThat(rows().get(0).getField("problems")).isEqualTo("PSY-2104");
        assertThat(rows().get(0).getField("demo.status")).isEqualTo("SCORED");
    }

    @Test
    void r38DuplicatedIdsKeepBothRecordsAndTheCriticalItemOfTheSecond() throws Exception {
        String second =
                BatchFixtures.row("G1").substring(0, BatchFixtures.row("G1").length() - 1) + "2";
        run(BatchFixtures.HEADER + "\n" + BatchFixtures.row("G1") + "\n" + second + "\n" + BatchFixtures.row("G2")
                + "\n");
        List<NamedCsvRecord> rows = rows();
        assertThat(rows.get(0).getField("problems")).isEqualTo("PSY-2105");
        assertThat(rows.get(1).getField("problems")).isEqualTo("PSY-2105");
        assertThat(rows.get(1).getField("tier")).isEqualTo("t1");
        assertThat(rows.get(2).getField("problems")).isEmpty();
    }

    @Test
    void r44AnImplausibleAgeIsFlagged() throws Exception {
        run(BatchFixtures.HEADER + "\n" + BatchFixtures.row("G1").replace("2016-03-01", "2009-03-01") + "\n");
        assertThat(rows().get(0).getField("problems")).contains("PSY-2107");
    }

    @Test
    void r45r49UnreadableDemographicsAreFlaggedNotGuessed() throws Exception {
        run(BatchFixtures.HEADER + "\n" + BatchFixtures.row("G1").replace(",5,female,2016-03-01", ",五,x,2023-02-30")
                + "\n");
        NamedCsvRecord r = rows().get(0);
        assertThat(r.getField("problems"))
                .contains("PSY-2106 column 4 (grade)", "PSY-2106 column 5 (sex)", "PSY-2106 column 6 (birth_date)");
        assertThat(r.getField("grade")).isEmpty();
    }

    @Test
    void r50TextCellsAreSafeToOpenInASpreadsheet() throws Exception {
        run(BatchFixtures.HEADER + "\n" + BatchFixtures.row("G1").replace(",S1,C1,", ",=HYPERLINK(1),-2+3,") + "\n");
        String csv = Files.readString(dir.resolve("out/scores.csv"));
        assertThat(csv).contains("'=HYPERLINK(1)", "'-2+3").doesNotContain(",=HYPERLINK");
    }

    /** The demo answers of {@code row} with every answer code moved up by one (options numbered from 1). */
    static String numberedFromOne(String row) {
        String[] f = row.split(",", -1);
        for (int c = 7; c < f.length; c++) {
            if (f[c].matches("[0-9]+")) { // the cohort's awkward negative codes stay as they are
                f[c] = Integer.toString(Integer.parseInt(f[c]) + 1);
            }
        }
        return String.join(",", f);
    }

    @Test
    void issue12AFileCodedOneHigherThanItsDefinitionIsRefused() throws Exception {
        StringBuilder sb = new StringBuilder(BatchFixtures.HEADER).append('\n');
        for (String line : BatchFixtures.cohort(300, 5).split("\n")) {
            if (!line.startsWith("student_id")) {
                sb.append(numberedFromOne(line)).append('\n');
            }
        }
        RunSummary s = run(sb.toString());
        assertThat(only(s)).isEqualTo(ProblemCode.FILE_CODED_DIFFERENTLY);
        String message = s.fileProblems().all().get(0).message();
        assertThat(message)
                .contains("demo.q1 (definition 0..3)", "demo.danger (definition 0..3)", "demo.l1 (definition 0..1)");
        assertThat(s.fileProblems().all().get(0).fix()).contains("1..4");
    }

    @Test
    void aColumnWhereNobodyChoseTheLowestCodeButNothingIsAboveTheRangeIsScored() throws Exception {
        // Nobody answers 0 on q1 (a real possibility); a stray 4 elsewhere is one invalid answer.
        StringBuilder sb = new StringBuilder(BatchFixtures.HEADER).append('\n');
        for (int i = 0; i < 40; i++) {
            sb.append(BatchFixtures.row("G" + i).replaceFirst(",0,1,3,", ",2,1,3,"))
                    .append('\n');
        }
        sb.append(BatchFixtures.row("G99").replaceFirst(",0,1,3,0,", ",0,1,3,4,"))
                .append('\n');
        RunSummary s = run(sb.toString());
        assertThat(s.scored()).isTrue();
        assertThat(rows().get(40).getField("demo.status")).isEqualTo("INVALID");
    }
}
