package org.psyscreen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 27, case 3, and issue 28's workbook source: an .xlsx is read directly, so a run killed with
 * kill -9 while reading one leaves no plaintext copy of the answers anywhere in the temporary folder.
 * Copies that earlier psyscreen versions made (and a killed run of theirs left) are still deleted by
 * the next command, whatever it is; those of running processes are left alone.
 */
class XlsxLeftoverTest {
    private static Process psyscreen(Path tmp, String... args) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new java.util.ArrayList<>(List.of(
                java.toString(),
                "-Djava.io.tmpdir=" + tmp,
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(tmp.resolve("log-" + System.nanoTime()).toFile())
                .start();
    }

    private static List<Path> copies(Path tmp) throws Exception {
        try (var s = Files.list(tmp)) {
            return s.filter(p -> p.getFileName().toString().startsWith("psyscreen-xlsx-"))
                    .toList();
        }
    }

    @Test
    void aKilledRunLeavesNoCopyAndAnOldVersionsCopyIsDeletedByTheNextCommand(@TempDir Path dir) throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Path xlsx = dir.resolve("cohort.xlsx");
        Spreadsheets.toXlsx(Readme.ROOT.resolve("examples/demo/cohort.csv"), xlsx);
        try (var before = Files.list(tmp)) {
            assertThat(before).isEmpty();
        }

        Process run = psyscreen(
                tmp,
                "score",
                "--policy",
                "example-a-glad-pc",
                "--out",
                dir.resolve("out").toString(),
                xlsx.toString());
        // Watched every few milliseconds while it runs (JVM start, then reading the workbook): a
        // converted copy would sit in the temporary folder for the whole read and be seen here.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(4);
        int looks = 0;
        while (run.isAlive() && System.nanoTime() < deadline) {
            try (var s = Files.list(tmp)) {
                assertThat(s.map(p -> p.getFileName().toString()))
                        .as("while it reads: nothing but its log in the temporary folder")
                        .allMatch(n -> n.startsWith("log-"));
            }
            looks++;
            Thread.sleep(5);
        }
        assertThat(looks).as("the folder was watched while the run went on").isGreaterThan(10);
        run.destroyForcibly(); // SIGKILL: no finally, no shutdown hook
        run.waitFor(30, TimeUnit.SECONDS);
        try (var s = Files.list(tmp)) {
            assertThat(s.map(p -> p.getFileName().toString()))
                    .as("nothing but the log: no converted copy of the answers")
                    .allMatch(n -> n.startsWith("log-"));
        }

        // an earlier version's copy, left by a killed run (a process id that no longer runs) ...
        Process gone = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
                .start();
        gone.waitFor(30, TimeUnit.SECONDS);
        Path old = Files.createDirectory(tmp.resolve("psyscreen-xlsx-" + gone.pid() + "-abc"));
        Files.writeString(old.resolve("converted.csv"), "student_id\n");
        // ... and a copy of a process that is still running (this one), not touched
        Path alive = Files.createDirectory(
                tmp.resolve("psyscreen-xlsx-" + ProcessHandle.current().pid() + "-abc"));

        Process next = psyscreen(tmp, "list");
        assertThat(next.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(next.exitValue()).isZero();
        assertThat(copies(tmp)).containsExactly(alive);
    }
}
