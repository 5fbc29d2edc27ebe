package org.psyscreen.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.psyscreen.batch.BatchOptions;
import org.psyscreen.batch.BatchScorer;
import org.psyscreen.batch.OutputRefusedException;
import org.psyscreen.batch.ResponseFile;
import org.psyscreen.batch.ResultSink;
import org.psyscreen.batch.RunSummary;
import org.psyscreen.batch.ScoresXlsx;
import org.psyscreen.diagnostic.Problem;
import org.psyscreen.load.Bundle;
import org.psyscreen.plan.ScoringPlan;
import org.psyscreen.privacy.Pseudonymizer;
import org.psyscreen.records.RecordStore;
import org.psyscreen.records.RecordStoreException;
import org.psyscreen.records.RecordsSink;
import org.psyscreen.records.Wave;
import org.psyscreen.tier.CutoffPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

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
            "Key file: 32 or more random bytes (or 64+ hex characters); keep it outside the data folder.",
            "",
            "Output folder: every file is written to a hidden staging folder and the whole set replaces --out at once;",
            "a killed run leaves the previous results or none, never a mix. One run per folder at a time.",
            "",
            "Exit codes: 0 scored; 1 the file was not scored (see the problems) or counts differ; 2 a usage or input",
            "error (options, key, mapping, unreadable file); 3 the output folder cannot be used."
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

    @Option(
            names = "--mapping",
            description = "YAML file: the file's headers to psyscreen's column names ('columns'), platform columns to"
                    + " ignore ('ignore'), how answers were written ('values': option text or numbered options),"
                    + " and the school stage ('stage', for 2024级 cohorts). See the accepted forms below.")
    Path mapping;

    @Option(
            names = "--key",
            description = "Key file for keyed pseudonyms (HMAC-SHA256); with it, raw ids appear nowhere.")
    Path key;

    @Option(names = "--threads", description = "Scoring threads [default: all cores]. Output bytes never depend on it.")
    Integer threads;

    @Option(
            names = "--sheet",
            paramLabel = "NAME|N",
            description = "For an .xlsx input: the sheet to score, by name or number (1 = first) [default: the first].")
    String sheet;

    @Option(
            names = "--fhir",
            description = "The input is HL7 FHIR QuestionnaireResponses (NDJSON, or one JSON Bundle), as psyscreen"
                    + " fhir responses writes them: one per student and instrument.")
    boolean fhir;

    @Option(names = "--xlsx", description = "Also write scores.xlsx for school staff (up to 1,048,575 records).")
    boolean xlsx;

    @Option(
            names = "--outputs",
            split = ",",
            paramLabel = "LIST",
            defaultValue = "csv,jsonl,rollup",
            description = "What to write besides summary.json: csv (scores.csv, always), jsonl (the audit trail: every"
                    + " fired rule and what it read), rollup (rollup.csv), xlsx (scores.xlsx), fhir"
                    + " (results.fhir.ndjson: Observations and a RiskAssessment per student; needs --key)"
                    + " [default: ${DEFAULT-VALUE}].")
    List<String> outputs = new ArrayList<>();

    @Option(
            names = "--records",
            paramLabel = "FILE|URL",
            description = "Also import the results into this records store (a SQLite file or a jdbc:postgresql://"
                    + " URL) as the wave --wave names, while they are scored: committed when the results are"
                    + " published, never before; needs --key. See psyscreen records.")
    String records;

    @Option(names = "--wave", description = "With --records: the wave's name, e.g. 2026-autumn.")
    String wave;

    @Option(
            names = "--overwrite",
            description = "Replace the previous results in --out (a folder psyscreen wrote). The whole folder is"
                    + " replaced at once; without this option a non-empty --out is refused.")
    boolean overwrite;

    @Parameters(
            paramLabel = "INPUT",
            description = "The response file: CSV, JSON Lines (.jsonl, .ndjson: one object per line) or an Excel"
                    + " workbook (.xlsx; --sheet picks the sheet).")
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
        CutoffPolicy policy = policyId == null ? null : bundle.policy(policyId).orElse(null);
        var chosen = BundleOption.planSet(bundle, policyId, instruments, "score", err);
        if (chosen.isEmpty()) {
            return 2;
        }
        Map<String, ScoringPlan> plans = chosen.get();
        BatchOptions options =
                BatchOptions.builder(plans, policy).norms(bundle.norms()).build();
        if (policy != null) {
            options = options.toBuilder()
                    .policyVersions(bundle.policyVersions(policy.id()))
                    .build();
        }
        if (threads != null) {
            if (threads < 1) {
                err.println("psyscreen score: --threads must be 1 or more");
                return 2;
            }
            options = options.toBuilder().threads(threads).build();
        }
        if (mapping != null) {
            var m = BundleOption.mapping(mapping, "score", err);
            if (m.isEmpty()) {
                return 2;
            }
            options = options.toBuilder().mapping(m.get()).build();
        }
        if (key != null) {
            var k = Keys.read(key);
            if (k.error() != null) {
                err.println("psyscreen score: --key " + key + ": " + k.error());
                return 2;
            }
            options = options.toBuilder()
                    .pseudonymizer(Pseudonymizer.of(k.bytes()))
                    .build();
        }
        if (!Files.isRegularFile(input)) {
            err.println("psyscreen score: cannot read " + input + " (not a file)");
            return 2;
        }
        if ((records == null) != (wave == null)) {
            err.println("psyscreen score: --records and --wave go together (the store, and the wave to import as)");
            return 2;
        }
        if (records != null && key == null) {
            err.println("psyscreen score: --records needs --key (records keep keyed pseudonyms only)");
            return 2;
        }
        Wave importAs;
        try {
            importAs = records == null ? null : Wave.named(wave);
        } catch (IllegalArgumentException e) {
            err.println("psyscreen score: --wave: " + e.getMessage());
            return 2;
        }
        if (System.console() != null && System.getenv("CI") == null) {
            // On a terminal only: CI logs and redirected output stay quiet.
            var err2 = err;
            options = options.toBuilder()
                    .progress((done, total) -> {
                        err2.printf("\r评分 scoring: %d / %d records", done, total);
                        if (done == total) {
                            err2.println();
                        }
                        err2.flush();
                    })
                    .build();
        }
        options = options.toBuilder().overwrite(overwrite).build();
        List<String> known = List.of("csv", "jsonl", "rollup", "xlsx", "fhir");
        for (String w : outputs) {
            if (!known.contains(w)) {
                err.println("psyscreen score: --outputs takes " + String.join(", ", known) + ", not '" + w + "'");
                return 2;
            }
        }
        if (outputs.contains("fhir") && key == null) {
            err.println("psyscreen score: --outputs fhir needs --key (FHIR results name students by keyed pseudonym)");
            return 2;
        }
        if (!outputs.contains("csv")) {
            err.println("psyscreen score: --outputs must include csv (scores.csv: one output record per input record)");
            return 2;
        }
        options = options.toBuilder()
                .outputs(new BatchOptions.Outputs(outputs.contains("jsonl"), outputs.contains("rollup")))
                .build();
        xlsx |= outputs.contains("xlsx");
        BatchScorer scorer;
        try {
            scorer = new BatchScorer(options);
        } catch (IllegalArgumentException e) {
            err.println("psyscreen score: " + mapping + ": " + e.getMessage());
            return 2;
        }
        RunSummary s;
        RecordStore store = null;
        RecordsSink intoStore = null;
        Published published = new Published();
        try {
            org.psyscreen.batch.ResponseInput source;
            if (sheet != null && (fhir || ResponseFile.Format.of(input) != ResponseFile.Format.XLSX)) {
                err.println("psyscreen score: --sheet chooses a sheet of an .xlsx input");
                return 2;
            } else if (fhir) {
                try { // read before anything is opened: a refused file leaves nothing to undo
                    source = org.psyscreen.fhir.FhirResponses.read(input, plans);
                } catch (org.psyscreen.fhir.FhirResponses.FhirSourceException e) {
                    err.println("psyscreen score: " + e.getMessage());
                    return 1;
                }
            } else {
                ResponseFile file = ResponseFile.of(input);
                // an .xlsx is read directly: no converted copy on disk
                source = file.format() == ResponseFile.Format.XLSX ? file.withSheet(sheet) : file;
            }
            // scores.xlsx and the records store are written as the run scores: sinks beside scores.csv
            List<ResultSink> sinks = new java.util.ArrayList<>();
            if (xlsx) {
                sinks.add(new ScoresXlsx());
            }
            if (outputs.contains("fhir")) {
                sinks.add(org.psyscreen.fhir.FhirResults.of(plans));
            }
            if (importAs != null) {
                store = RecordStore.open(records);
                intoStore = store.importing(importAs, bundle);
                sinks.add(published); // told before the store commits: a failed commit is then told apart
                sinks.add(intoStore);
            }
            s = scorer.run(source, out, sinks);
        } catch (RecordStoreException e) {
            // The import is rolled back; the folder stands only when the store failed at its commit.
            err.println("psyscreen score: "
                    + (published.yes ? "the results are in " + out + " but" : "nothing was scored:")
                    + " the records store refused the run: " + e.getMessage());
            return 1;
        } catch (OutputRefusedException e) {
            err.println("psyscreen score: " + e.getMessage());
            return 3;
        } catch (java.io.IOException e) {
            // Disk full, a folder made read-only mid-run: the staging folder is gone, --out unchanged.
            String reason = e instanceof java.nio.file.FileSystemException f && f.getReason() != null
                    ? f.getReason()
                    : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            err.println("psyscreen score: writing the results failed (" + reason + "); " + out + " is unchanged");
            return 3;
        } finally {
            if (store != null) {
                store.close();
            }
        }
        print(o, s, policy, out);
        if (intoStore != null && intoStore.result().isPresent()) {
            RecordsCommand.printImport(intoStore.result().get(), o);
        }
        o.flush();
        if (!(s.scored() && s.countsMatch())) {
            return 1;
        }
        return 0;
    }

    /** A sink that only notes that the run's folder was published (sinks are told in order: it is first). */
    private static final class Published implements ResultSink {
        boolean yes;

        @Override
        public void open(Start start) {}

        @Override
        public void accept(org.psyscreen.batch.ResultRow row) {}

        @Override
        public List<String> finish(RunSummary summary) {
            return List.of();
        }

        @Override
        public void published() {
            yes = true;
        }
    }

    private static void print(java.io.PrintWriter o, RunSummary s, CutoffPolicy policy, Path out) {
        o.println("psyscreen score — " + (s.policy().isEmpty() ? "research scoring, no policy" : s.policy())
                + " (engine " + s.engineVersion() + ")");
        o.println("输入 input:   " + s.input() + " — " + s.encoding() + ", sha256 "
                + s.inputSha256().substring(0, 16) + "…");
        if (!s.scored()) {
            o.println("文件未评分 THE FILE WAS NOT SCORED — no scores were published:");
            List<Problem> all = s.fileProblems().all();
            for (Problem p : all.subList(0, Math.min(all.size(), 20))) {
                o.println("  " + p.format().replace("\n", "\n  "));
            }
            if (all.size() > 20) {
                o.println("  ... and " + (all.size() - 20) + " more (summary.json lists the first "
                        + BatchScorer.MAX_LISTED_PROBLEMS + ")");
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
            o.println("记录问题 record problems (each record kept and flagged):");
            s.codeCounts().forEach((code, n) -> o.printf("  %s %6d  %s%n", code, n, BatchScorer.meaning(code)));
        }
        long notStudents = s.tierCounts().getOrDefault(BatchScorer.NOT_A_STUDENT, 0L);
        if (notStudents > 0) {
            o.println("  " + notStudents + " repeated header row(s): output and flagged, not counted as students");
        }
        o.println("输出 outputs: " + out + ": "
                + String.join(
                        ", ",
                        s.outputs().stream()
                                .map(f -> f.equals("rollup.csv") ? "rollup.csv (small cells hidden)" : f)
                                .toList())
                + (s.keyId().isEmpty()
                        ? " (raw student ids: protect these files)"
                        : " (pseudonymised, key " + s.keyId() + ")"));
        o.println("本结果支持受过培训的人员决策，不是诊断。 Tiers support trained staff; they are not diagnoses.");
    }
}
