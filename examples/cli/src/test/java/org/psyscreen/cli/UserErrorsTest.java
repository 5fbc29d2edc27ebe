package org.psyscreen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 12, errors not stack traces: every user error is a short message naming what and where, with
 * a documented exit code, and never a value from the data (ids, answers) or the key.
 */
class UserErrorsTest {
    static final String SENTINEL = "G4401SENTINEL77";

    @TempDir
    Path dir;

    static void assertCleanError(MainTest.Run r, int exit, String... says) {
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(exit);
        assertThat(r.out() + r.err())
                .as("no stack trace, no value")
                .doesNotContain("Exception in", "\tat org.", "\tat java.", SENTINEL)
                .contains(says);
    }

    Path cohort() throws Exception {
        Path in = dir.resolve("in.csv");
        List<String> lines = Files.readAllLines(Path.of("../demo/cohort.csv")).subList(0, 30);
        Files.write(in, lines);
        return in;
    }

    MainTest.Run score(String... extra) throws Exception {
        String in = cohort().toString();
        List<String> args = new java.util.ArrayList<>(List.of(
                "score",
                "--policy",
                "example-a-glad-pc",
                "--out",
                dir.resolve("out").toString()));
        args.addAll(List.of(extra));
        args.add(in);
        return MainTest.run(args.toArray(String[]::new));
    }

    @Test
    void badKeysAreOneLineAndNeverEchoed() throws Exception {
        assertCleanError(score("--key", dir.resolve("missing.key").toString()), 2, "--key", "no such file");
        assertCleanError(score("--key", dir.toString()), 2, "not a regular file");
        Path shortKey = Files.writeString(dir.resolve("short.key"), SENTINEL);
        assertCleanError(score("--key", shortKey.toString()), 2, "too short");
        assertCleanError(score("--key", "/dev/zero"), 2, "not a regular file");
    }

    @Test
    void badMappingsAreLocatedLikeDefinitions() throws Exception {
        Path unknown = Files.writeString(dir.resolve("m1.yaml"), "colums:\n  \"学号\": student_id\n");
        assertCleanError(
                score("--mapping", unknown.toString()), 2, "m1.yaml:1:1", "PSY-1009", "did you mean 'columns'");
        Path dup = Files.writeString(dir.resolve("m2.yaml"), "columns:\n  a: student_id\n  a: school\n");
        assertCleanError(score("--mapping", dup.toString()), 2, "m2.yaml:3", "PSY-1004");
        Path shape = Files.writeString(dir.resolve("m3.yaml"), "columns: [student_id]\n");
        assertCleanError(score("--mapping", shape.toString()), 2, "m3.yaml:1", "PSY-1011");
        Path deep = Files.writeString(dir.resolve("m4.yaml"), "columns: " + "[".repeat(200) + "]".repeat(200) + "\n");
        assertCleanError(score("--mapping", deep.toString()), 2, "m4.yaml", "PSY-1008");
        assertCleanError(score("--mapping", dir.resolve("none.yaml").toString()), 2, "PSY-1001");
    }

    @Test
    void badOptionsAndOutputFolders() throws Exception {
        assertCleanError(score("--threads", "0"), 2, "--threads must be 1 or more");
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        assertCleanError(
                MainTest.run("score", "--policy", "example-a-glad-pc", "--out", file.toString(), cohort().toString()),
                3,
                "is a file");
        assertThat(score().exit()).isZero();
        assertCleanError(score(), 3, "holds a previous run", "--overwrite");
        assertThat(score("--overwrite").exit()).isZero();
        assertCleanError(
                MainTest.run(
                        "generate-cohort",
                        "--policy",
                        "example-a-glad-pc",
                        "--students",
                        "-5",
                        dir.resolve("g.csv").toString()),
                2,
                "--students must be 0 or more");
        assertThat(dir.resolve("g.csv")).doesNotExist();
    }

    @Test
    void aNonZipXlsxAndTextInANumericCellAreHandledWithoutEchoingData() throws Exception {
        Path notZip = Files.writeString(dir.resolve("export.xlsx"), "student_id\n" + SENTINEL + "\n");
        assertCleanError(score0(notZip), 2, "export.xlsx", "not a readable .xlsx workbook");

        Path xlsx = dir.resolve("text-in-number.xlsx");
        writeXlsx(xlsx, List.of(row(1, "s", "student_id", "s", "grade"), row(2, "n", SENTINEL, "n", "8")));
        MainTest.Run r = MainTest.run(
                "score", "--instrument", "phq9", "--out", dir.resolve("x").toString(), xlsx.toString());
        assertCleanError(r, 2, "text-in-number.xlsx", "after row 1", "typed as a number that holds text");
        assertThat(dir.resolve("x"))
                .as("nothing published, nothing converted left behind")
                .doesNotExist();

        // A good workbook: converted outside --out, deleted, and the summary names the original.
        Path good = dir.resolve("good.xlsx");
        writeXlsx(good, List.of(row(1, "s", "student_id", "s", "grade"), row(2, "s", SENTINEL, "n", "8")));
        MainTest.Run ok = MainTest.run(
                "score", "--instrument", "phq9", "--out", dir.resolve("y").toString(), good.toString());
        assertThat(ok.exit()).as(ok.out() + ok.err()).isIn(0, 1);
        try (var files = Files.list(dir.resolve("y"))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .noneMatch(n -> n.contains("input") || n.contains("converted"));
        }
        var summary = JsonMapper.builder()
                .build()
                .readTree(dir.resolve("y/summary.json").toFile());
        assertThat(summary.get("input").asString()).isEqualTo("good.xlsx");
        assertThat(summary.get("inputSha256").asString())
                .isEqualTo(org.psyscreen.load.DefinitionLoader.sha256(Files.readAllBytes(good)));
        try (var tmp = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertThat(tmp.map(p -> p.getFileName().toString()))
                    .noneMatch(n -> n.startsWith("psyscreen-") && n.endsWith(".csv"));
        }
    }

    MainTest.Run score0(Path input) {
        return MainTest.run(
                "score",
                "--policy",
                "example-a-glad-pc",
                "--out",
                dir.resolve("o").toString(),
                input.toString());
    }

    @Test
    void explainReadsRecordsAsTheBatchDoesAndRefusesOthersCleanly() throws Exception {
        Path rec = Files.writeString(
                dir.resolve("s.yaml"),
                Files.readString(Path.of("../records/synthetic-student.yaml"))
                        .replace("sex: female", "sex: 女")
                        .replace("\"2012-04-02\"", "\"2012/04/02\""));
        MainTest.Run r = MainTest.run("explain", "--policy", "example-a-glad-pc", rec.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("决定 Decision").doesNotContain("PSY-2106");
        Path bad = Files.writeString(
                dir.resolve("bad.yaml"), "student: {sex: " + SENTINEL + "}\nanswers: {phqa: {q1: \"1\"}}\n");
        MainTest.Run b = MainTest.run("explain", "--policy", "example-a-glad-pc", bad.toString());
        assertThat(b.exit()).isZero();
        assertThat(b.out()).contains("PSY-2106 (sex)").doesNotContain(SENTINEL);
    }

    @Test
    void aBrokenExplainRecordIsLocatedNotEchoed() throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.yaml"), "student: {id: " + SENTINEL + "\nanswers: [\n");
        assertCleanError(
                MainTest.run("explain", "--policy", "example-a-glad-pc", broken.toString()),
                2,
                "broken.yaml:",
                "not a readable YAML record");
    }

    @Test
    void scoresXlsxKeepsIdsAndClassesAsText() throws Exception {
        Path csv = Files.writeString(
                dir.resolve("scores.csv"),
                "record,line,student,school,class,grade,phq9.total\n1,2,440524200801011234,S1,7.10,7,12\n");
        Path xlsx = dir.resolve("scores.xlsx");
        Spreadsheets.toXlsx(csv, xlsx);
        try (var wb = new org.dhatim.fastexcel.reader.ReadableWorkbook(xlsx.toFile());
                var rows = wb.getFirstSheet().openStream()) {
            var row = rows.skip(1).findFirst().orElseThrow();
            assertThat(row.getCell(2).getType()).isEqualTo(org.dhatim.fastexcel.reader.CellType.STRING);
            assertThat(row.getCell(2).getText()).isEqualTo("440524200801011234");
            assertThat(row.getCell(4).getType()).isEqualTo(org.dhatim.fastexcel.reader.CellType.STRING);
            assertThat(row.getCell(4).getText()).isEqualTo("7.10");
            assertThat(row.getCell(6).getType())
                    .as("scores stay numbers")
                    .isEqualTo(org.dhatim.fastexcel.reader.CellType.NUMBER);
        }
    }

    static String[] row(int n, String t1, String v1, String t2, String v2) {
        return new String[] {Integer.toString(n), t1, v1, t2, v2};
    }

    /** A minimal workbook written by hand, so a cell can be typed numeric while holding text. */
    static void writeXlsx(Path file, List<String[]> rows) throws Exception {
        StringBuilder sheet = new StringBuilder(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        for (String[] r : rows) {
            sheet.append("<row r=\"").append(r[0]).append("\">");
            for (int c = 0; c < 2; c++) {
                String ref = (char) ('A' + c) + r[0];
                String type = r[1 + 2 * c];
                String v = r[2 + 2 * c];
                sheet.append(
                        type.equals("s")
                                ? "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + v + "</t></is></c>"
                                : "<c r=\"" + ref + "\" t=\"n\"><v>" + v + "</v></c>");
            }
            sheet.append("</row>");
        }
        sheet.append("</sheetData></worksheet>");
        try (OutputStream os = Files.newOutputStream(file);
                ZipOutputStream zip = new ZipOutputStream(os)) {
            put(
                    zip,
                    "[Content_Types].xml",
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>");
            put(
                    zip,
                    "_rels/.rels",
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            put(
                    zip,
                    "xl/workbook.xml",
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            put(
                    zip,
                    "xl/_rels/workbook.xml.rels",
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
            put(zip, "xl/worksheets/sheet1.xml", sheet.toString());
        }
    }

    static void put(ZipOutputStream zip, String name, String text) throws Exception {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
