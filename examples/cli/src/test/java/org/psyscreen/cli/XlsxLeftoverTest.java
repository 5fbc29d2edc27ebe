package org.psyscreen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 27, case 3: reading an .xlsx makes a plaintext converted copy. A run killed with kill -9
 * cannot delete it; the next psyscreen command, whatever it is, does — and leaves the copies of
 * running processes alone.
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
    void aCopyLeftByAKilledRunIsDeletedByTheNextCommand(@TempDir Path dir) throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Path xlsx = dir.resolve("cohort.xlsx");
        Spreadsheets.toXlsx(Readme.ROOT.resolve("examples/demo/cohort.csv"), xlsx);

        Process run = psyscreen(
                tmp,
                "score",
                "--policy",
                "example-a-glad-pc",
                "--out",
                dir.resolve("out").toString(),
                xlsx.toString());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (copies(tmp).isEmpty() && run.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        run.destroyForcibly(); // SIGKILL: no finally, no shutdown hook
        run.waitFor(30, TimeUnit.SECONDS);
        List<Path> left = copies(tmp);
        assertThat(left)
                .as("the killed run left its converted copy (the case to clean up)")
                .hasSize(1);

        // a copy of a process that is still running (this one) is not touched
        Path alive = Files.createDirectory(
                tmp.resolve("psyscreen-xlsx-" + ProcessHandle.current().pid() + "-abc"));

        Process next = psyscreen(tmp, "list");
        assertThat(next.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(next.exitValue()).isZero();
        assertThat(copies(tmp)).containsExactly(alive);
    }
}
