package org.psyscreen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user runs it: exit codes and what is printed. */
class MainTest {
    record Run(int exit, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void checkBundledAcceptsEveryBundledDefinition() {
        Run r = run("check", "--bundled");
        assertThat(r.exit()).isZero();
        assertThat(r.out())
                .contains("ok   phq9@1.0.0", "ok   scared@1.0.0", "5 file(s) checked, 5 valid, 0 with errors");
    }

    @Test
    void checkPrintsEveryProblemAndFails(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "format: psyscreen-instrument/1\nid: x\nversion: 1.0\nbogus: 1\n");
        Run r = run("check", bad.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out())
                .contains(bad + ":3:10: error PSY-1011 version")
                .contains(bad + ":4:1: error PSY-1009 bogus")
                .contains("PSY-1010 name")
                .contains("fix: ")
                .contains("1 file(s) checked, 0 valid, 1 with errors");
    }

    @Test
    void describePrintsTheCompiledPlan() {
        Run r = run("describe", "phq9");
        assertThat(r.exit()).isZero();
        assertThat(r.out())
                .startsWith("plan phq9@1.0.0")
                .contains("self_harm: q9 raw >= 1 (positive for raw values 1 2 3)");
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(run("check").exit()).isEqualTo(2);
        Run r = run("describe", "no-such-instrument");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("phq9");
        assertThat(run("frobnicate").exit()).isEqualTo(2);
    }

    @Test
    void helpDocumentsEveryCommandWithExamples() {
        Run r = run("--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("check", "describe", "Examples:");
        assertThat(run("check", "--help").out()).contains("--bundled", "Examples:");
    }
}
