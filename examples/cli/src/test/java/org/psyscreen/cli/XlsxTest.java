package org.psyscreen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Workbooks as schools hand them over (issue 14): a cover sheet first, date cells that hold Excel
 * serial numbers, a numeric cell holding text; and scores.xlsx for staff with a frozen header and
 * filters. Workbooks are written by hand (minimal SpreadsheetML) so cell types and formats are
 * exactly what Excel writes.
 */
class XlsxTest {
    @TempDir
    Path dir;

    /** A cell: text, a number, or a date serial number (style 1 = built-in date format 14). */
    record C(String kind, String value) {}

    static C t(String v) {
        return new C("t", v);
    }

    static C n(String v) {
        return new C("n", v);
    }

    static C d(String serial) {
        return new C("d", serial);
    }

    static void workbook(Path file, Map<String, List<List<C>>> sheets) throws Exception {
        try (OutputStream os = Files.newOutputStream(file);
                ZipOutputStream zip = new ZipOutputStream(os)) {
            StringBuilder types = new StringBuilder(
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>");
            StringBuilder book = new StringBuilder(
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>");
            StringBuilder rels = new StringBuilder(
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rIdS\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>");
            int k = 1;
            for (var e : sheets.entrySet()) {
                types.append("<Override PartName=\"/xl/worksheets/sheet")
                        .append(k)
                        .append(
                                ".xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
                book.append("<sheet name=\"")
                        .append(e.getKey())
                        .append("\" sheetId=\"")
                        .append(k)
                        .append("\" r:id=\"rId")
                        .append(k)
                        .append("\"/>");
                rels.append("<Relationship Id=\"rId")
                        .append(k)
                        .append(
                                "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet")
                        .append(k)
                        .append(".xml\"/>");
                StringBuilder sheet = new StringBuilder(
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
                int r = 1;
                for (List<C> row : e.getValue()) {
                    sheet.append("<row r=\"").append(r).append("\">");
                    for (int c = 0; c < row.size(); c++) {
                        String ref = (char) ('A' + c) + Integer.toString(r);
                        C cell = row.get(c);
                        sheet.append(
                                switch (cell.kind()) {
                                    case "t" ->
                                        "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + cell.value() + "</t></is></c>";
                                    case "d" -> "<c r=\"" + ref + "\" s=\"1\"><v>" + cell.value() + "</v></c>";
                                    default -> "<c r=\"" + ref + "\" t=\"n\"><v>" + cell.value() + "</v></c>";
                                });
                    }
                    sheet.append("</row>");
                    r++;
                }
                sheet.append("</sheetData></worksheet>");
                put(zip, "xl/worksheets/sheet" + k + ".xml", sheet.toString());
                k++;
            }
            put(zip, "[Content_Types].xml", types.append("</Types>").toString());
            put(
                    zip,
                    "_rels/.rels",
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            put(zip, "xl/workbook.xml", book.append("</sheets></workbook>").toString());
            put(
                    zip,
                    "xl/_rels/workbook.xml.rels",
                    rels.append("</Relationships>").toString());
            put(
                    zip,
                    "xl/styles.xml",
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><fonts count=\"1\"><font/></fonts><fills count=\"1\"><fill/></fills><borders count=\"1\"><border/></borders><cellStyleXfs count=\"1\"><xf/></cellStyleXfs><cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\" applyNumberFormat=\"1\"/></cellXfs></styleSheet>");
        }
    }

    static void put(ZipOutputStream zip, String name, String text) throws Exception {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    static List<C> student(String id, C testDate) {
        return List.of(
                t(id), n("8"), t("女"), testDate, n("1"), n("1"), n("1"), n("1"), n("1"), n("1"), n("1"), n("1"),
                n("0"));
    }

    @Test
    void aCoverSheetIsNamedAndSheetsArePickedByNameOrNumberAndDateCellsAreDates() throws Exception {
        List<C> header = List.of(
                t("student_id"),
                t("grade"),
                t("sex"),
                t("test_date"),
                t("phq9.q1"),
                t("phq9.q2"),
                t("phq9.q3"),
                t("phq9.q4"),
                t("phq9.q5"),
                t("phq9.q6"),
                t("phq9.q7"),
                t("phq9.q8"),
                t("phq9.q9"));
        Map<String, List<List<C>>> sheets = new LinkedHashMap<>();
        sheets.put("说明", List.of(List.of(t("本问卷由示例学校导出")), List.of(t("请勿修改"))));
        // 46268.41681712963 is 2026-09-03 10:00:13 as an Excel serial date-time.
        sheets.put("数据", List.of(header, student("X1", d("46268.41681712963")), student("X2", d("46268"))));
        Path book = dir.resolve("export.xlsx");
        workbook(book, sheets);

        MainTest.Run cover = MainTest.run(
                "score", "--instrument", "phq9", "--out", dir.resolve("a").toString(), book.toString());
        assertThat(cover.exit()).isEqualTo(1);
        assertThat(cover.out()).contains("sheet '说明'", "the workbook has 说明, 数据", "another sheet can be chosen");

        for (String pick : List.of("数据", "2")) {
            Path out = dir.resolve("by-" + pick);
            MainTest.Run r = MainTest.run(
                    "score", "--instrument", "phq9", "--sheet", pick, "--out", out.toString(), book.toString());
            assertThat(r.exit()).as(r.out() + r.err()).isZero();
            String scores = Files.readString(out.resolve("scores.csv"));
            assertThat(scores).doesNotContain("PSY-2106"); // the serial-number test dates were read as dates
        }
        MainTest.Run missing = MainTest.run(
                "score",
                "--instrument",
                "phq9",
                "--sheet",
                "Sheet9",
                "--out",
                dir.resolve("c").toString(),
                book.toString());
        // a file-level problem, as an undecodable CSV is: nothing scored, the summary says why
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.out()).contains("PSY-2013", "no sheet Sheet9", "说明, 数据");
    }

    @Test
    void scoresXlsxHasAFrozenHeaderAndFilters() throws Exception {
        Path csv = Files.writeString(dir.resolve("scores.csv"), "record,line,student,phq9.total\n1,2,A,3\n2,3,B,4\n");
        Path xlsx = dir.resolve("scores.xlsx");
        Spreadsheets.toXlsx(csv, xlsx);
        try (ZipFile z = new ZipFile(xlsx.toFile())) {
            String sheet = new String(
                    z.getInputStream(z.getEntry("xl/worksheets/sheet1.xml")).readAllBytes(), StandardCharsets.UTF_8);
            assertThat(sheet).contains("<pane", "state=\"frozen\"", "<autoFilter");
        }
    }
}
