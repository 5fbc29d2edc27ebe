package org.psyscreen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 27, case 8: a damaged or edited run folder gives {@code report} a named error and exit 2,
 * never exit 4 with an exception's name; the previous report in {@code --out} stays as it was.
 */
class ReportRefusalsTest {
    @TempDir
    static Path dir;

    static Path run;

    @BeforeAll
    static void score() {
        run = dir.resolve("run");
        MainTest.Run r =
                MainTest.run("score", "--policy", "example-a-glad-pc", "--out", run.toString(), "../demo/cohort.csv");
        assertThat(r.exit()).as(r.err()).isZero();
    }

    private static Path copy(String name) throws Exception {
        Path c = dir.resolve(name);
        Files.createDirectories(c);
        try (var files = Files.list(run)) {
            for (Path f : files.toList()) {
                Files.copy(f, c.resolve(f.getFileName().toString()));
            }
        }
        return c;
    }

    private static MainTest.Run report(Path folder, Path out, String... more) {
        List<String> args =
                new java.util.ArrayList<>(List.of("report", "--run", folder.toString(), "--out", out.toString()));
        args.addAll(List.of(more));
        return MainTest.run(args.toArray(String[]::new));
    }

    @Test
    void aCutScoresCsvIsRefusedAndThePreviousReportStays() throws Exception {
        Path out = dir.resolve("report");
        MainTest.Run good = report(run, out);
        assertThat(good.exit()).as(good.err()).isZero();
        byte[] index = Files.readAllBytes(out.resolve("index.html"));

        Path cut = copy("cut");
        byte[] csv = Files.readAllBytes(cut.resolve("scores.csv"));
        Files.write(cut.resolve("scores.csv"), java.util.Arrays.copyOf(csv, 20_000)); // mid-row
        UserErrorsTest.assertCleanError(report(cut, out, "--overwrite"), 2, "scores.csv");
        assertThat(Files.readAllBytes(out.resolve("index.html")))
                .as("the previous report stays")
                .isEqualTo(index);
        try (var siblings = Files.list(dir)) {
            assertThat(siblings.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(".partial-"));
        }

        Path rows = copy("rows");
        List<String> lines = Files.readAllLines(rows.resolve("scores.csv"), StandardCharsets.UTF_8);
        Files.write(rows.resolve("scores.csv"), lines.subList(0, 1000), StandardCharsets.UTF_8); // at a row end
        UserErrorsTest.assertCleanError(report(rows, dir.resolve("r2")), 2, "999 records", "summary.json says 2000");
    }

    @Test
    void aMissingTierColumnOrAnUnknownTierIsRefused() throws Exception {
        Path noTier = copy("no-tier");
        List<String> lines = Files.readAllLines(noTier.resolve("scores.csv"), StandardCharsets.UTF_8);
        lines.set(0, lines.get(0).replace(",tier,", ",tear,"));
        Files.write(noTier.resolve("scores.csv"), lines, StandardCharsets.UTF_8);
        UserErrorsTest.assertCleanError(report(noTier, dir.resolve("r3")), 2, "no tier columns");

        Path bogus = copy("bogus");
        lines = Files.readAllLines(bogus.resolve("scores.csv"), StandardCharsets.UTF_8);
        int row = 1;
        while (!lines.get(row).contains(",watch,三级")) {
            row++;
        }
        lines.set(row, lines.get(row).replace(",watch,三级", ",bogus,三级"));
        Files.write(bogus.resolve("scores.csv"), lines, StandardCharsets.UTF_8);
        UserErrorsTest.assertCleanError(report(bogus, dir.resolve("r4")), 2, "line " + (row + 1), "column tier");
    }

    @Test
    void aPolicyWithoutAVersionOrADamagedSummaryIsRefused() throws Exception {
        Path noAt = copy("no-at");
        String summary = Files.readString(noAt.resolve("summary.json"));
        Files.writeString(
                noAt.resolve("summary.json"), summary.replace("example-a-glad-pc@2026.1.1", "example-a-glad-pc"));
        UserErrorsTest.assertCleanError(report(noAt, dir.resolve("r5")), 2, "without a version");

        Path damaged = copy("damaged");
        Files.writeString(damaged.resolve("summary.json"), summary.substring(0, summary.length() / 2));
        UserErrorsTest.assertCleanError(report(damaged, dir.resolve("r6")), 2, "summary.json");
    }
}
