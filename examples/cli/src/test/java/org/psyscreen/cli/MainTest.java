package org.psyscreen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
                .contains("ok   phq9@1.0.0", "ok   scared@1.0.0", "12 file(s) checked, 12 valid, 0 with errors")
                .contains("scared-total-cn-sex@1.0.0", "NOT VERIFIED", "SYNTHETIC")
                .contains("warning PSY-1315");
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
    void normsListsAndPrintsTables() {
        Run list = run("norms");
        assertThat(list.exit()).isZero();
        assertThat(list.out())
                .contains("scared-total-cn-sex", "synthetic-demo-phq9-grade-sex", "SYNTHETIC", "NOT VERIFIED");
        Run one = run("norms", "scared-total-cn-sex");
        assertThat(one.exit()).isZero();
        assertThat(one.out()).contains("N=1559", "mean 15.6  SD 10", "NOT VERIFIED");
    }

    @Test
    void checkTakesANormFileAfterItsInstrument(@TempDir Path dir) throws Exception {
        Path def = dir.resolve("mini.yaml");
        Files.writeString(
                def,
                String.join(
                        "\n",
                        "format: psyscreen-instrument/1",
                        "id: mini",
                        "version: \"1.0.0\"",
                        "name: {en: Mini (synthetic), zh: 迷你}",
                        "licence: {status: synthetic, statement: s, source: s}",
                        "citations: [{id: c, text: t}]",
                        "responseSets: [{id: r, codes: [{code: \"0\", value: 0}, {code: \"1\", value: 1}]}]",
                        "items: [{id: a, label: a, responses: r}, {id: b, label: b, responses: r}]",
                        "scales: [{id: total, name: {en: t, zh: t}, items: [a, b], aggregate: sum, missing: {maxMissing: 0}}]",
                        ""));
        Path norms = dir.resolve("mini-norms.yaml");
        Files.writeString(
                norms,
                String.join(
                        "\n",
                        "format: psyscreen-norms/1",
                        "id: synthetic-mini",
                        "version: \"1.0.0\"",
                        "name: {en: Mini (synthetic), zh: 迷你（合成）}",
                        "instrument: {id: mini, version: \"1.0.0\"}",
                        "scale: total",
                        "kind: lookup",
                        "synthetic: true",
                        "population: {country: CN, region: none, sampleSize: 1, description: d}",
                        "citation: {text: t}",
                        "groups:",
                        "  - id: all",
                        "    rows:",
                        "      - {raw: 0, t: 45, percentile: 30}",
                        "      - {from: 1, to: 3, t: 60, percentile: 85}",
                        ""));
        Run r = run("check", def.toString(), norms.toString());
        assertThat(r.out())
                .contains(
                        norms + ":14:7: error PSY-1305 groups[0].rows", "covers raw 0..3 but scale 'total' runs 0..2");
        assertThat(r.exit()).isEqualTo(1);
        Files.writeString(norms, Files.readString(norms).replace("to: 3", "to: 2"));
        Run ok = run("check", def.toString(), norms.toString());
        assertThat(ok.exit()).as(ok.out()).isZero();
        assertThat(ok.out()).contains("ok   synthetic-mini@1.0.0", "SYNTHETIC");
    }

    @Test
    void explainShowsTheDecisionAndWhyInBothLanguages() {
        Run r = run("explain", "--policy", "example-a-glad-pc", "../records/synthetic-student.yaml");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("决定 Decision: 二级（高风险） / Tier 2: high")
                .contains("1. phqa_high -> 二级（高风险） / Tier 2: high", "读取 read: phqa.total = 12")
                .contains("策略 Policy: example-a-glad-pc@2026.1.1", "sha256 ", "引擎 Engine: psyscreen ")
                .contains("not a diagnosis");
        Run other = run("explain", "--policy", "example-b-cn-cutoffs", "../records/synthetic-student.yaml");
        // The record has no PHQ-9, which policy B needs: a blank form whose critical item is unknown,
        // so the most severe tier — never a lower one for a form nobody answered.
        assertThat(other.out()).contains("未作答 / NOT_ADMINISTERED", "关键条目未作答 / CRITICAL_UNKNOWN", "红色预警 / Red");
        assertThat(run("explain", "--policy", "no-such-policy", "../records/synthetic-student.yaml")
                        .exit())
                .isEqualTo(2);
    }

    @Test
    void scoreRunsTheMainJobOnTheBundledDemoCohort(@TempDir Path dir) throws Exception {
        Run r = run("score", "--policy", "example-a-glad-pc", "--out", dir.toString(), "../demo/cohort.csv");
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out())
                .contains("记录 records: 2000 in, 2000 out — every record accounted for")
                .contains("一级（紧急）", "no risk identified", "PSY-2105", "not diagnoses");
        assertThat(Files.readAllLines(dir.resolve("scores.csv"))).hasSize(2001);
        assertThat(Files.readString(dir.resolve("summary.json"))).contains("\"countsMatch\":true");
    }

    @Test
    void scoreWithAKeyFileWritesNoRawId(@TempDir Path dir) throws Exception {
        Path key = dir.resolve("k.hex");
        // 32 random bytes as hex (drawn once for this test), in an owner-only file as a key must be
        org.psyscreen.privacy.OwnerOnly.createFile(key);
        Files.writeString(key, "91417bbd1161446830fb942669eefe7eba622aecce4c8a6bd34bcd89e2e47ba9\n");
        Run r = run(
                "score",
                "--policy",
                "example-a-glad-pc",
                "--key",
                key.toString(),
                "--out",
                dir.resolve("o").toString(),
                "../demo/cohort.csv");
        assertThat(r.exit()).isZero();
        String csv = Files.readString(dir.resolve("o/scores.csv"));
        assertThat(csv).doesNotContain("G4401000001").contains("ps1.");
    }

    @Test
    void generateCohortIsSeededAndMatchesTheBundledDemo(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("c.csv");
        assertThat(run(
                                "generate-cohort",
                                "--policy",
                                "example-a-glad-pc",
                                "--students",
                                "2000",
                                "--seed",
                                "20261123",
                                out.toString())
                        .exit())
                .isZero();
        assertThat(Files.readAllBytes(out)).isEqualTo(Files.readAllBytes(Path.of("../demo/cohort.csv")));
    }

    @Test
    void aRefusedFileExitsWithOneAndSaysWhy(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "student_id,phqa.q1\nG1,\"1\n");
        Run r = run(
                "score",
                "--policy",
                "example-a-glad-pc",
                "--out",
                dir.resolve("o").toString(),
                bad.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("THE FILE WAS NOT SCORED", "PSY-2007", "PSY-2004");
        assertThat(dir.resolve("o/scores.csv")).doesNotExist();
    }

    @Test
    void anXlsxExportScoresLikeTheSameCsvAndNamesSheetRows(@TempDir Path dir) throws Exception {
        Path xlsx = dir.resolve("cohort.xlsx");
        Spreadsheets.toXlsx(Path.of("../demo/cohort.csv"), xlsx);
        Run fromXlsx = run(
                "score",
                "--policy",
                "example-a-glad-pc",
                "--xlsx",
                "--out",
                dir.resolve("x").toString(),
                xlsx.toString());
        Run fromCsv = run(
                "score",
                "--policy",
                "example-a-glad-pc",
                "--out",
                dir.resolve("c").toString(),
                "../demo/cohort.csv");
        assertThat(fromXlsx.exit()).as(fromXlsx.out()).isZero();
        assertThat(fromXlsx.out()).contains("xlsx workbook, sheet", "记录 records: 2000 in, 2000 out");
        // Same decisions: every column but the line number (sheet row vs CSV line) matches.
        List<String> a = Files.readAllLines(dir.resolve("x/scores.csv"));
        List<String> b = Files.readAllLines(dir.resolve("c/scores.csv"));
        assertThat(a).hasSameSizeAs(b);
        for (int i = 1; i < a.size(); i++) {
            if (b.get(i).contains("PSY-2101")) {
                // A short CSV row has no counterpart in a sheet: missing cells there are simply blank.
                assertThat(a.get(i)).doesNotContain("PSY-2101");
                continue;
            }
            assertThat(withoutLine(a.get(i))).as("record %d", i).isEqualTo(withoutLine(b.get(i)));
        }
        assertThat(a.get(1).split(",")[1])
                .as("the sheet row of the first record")
                .isEqualTo("2");
        assertThat(dir.resolve("x/scores.xlsx")).exists().isNotEmptyFile();
    }

    static String withoutLine(String csvRow) {
        int first = csvRow.indexOf(',');
        int second = csvRow.indexOf(',', first + 1);
        return csvRow.substring(0, first) + csvRow.substring(second);
    }

    @Test
    void aMappingFileRenamesAPlatformsHeaders(@TempDir Path dir) throws Exception {
        List<String> lines = Files.readAllLines(Path.of("../demo/cohort.csv"));
        String header =
                lines.get(0).replace("student_id", "学号").replace("grade", "年级").replace("phqa.q9", "9、题目");
        Path in = dir.resolve("wjx.csv");
        Files.write(
                in,
                java.util.stream.Stream.concat(
                                java.util.stream.Stream.of(header),
                                lines.stream().skip(1).limit(50))
                        .toList());
        Path mapping = dir.resolve("mapping.yaml");
        Files.writeString(mapping, "columns: {\"学号\": student_id, \"年级\": grade, \"9、题目\": phqa.q9}\n");
        Run r = run(
                "score",
                "--policy",
                "example-a-glad-pc",
                "--mapping",
                mapping.toString(),
                "--out",
                dir.resolve("o").toString(),
                in.toString());
        assertThat(r.exit()).as(r.out()).isZero();
        assertThat(r.out()).contains("记录 records: 50 in, 50 out");
        Run without = run(
                "score",
                "--policy",
                "example-a-glad-pc",
                "--out",
                dir.resolve("p").toString(),
                in.toString());
        assertThat(without.exit()).isEqualTo(1);
        assertThat(without.out()).contains("PSY-2006", "PSY-2007");
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
    void everyCommandTakingAPolicyRefusesAnUnknownOneAndListsTheKnown(@TempDir Path dir) {
        List<String[]> commands = List.of(
                new String[] {
                    "score",
                    "--policy",
                    "no-such-policy",
                    "--out",
                    dir.resolve("o").toString(),
                    "../demo/cohort.csv"
                },
                new String[] {
                    "generate-cohort",
                    "--policy",
                    "no-such-policy",
                    dir.resolve("c.csv").toString()
                },
                new String[] {"explain", "--policy", "no-such-policy", "../records/synthetic-student.yaml"});
        for (String[] args : commands) {
            Run r = run(args);
            assertThat(r.exit()).as(args[0]).isEqualTo(2);
            assertThat(r.err())
                    .as(args[0])
                    .contains("psyscreen " + args[0] + ": no policy 'no-such-policy' (available: ")
                    .contains("example-a-glad-pc", "example-b-cn-cutoffs");
        }
        assertThat(dir.resolve("c.csv")).doesNotExist();
        assertThat(dir.resolve("o")).doesNotExist();
    }

    @Test
    void helpDocumentsEveryCommandWithExamples() {
        Run r = run("--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("score", "check", "describe", "norms", "explain", "generate-cohort", "Examples:");
        assertThat(run("check", "--help").out()).contains("--bundled", "Examples:");
    }

    /** Issue 26: no command's help makes picocli warn (an unescaped % in a description does). */
    @Test
    void everyHelpPrintsWithoutAPicocliWarning() {
        picocli.CommandLine cl = Main.commandLine(new Main()); // every subcommand
        List<List<String>> commands = new java.util.ArrayList<>();
        commands.add(List.of());
        cl.getSubcommands().forEach((name, sub) -> {
            commands.add(List.of(name));
            sub.getSubcommands().keySet().forEach(inner -> commands.add(List.of(name, inner)));
        });
        java.io.PrintStream stderr = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            for (List<String> c : commands) {
                List<String> args = new java.util.ArrayList<>(c);
                args.add("--help");
                Run r = run(args.toArray(String[]::new));
                assertThat(r.exit()).as("%s", args).isZero();
                assertThat(r.out() + r.err())
                        .as("%s", args)
                        .doesNotContain("WARN")
                        .isNotBlank();
            }
        } finally {
            System.setErr(stderr);
        }
        assertThat(captured.toString(java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("WARN");
        assertThat(commands).hasSizeGreaterThan(10);
    }

    /**
     * A run builds only the subcommand it names (start-up: building every command's model was half a
     * second of each run). That subcommand is the same command as in the whole tree: same usage, same
     * parent, and nothing else is built; a run naming none (help, an option, a misspelt command) gets
     * the whole tree, as before.
     */
    @Test
    void aSubcommandBuiltAloneIsTheCommandOfTheWholeTree() {
        picocli.CommandLine all = Main.commandLine(new Main());
        assertThat(all.getSubcommands()).hasSize(Main.SUBCOMMANDS.size());
        all.getSubcommands().forEach((name, sub) -> {
            picocli.CommandLine alone = Main.commandLine(new Main(), name, "--help");
            if (name.equals("help")) { // help names another command: the whole tree
                assertThat(alone.getSubcommands()).hasSize(Main.SUBCOMMANDS.size());
                return;
            }
            assertThat(alone.getSubcommands()).containsOnlyKeys(name);
            assertThat(alone.getSubcommands().get(name).getUsageMessage(picocli.CommandLine.Help.Ansi.OFF))
                    .as(name)
                    .isEqualTo(sub.getUsageMessage(picocli.CommandLine.Help.Ansi.OFF));
        });
        assertThat(Main.commandLine(new Main(), "scor").getSubcommands()).hasSize(Main.SUBCOMMANDS.size());
        assertThat(Main.commandLine(new Main(), "--version").getSubcommands()).hasSize(Main.SUBCOMMANDS.size());
    }

    /**
     * Issue 26: under a small heap a scoring thread's OutOfMemoryError reaches the CLI wrapped (it
     * printed "failed (IllegalStateException)"); the one line now names memory and the fixes.
     */
    @Test
    void runningOutOfMemoryIsNamedWithItsFixes() {
        String wrapped = Main.failure("score", new IllegalStateException(new RuntimeException(new OutOfMemoryError())));
        assertThat(wrapped)
                .contains("ran out of memory", "-Xmx", "--threads 1", "--outputs")
                .doesNotContain("IllegalState");
        assertThat(Main.failure("score", new IllegalStateException("x"))).contains("failed (IllegalStateException)");
    }
}
