package org.psyscreen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    /** Issue 27, case 9: keys that cannot be random, odd hex and files others can read are refused. */
    @Test
    void weakOrExposedKeysAreRefused() throws Exception {
        String hex = "5ecf2fa3021d1f097eb0139bc4b37a38835fefdffafe7831458e82ef4603e306";
        assertCleanError(score("--key", ownerOnly("zeros.key", new byte[32]).toString()), 2, "different byte values");
        assertCleanError(
                score(
                        "--key",
                        ownerOnly("hexzeros.key", "0".repeat(64).getBytes()).toString()),
                2,
                "different byte values");
        assertCleanError(
                score(
                        "--key",
                        ownerOnly("password.key", "correct horse battery staple and more words".getBytes())
                                .toString()),
                2,
                "password");
        assertCleanError(
                score("--key", ownerOnly("odd.key", (hex + "a").getBytes()).toString()), 2, "odd number");
        Path exposed = Files.write(dir.resolve("exposed.key"), hex.getBytes());
        java.nio.file.Files.setPosixFilePermissions(
                exposed, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        assertCleanError(score("--key", exposed.toString()), 2, "readable by other users", "chmod 600");
        assertThat(score("--key", ownerOnly("good.key", hex.getBytes()).toString())
                        .exit())
                .isZero();

        MainTest.Run made = MainTest.run("key", dir.resolve("made.key").toString());
        assertThat(made.exit()).isZero();
        assertThat(java.nio.file.Files.getPosixFilePermissions(dir.resolve("made.key")))
                .containsExactlyInAnyOrder(
                        java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                        java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
    }

    private Path ownerOnly(String name, byte[] content) throws Exception {
        Path f = org.psyscreen.privacy.OwnerOnly.createFile(dir.resolve(name));
        return Files.write(f, content);
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
        assertCleanError(score0(notZip), 1, "export.xlsx", "PSY-2013", "not an .xlsx workbook", "zip archive");

        Path xlsx = dir.resolve("text-in-number.xlsx");
        XlsxTest.workbook(
                xlsx,
                java.util.Map.of(
                        "Sheet1",
                        List.of(
                                List.of(XlsxTest.t("student_id"), XlsxTest.t("grade")),
                                List.of(XlsxTest.n(SENTINEL), XlsxTest.n("8")))));
        MainTest.Run r = MainTest.run(
                "score", "--instrument", "phq9", "--out", dir.resolve("x").toString(), xlsx.toString());
        // The text is kept as the cell's value (the engine reads and flags it); nothing echoes it.
        assertThat(r.exit()).as(r.out() + r.err()).isIn(0, 1);
        assertThat(r.out() + r.err()).doesNotContain(SENTINEL, "Exception", "\tat org.");

        // A good workbook: converted outside --out, deleted, and the summary names the original.
        Path good = dir.resolve("good.xlsx");
        XlsxTest.workbook(
                good,
                java.util.Map.of(
                        "Sheet1",
                        List.of(
                                List.of(XlsxTest.t("student_id"), XlsxTest.t("grade")),
                                List.of(XlsxTest.t(SENTINEL), XlsxTest.n("8")))));
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

    @Test
    void outputsChooseWhatIsWritten() throws Exception {
        MainTest.Run r = score("--outputs", "csv");
        assertThat(r.exit()).as(r.err()).isZero();
        try (var files = Files.list(dir.resolve("out"))) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")))
                    .containsExactlyInAnyOrder("scores.csv", "summary.json");
        }
        assertCleanError(score("--overwrite", "--outputs", "jsonl"), 2, "must include csv");
        assertCleanError(score("--overwrite", "--outputs", "csv,pdf"), 2, "not 'pdf'");
        assertThat(score("--overwrite", "--outputs", "csv,jsonl,rollup,xlsx").exit())
                .isZero();
        try (var files = Files.list(dir.resolve("out"))) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")))
                    .containsExactlyInAnyOrder(
                            "scores.csv", "scores.jsonl", "rollup.csv", "scores.xlsx", "summary.json");
        }
    }

    /** Issue 27, case 10: a sample too small to say anything is a finding, never "findings: none". */
    @Test
    void validatingOnTooFewRecordsSaysSo() throws Exception {
        List<String> cohort = Files.readAllLines(Readme.ROOT.resolve("examples/demo/cohort.csv"));
        for (int n : new int[] {0, 1, 2}) {
            Path in = Files.write(dir.resolve("few" + n + ".csv"), cohort.subList(0, n + 1));
            MainTest.Run r = MainTest.run(
                    "validate",
                    "--instrument",
                    "gad7",
                    "--out",
                    dir.resolve("v" + n).toString(),
                    in.toString());
            assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
            assertThat(r.out()).doesNotContain("findings: none").contains("nothing here validates the instrument");
        }
    }
}
