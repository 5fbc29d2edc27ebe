package org.psyscreen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 27, case 10: the rest of the hostile user's list, each refused, flagged or made harmless. */
class HostileUserTest {
    @TempDir
    Path dir;

    @Test
    void nothingFromAFileActsOnTheTerminal() throws Exception {
        Path export = Files.writeString(
                dir.resolve("export.csv"), "学号,\u001b[31m红\u0007,\u202Eevil\n1,2,3\n", StandardCharsets.UTF_8);
        MainTest.Run r = MainTest.run("mapping", "--policy", "example-a-glad-pc", export.toString());
        String all = r.out() + r.err();
        assertThat(all)
                .isNotEmpty()
                .doesNotContain("\u001b", "\u0007", "\u202E")
                .contains("\\u001B");
        StringWriter w = new StringWriter();
        try (TerminalSafe t = new TerminalSafe(w)) {
            t.write("a\tb\r\nc\u009bd");
        }
        assertThat(w.toString()).isEqualTo("a\tb\r\nc\\u009Bd");
    }

    @Test
    void aFormulaLikeIdIsFlaggedNotOnlyNeutralised() throws Exception {
        java.util.List<String> cohort = Files.readAllLines(Readme.ROOT.resolve("examples/demo/cohort.csv"));
        String header = cohort.get(0);
        String row = cohort.get(1);
        Path in = Files.writeString(
                dir.resolve("f.csv"),
                header + "\n" + row.replaceFirst("^G[0-9]+", "\"=HYPERLINK(\"\"x\"\")\"") + "\n",
                StandardCharsets.UTF_8);
        MainTest.Run r = MainTest.run(
                "score",
                "--policy",
                "example-a-glad-pc",
                "--out",
                dir.resolve("o").toString(),
                in.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        String csv = Files.readString(dir.resolve("o/scores.csv"));
        assertThat(csv).contains("PSY-2111").contains("'=HYPERLINK");
        assertThat(r.out()).contains("PSY-2111");
    }

    @Test
    void misleadingMessagesSayWhatIsWrong() throws Exception {
        Path utf16 = dir.resolve("p.yaml");
        Files.write(utf16, "format: psyscreen-instrument/1\n".getBytes(StandardCharsets.UTF_16LE));
        MainTest.Run r = MainTest.run("check", utf16.toString());
        assertThat(r.out()).contains("PSY-1014", "UTF-16").doesNotContain("no 'format:' line");

        Path wide = dir.resolve("wide.csv");
        Files.writeString(wide, "student_id," + "c,".repeat(20_000) + "x\n");
        MainTest.Run m = MainTest.run("mapping", "--policy", "example-a-glad-pc", wide.toString());
        assertThat(m.exit()).isEqualTo(2);
        assertThat(m.err()).contains("more than 16,384 columns").doesNotContain("quote");

        Path big = dir.resolve("bundle");
        Files.createDirectories(big);
        Files.writeString(big.resolve("huge.yaml"), "format: psyscreen-instrument/1\n# " + "x".repeat(5 * 1024 * 1024));
        MainTest.Run c = MainTest.run("check", "--bundle", big.toString());
        assertThat(c.exit()).isEqualTo(1);
        assertThat(c.out()).contains("PSY-1002");
    }

    @Test
    void aWorkbookWithoutItsStylesPartIsNamedAsSuch() throws Exception {
        Path good = dir.resolve("good.xlsx");
        Spreadsheets.toXlsx(Readme.ROOT.resolve("examples/demo/cohort.csv"), good);
        Path broken = dir.resolve("broken.xlsx");
        try (var in = new java.util.zip.ZipFile(good.toFile());
                var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(broken))) {
            for (var e : java.util.Collections.list(in.entries())) {
                if (!e.getName().equals("xl/styles.xml")) {
                    out.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
                    try (var part = in.getInputStream(e)) {
                        part.transferTo(out);
                    }
                    out.closeEntry();
                }
            }
        }
        MainTest.Run r = MainTest.run(
                "score",
                "--policy",
                "example-a-glad-pc",
                "--out",
                dir.resolve("o").toString(),
                broken.toString());
        UserErrorsTest.assertCleanError(r, 1, "PSY-2013", "xl/styles.xml");
    }
}
