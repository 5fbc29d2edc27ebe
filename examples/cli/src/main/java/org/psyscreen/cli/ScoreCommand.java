package org.psyscreen.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.psyscreen.batch.BatchOptions;
import org.psyscreen.batch.BatchScorer;
import org.psyscreen.batch.RunSummary;
import org.psyscreen.diagnostic.Problem;
import org.psyscreen.load.Bundle;
import org.psyscreen.plan.ScoringPlan;
import org.psyscreen.privacy.Pseudonymizer;
import org.psyscreen.tier.CutoffPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** {@code psyscreen score}: the main job — a response file in, every student scored and tiered out. */
@Command(
        name = "score",
        mixinStandardHelpOptions = true,
        description = {
            "Scores a response file (CSV: UTF-8, UTF-8 with BOM, or GB18030 from Excel) with the instruments a policy"
                    + " expects and writes scores.csv, scores.jsonl and summary.json to the output folder: one output"
                    + " record per input record, in order. A file that cannot be read safely is refused before anything"
                    + " is published; a bad record is flagged and kept.",
            "Columns: student_id, school, class, grade, sex, birth_date, test_date, region, attr.<name>, and"
                    + " <instrument>.<item> (e.g. phqa.q9). --mapping renames a platform's own headers to these."
        },
        footer = {
            "",
            "Examples:",
            "  psyscreen score --policy example-a-glad-pc --out results examples/demo/cohort.csv",
            "  psyscreen score --policy example-a-glad-pc --key /secure/psyscreen.key --mapping wjx-mapping.yaml export.csv",
            "",
            "Mapping file (YAML):  columns: {\"学号\": student_id, \"年级\": grade, \"1、题目\": phqa.q1}",
            "Key file: 32 or more random bytes (or 64+ hex characters); keep it outside the data folder."
        })
final class ScoreCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--policy",
            description = "Tier policy id (psyscreen list shows them). Without it, give --instrument: scores,"
                    + " statuses and norms, no tiers.")
    String policyId;

    @Option(
            names = "--instrument",
            paramLabel = "ID",
            description = "Score this instrument (id or id@version); repeatable. With no --policy this is research"
                    + " scoring: scores, statuses and norms, no tiers.")
    List<String> instruments = new ArrayList<>();

    @Mixin
    BundleOption bundleOption;

    @Option(
            names = "--out",
            defaultValue = "psyscreen-results",
            description = "Output folder [default: ${DEFAULT-VALUE}].")
    Path out;

    @Option(names = "--mapping", description = "YAML file renaming the file's headers to psyscreen's column names.")
    Path mapping;

    @Option(
            names = "--key",
            description = "Key file for keyed pseudonyms (HMAC-SHA256); with it, raw ids appear nowhere.")
    Path key;

    @Option(names = "--threads", description = "Scoring threads [default: all cores]. Output bytes never depend on it.")
    Integer threads;

    @Option(names = "--xlsx", description = "Also write scores.xlsx for school staff (up to 1,048,575 records).")
    boolean xlsx;

    @Parameters(paramLabel = "INPUT", description = "The response file.")
    Path input;

    @Override
    public Integer call() throws Exception {
        var o = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        if (policyId == null && instruments.isEmpty()) {
            err.println("psyscreen score: give --policy ID (tiers), or --instrument ID for scores without tiers");
            return 2;
        }
        Bundle bundle = bundleOption.load("score", err);
        CutoffPolicy policy = null;
        Map<String, ScoringPlan> plans = new LinkedHashMap<>();
        if (policyId != null) {
            var found = BundleOption.policy(bundle, policyId, "score", err);
            if (found.isEmpty()) {
                return 2;
            }
            policy = found.get();
            var pinned = BundleOption.plans(bundle, policy, "score", err);
            if (pinned.isEmpty()) {
                return 2;
            }
            plans.putAll(pinned.get());
        }
        for (String id : instruments) {
            var plan = bundle.plan(id);
            if (plan.isEmpty()) {
                err.println("psyscreen score: no instrument '" + id + "' (psyscreen list shows what is loaded)");
                return 2;
            }
            plans.put(plan.get().definition().id(), plan.get());
        }
        BatchOptions options = BatchOptions.of(plans, policy).withNorms(bundle.norms());
        if (policy != null) {
            options = options.withPolicyVersions(bundle.policyVersions(policy.id()));
        }
        if (threads != null) {
            options = options.withThreads(threads);
        }
        if (mapping != null) {
            options = options.withMapping(readMapping(mapping));
        }
        if (key != null) {
            options = options.withPseudonymizer(Pseudonymizer.of(readKey(key)));
        }
        if (!Files.isRegularFile(input)) {
            err.println("psyscreen score: cannot read " + input);
            return 2;
        }
        if (System.console() != null && System.getenv("CI") == null) {
            // On a terminal only: CI logs and redirected output stay quiet.
            var err2 = err;
            options = options.withProgress((done, total) -> {
                err2.printf("\r评分 scoring: %d / %d records", done, total);
                if (done == total) {
                    err2.println();
                }
                err2.flush();
            });
        }
        Path source = input;
        if (input.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx")) {
            // The engine reads CSV; the converted file is kept next to the results and named by the summary.
            Files.createDirectories(out);
            source = out.resolve("input-converted.csv");
            Spreadsheets.toCsv(input, source);
            o.println("转换 converted: " + input + " (first sheet) -> " + source + " (source_row = the sheet row)");
        }
        RunSummary s = new BatchScorer(options).run(source, out);
        if (xlsx && s.scored()) {
            Spreadsheets.toXlsx(out.resolve("scores.csv"), out.resolve("scores.xlsx"));
        }
        print(o, s, policy, out);
        o.flush();
        return s.scored() && s.countsMatch() ? 0 : 1;
    }

    static Map<String, String> readMapping(Path file) throws Exception {
        var root = YAMLMapper.builder().build().readTree(Files.readString(file));
        Map<String, String> m = new LinkedHashMap<>();
        root.path("columns")
                .properties()
                .forEach(e -> m.put(
                        e.getKey().strip().toLowerCase(java.util.Locale.ROOT),
                        e.getValue().asString()));
        return m;
    }

    static byte[] readKey(Path file) throws Exception {
        byte[] raw = Files.readAllBytes(file);
        String text = new String(raw, StandardCharsets.US_ASCII).strip();
        if (text.length() >= 64 && text.matches("[0-9a-fA-F]+")) {
            return HexFormat.of().parseHex(text);
        }
        return raw;
    }

    private static void print(java.io.PrintWriter o, RunSummary s, CutoffPolicy policy, Path out) {
        o.println("psyscreen score — " + (s.policy().isEmpty() ? "research scoring, no policy" : s.policy())
                + " (engine " + s.engineVersion() + ")");
        o.println("输入 input:   " + s.input() + " — " + s.encoding() + ", sha256 "
                + s.inputSha256().substring(0, 16) + "…");
        if (!s.scored()) {
            o.println("文件未评分 THE FILE WAS NOT SCORED — nothing was published:");
            for (Problem p : s.fileProblems().all()) {
                o.println("  " + p.format().replace("\n", "\n  "));
            }
            return;
        }
        o.println("记录 records: " + s.recordsIn() + " in, " + s.recordsOut() + " out"
                + (s.countsMatch() ? " — every record accounted for" : " — MISMATCH")
                + (s.blankLines() > 0 ? "; " + s.blankLines() + " blank line(s) skipped" : ""));
        s.statusCounts().forEach((inst, counts) -> o.println("量表 " + inst + ": " + counts));
        if (policy == null) {
            o.println("预警 tiers: 未定级（研究评分，无策略） / none: research scoring without a policy");
        } else {
            o.println("预警 tiers:");
            for (var t : policy.tiers()) {
                o.printf(
                        "  %-12s %-28s %6d%n",
                        t.label().zh(), t.label().en(), s.tierCounts().getOrDefault(t.id(), 0L));
            }
            o.printf(
                    "  %-12s %-28s %6d%n",
                    "未发现风险", "no risk identified", s.tierCounts().getOrDefault("none", 0L));
            long unevaluated = s.tierCounts().getOrDefault("unevaluated", 0L);
            if (unevaluated > 0) {
                o.printf("  %-12s %-28s %6d%n", "未定级需复核", "no tier, a rule unevaluated", unevaluated);
            }
        }
        if (!s.codeCounts().isEmpty()) {
            o.println("记录问题 record problems (each record kept and flagged): " + s.codeCounts());
        }
        o.println("输出 outputs: " + out.resolve("scores.csv")
                + ", scores.jsonl" + (policy == null ? "" : ", rollup.csv (small cells hidden)") + ", summary.json"
                + (s.keyId().isEmpty()
                        ? " (raw student ids: protect these files)"
                        : " (pseudonymised, key " + s.keyId() + ")"));
        o.println("本结果支持受过培训的人员决策，不是诊断。 Tiers support trained staff; they are not diagnoses.");
    }
}
