package org.psyscreen.batch;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The same students as CSV, as JSON Lines, as an .xlsx sheet and as rows of cells held in memory
 * ({@link ResponseRows}) score to the same results: every
 * column of scores.csv but {@code line} (where each format's own line or row number goes) is equal,
 * record by record, and so are the summary's counts. The cohort has awkward records on purpose
 * (blank and out-of-range answers, a repeated header, a record with an extra field). A record with
 * fewer fields has no equal in the other formats: a sheet row or a JSON object has no field count,
 * and a cell or key it lacks is an empty cell — a blank answer, so the form is never scored low risk.
 */
class ResponseFormatsTest {
    @TempDir
    static Path dir;

    static List<List<String>> rows;
    static Path csv;

    @BeforeAll
    static void cohort() throws Exception {
        String text = BatchFixtures.cohort(400, 5)
                + BatchFixtures.HEADER + "\n" // a repeated header
                + BatchFixtures.row("G9000002") + ",extra\n"; // long
        csv = BatchFixtures.write(dir, "cohort.csv", text);
        rows = new ArrayList<>();
        try (CsvReader<CsvRecord> r = CsvReader.builder()
                .extraFieldStrategy(de.siegmar.fastcsv.reader.FieldMismatchStrategy.IGNORE)
                .missingFieldStrategy(de.siegmar.fastcsv.reader.FieldMismatchStrategy.IGNORE)
                .ofCsvRecord(csv)) {
            r.forEach(rec -> rows.add(rec.getFields()));
        }
    }

    /** The cohort as JSON Lines: numbers where a cell is a whole number, text otherwise, no key for a missing field. */
    static Path jsonl() throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        List<String> header = rows.get(0);
        List<String> lines = new ArrayList<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            ObjectNode o = json.createObjectNode();
            for (int c = 0; c < row.size(); c++) {
                String key = c < header.size() ? header.get(c) : "extra_" + c;
                String v = row.get(c);
                if (v.matches("[0-9]") && c >= 7) {
                    o.put(key, Integer.parseInt(v));
                } else if (v.isEmpty() && c >= 7) {
                    o.putNull(key);
                } else {
                    o.put(key, v);
                }
            }
            lines.add(json.writeValueAsString(o));
        }
        lines.add(2, ""); // a blank line, skipped and counted
        Path p = dir.resolve("cohort.jsonl");
        Files.write(p, lines, StandardCharsets.UTF_8);
        return p;
    }

    /** The cohort as one sheet: answers as number cells, everything else as text cells. */
    static Path xlsx() throws Exception {
        Path p = dir.resolve("cohort.xlsx");
        try (OutputStream os = Files.newOutputStream(p)) {
            Workbook wb = new Workbook(os, "test", "1.0");
            Worksheet ws = wb.newWorksheet("答卷");
            for (int r = 0; r < rows.size(); r++) {
                List<String> row = rows.get(r);
                for (int c = 0; c < row.size(); c++) {
                    String v = row.get(c);
                    if (r > 0 && c >= 7 && v.matches("[0-9]")) {
                        ws.value(r, c, new BigDecimal(v));
                    } else if (!v.isEmpty()) {
                        ws.value(r, c, v);
                    }
                }
            }
            wb.finish();
        }
        return p;
    }

    @Test
    void jsonLinesAndAWorkbookScoreAsTheCsvOfTheSameStudents() throws Exception {
        BatchScorer scorer = new BatchScorer(BatchFixtures.options());
        RunSummary fromCsv = scorer.run(csv, dir.resolve("csv"));
        RunSummary fromJsonl = scorer.run(ResponseFile.of(jsonl()), dir.resolve("jsonl"));
        RunSummary fromXlsx = scorer.run(ResponseFile.of(xlsx()), dir.resolve("xlsx"));
        RunSummary fromRows = scorer.run(
                ResponseRows.of("cohort table", rows.get(0), rows.subList(1, rows.size())), dir.resolve("rows"));
        for (RunSummary s : List.of(fromCsv, fromJsonl, fromXlsx, fromRows)) {
            assertThat(s.scored()).as(s.fileProblems().toString()).isTrue();
            assertThat(s.countsMatch()).isTrue();
            assertThat(s.recordsIn()).isEqualTo(rows.size() - 1);
            assertThat(s.tierCounts()).isEqualTo(fromCsv.tierCounts());
            assertThat(s.codeCounts()).isEqualTo(fromCsv.codeCounts());
        }
        assertThat(fromJsonl.blankLines()).isEqualTo(1);
        assertThat(fromXlsx.encoding()).isEqualTo("xlsx workbook, sheet '答卷'");
        List<List<String>> expected = withoutLine(dir.resolve("csv"));
        // rows number their records as the CSV's lines (header line 1), so even the line column is equal
        assertThat(Files.readAllBytes(dir.resolve("rows/scores.csv")))
                .isEqualTo(Files.readAllBytes(dir.resolve("csv/scores.csv")));
        assertThat(fromRows.input()).isEqualTo("cohort table");
        assertThat(fromRows.inputSha256()).hasSize(64).isNotEqualTo(fromCsv.inputSha256());
        for (String format : List.of("jsonl", "xlsx", "rows")) {
            List<List<String>> got = withoutLine(dir.resolve(format));
            assertThat(got).hasSameSizeAs(expected);
            for (int i = 0; i < got.size(); i++) {
                assertThat(got.get(i)).as("%s, scores.csv row %d", format, i).isEqualTo(expected.get(i));
            }
        }
        assertThat(expected.toString()).contains("PSY-2102", "PSY-2103");
    }

    @Test
    void rowsAreCheckedAsAFileIsAndTheirHashIsTheirIdentity() throws Exception {
        BatchScorer scorer = new BatchScorer(BatchFixtures.options());
        List<String> header = rows.get(0);
        List<List<String>> some = new ArrayList<>(rows.subList(1, 21));
        some.add(3, List.of()); // a row with no cells is a blank line
        some.add(5, java.util.Arrays.asList(BatchFixtures.row("G9000001").split(",", -1)));
        some.add(6, java.util.Arrays.asList(BatchFixtures.row("G9000001").split(",", -1))); // the same id twice
        RunSummary a = scorer.run(ResponseRows.of("t", header, some), dir.resolve("rows-a"));
        RunSummary b = scorer.run(ResponseRows.of("t", header, some), dir.resolve("rows-b"));
        assertThat(a.scored()).isTrue();
        assertThat(a.blankLines()).isEqualTo(1);
        assertThat(a.recordsIn()).isEqualTo(a.recordsOut()).isEqualTo(22);
        assertThat(a.codeCounts()).containsKey("PSY-2105"); // a duplicate id, as in a file
        assertThat(a.inputSha256()).isEqualTo(b.inputSha256());

        List<String> unknownColumn = new ArrayList<>(header);
        unknownColumn.set(8, "demo.q99");
        RunSummary refused = scorer.run(ResponseRows.of("t", unknownColumn, some), dir.resolve("rows-c"));
        assertThat(refused.scored()).isFalse();
        assertThat(refused.fileProblems().all()).isNotEmpty();
    }

    @Test
    void aKeyARecordLacksIsABlankAnswerSoItsCriticalItemIsUnknownNeverNegative() throws Exception {
        String header = rows.get(0).toString();
        Path p = dir.resolve("lacking.jsonl");
        String full = "{\"student_id\":\"G1\",\"school\":\"S1\",\"class\":\"C1\",\"grade\":\"5\",\"sex\":\"female\","
                + "\"birth_date\":\"2016-03-01\",\"test_date\":\"2026-09-01\",\"demo.q1\":0,\"demo.q2\":1,\"demo.q3\":3,"
                + "\"demo.q4\":0,\"demo.q5\":1,\"demo.q6\":0,\"demo.l1\":0,\"demo.l2\":0,\"demo.l3\":0,\"demo.danger\":0}";
        Files.writeString(p, full + "\n" + full.replace("\"G1\"", "\"G2\"").replace(",\"demo.danger\":0", "") + "\n");
        List<BatchScorer.ScreenedRecord> screened = new ArrayList<>();
        new BatchScorer(BatchFixtures.options()).screenEach(ResponseFile.of(p), screened::add);
        assertThat(header).contains("demo.danger");
        assertThat(screened).hasSize(2);
        assertThat(screened.get(0).result().forms().get("demo").status())
                .isEqualTo(org.psyscreen.score.FormStatus.SCORED);
        var lacking = screened.get(1).result();
        assertThat(lacking.forms().get("demo").critical(0)).isEqualTo(org.psyscreen.score.CriticalState.UNKNOWN);
        assertThat(lacking.decision().orElseThrow().followUps()).contains(org.psyscreen.tier.FollowUp.CRITICAL_UNKNOWN);
    }

    @Test
    void aJsonLineThatIsNotAnObjectOfCellsRefusesTheFileByLineAndKey() throws Exception {
        Path p = dir.resolve("nested.jsonl");
        Files.writeString(
                p, "{\"student_id\":\"G1\",\"school\":\"S1\"}\n{\"student_id\":\"G2\",\"school\":{\"name\":\"秘密\"}}\n");
        RunSummary s = new BatchScorer(BatchFixtures.options()).run(ResponseFile.of(p), dir.resolve("n"));
        assertThat(s.scored()).isFalse();
        assertThat(s.fileProblems().all())
                .anySatisfy(x -> assertThat(x.format()).contains("PSY-2012", "line 2", "'school'"))
                .allSatisfy(x -> assertThat(x.format()).doesNotContain("秘密"));

        Path broken = Files.writeString(dir.resolve("broken.jsonl"), "{\"student_id\":\"G1\"}\n{\"student_id\":\n");
        RunSummary b = new BatchScorer(BatchFixtures.options()).run(ResponseFile.of(broken), dir.resolve("b"));
        assertThat(b.fileProblems().all())
                .anySatisfy(x -> assertThat(x.format()).contains("PSY-2012", "line 2"));
    }

    @Test
    void aWorkbookThatIsNotOneIsRefusedAndAMissingSheetNamesTheSheets() throws Exception {
        Path fake = Files.writeString(dir.resolve("fake.xlsx"), "student_id\nG1\n");
        RunSummary s = new BatchScorer(BatchFixtures.options()).run(ResponseFile.of(fake), dir.resolve("f"));
        assertThat(s.scored()).isFalse();
        assertThat(s.fileProblems().all().get(0).format()).contains("PSY-2013", "zip archive");

        RunSummary noSheet = new BatchScorer(BatchFixtures.options())
                .run(ResponseFile.of(xlsx()).withSheet("Sheet9"), dir.resolve("s"));
        assertThat(noSheet.fileProblems().all().get(0).format()).contains("PSY-2013", "no sheet Sheet9", "答卷");
        assertThat(ResponseFile.of(xlsx()).withSheet("1").readHeader()).isEqualTo(rows.get(0));
    }

    @Test
    void aWorkbookPartCompressedByAMethodOtherThanStoredOrDeflatedIsRefusedNamingThePart() throws Exception {
        // ECMA-376 Part 2 (Open Packaging Conventions), Annex C: a package's parts are stored or
        // deflated. A zip entry labelled with another method (zstd, 93, needs a library the reader
        // does not ship) must be refused as an unreadable workbook, not fail inside the zip reader.
        Path relabelled = dir.resolve("zstd.xlsx");
        try (var in = org.apache.commons.compress.archivers.zip.ZipFile.builder()
                        .setFile(xlsx().toFile())
                        .get();
                var out = new org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream(relabelled)) {
            for (var e : java.util.Collections.list(in.getEntries())) {
                var copy = new org.apache.commons.compress.archivers.zip.ZipArchiveEntry(e);
                if (e.getName().startsWith("xl/worksheets/")) {
                    copy.setMethod(93);
                }
                out.addRawArchiveEntry(copy, in.getRawInputStream(e));
            }
        }
        RunSummary s = new BatchScorer(BatchFixtures.options()).run(ResponseFile.of(relabelled), dir.resolve("z"));
        assertThat(s.scored()).isFalse();
        assertThat(s.fileProblems().all().get(0).format())
                .contains("PSY-2013", "xl/worksheets/sheet1.xml", "compressed by method 93");

        // The same archive claiming to be disk 7 of a split archive (the CI fuzz run's second
        // finding): the zip reader's split-aware opening refuses it, but the workbook reader opens it
        // as one file, so the check must open it the same way or refuse it itself.
        byte[] bytes = Files.readAllBytes(relabelled);
        int end = bytes.length - 22;
        while (!(bytes[end] == 0x50 && bytes[end + 1] == 0x4b && bytes[end + 2] == 5 && bytes[end + 3] == 6)) {
            end--;
        }
        bytes[end + 4] = 7;
        Path split = Files.write(dir.resolve("disk7.xlsx"), bytes);
        RunSummary d = new BatchScorer(BatchFixtures.options()).run(ResponseFile.of(split), dir.resolve("d"));
        assertThat(d.scored()).isFalse();
        assertThat(d.fileProblems().all().get(0).format()).contains("PSY-2013");
    }

    @Test
    void dateFormatsAreRecognised() {
        assertThat(XlsxRecords.dateFormat(14, null)).isTrue();
        assertThat(XlsxRecords.dateFormat(58, null)).isTrue();
        assertThat(XlsxRecords.dateFormat(176, "yyyy\"年\"m\"月\"d\"日\"")).isTrue();
        assertThat(XlsxRecords.dateFormat(177, "0.00")).isFalse();
        assertThat(XlsxRecords.dateFormat(178, "\"day \"0"))
                .as("quoted text is not a code")
                .isFalse();
        assertThat(XlsxRecords.dateFormat(0, null)).isFalse();
    }

    /** scores.csv's rows without the line column. */
    private static List<List<String>> withoutLine(Path run) throws Exception {
        List<List<String>> out = new ArrayList<>();
        try (CsvReader<CsvRecord> r = CsvReader.builder().ofCsvRecord(run.resolve("scores.csv"))) {
            for (CsvRecord rec : r) {
                List<String> f = new ArrayList<>(rec.getFields());
                f.remove(1);
                out.add(f);
            }
        }
        return out;
    }
}
