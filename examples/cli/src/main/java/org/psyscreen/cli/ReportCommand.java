package org.psyscreen.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.psyscreen.batch.RunFileException;
import org.psyscreen.batch.ScoresCsv;
import org.psyscreen.batch.SummaryJson;
import org.psyscreen.load.Bundle;
import org.psyscreen.records.RecordStoreException;
import org.psyscreen.report.ReportWriter;
import org.psyscreen.tier.CutoffPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code psyscreen report}: a static HTML report of a scored run. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = "Writes a static HTML report of a scored run into one folder that opens offline: tiers by"
                + " school and sex, high-incidence schools on a funnel plot, score distributions against the"
                + " policy's cut-offs, form statuses per school, and with --records the flagged rate by wave and"
                + " tier transitions. --school scopes it to one school and adds a page per flagged student for its"
                + " counsellors (pseudonymous: the run must be scored with --key). Counts under --min-cell are"
                + " hidden before anything reaches a page.",
        footer = {
            "",
            "Examples:",
            "  psyscreen report --run results --records school.db --out report",
            "  psyscreen report --run results --records school.db --school SCH3 --out report-sch3"
        })
final class ReportCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--run", required = true, description = "The folder psyscreen score wrote.")
    Path run;

    @Option(names = "--records", paramLabel = "FILE|URL", description = "A records store, for trends and histories.")
    String records;

    @Option(names = "--school", description = "One school: its grades, and a page per flagged student.")
    String school;

    @Option(names = "--min-cell", defaultValue = "10", description = "Smallest published count [default: 10].")
    int k;

    @Option(names = "--out", required = true, description = "The folder to write.")
    Path out;

    @Option(
            names = "--overwrite",
            description = "Replace a previous report in --out. The old folder is removed first, so no page of"
                    + " another school or run is left beside the new ones; without this option a non-empty --out"
                    + " is refused.")
    boolean overwrite;

    @Mixin
    BundleOption bundleOption;

    @Override
    public Integer call() throws IOException {
        var o = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        if (!Files.isRegularFile(run.resolve(ScoresCsv.FILE))) {
            err.println(
                    "psyscreen report: " + run + " is not a finished psyscreen run (no summary.json and scores.csv)");
            return 2;
        }
        String policyKey;
        try {
            policyKey = SummaryJson.read(run).policy();
        } catch (RunFileException e) {
            err.println("psyscreen report: " + e.getMessage());
            return 2;
        }
        if (policyKey.isEmpty()) {
            err.println("psyscreen report: the run has no policy (research scoring): a report shows tiers");
            return 2;
        }
        if (k < 2) {
            err.println("psyscreen report: --min-cell must be 2 or more");
            return 2;
        }
        Bundle bundle = bundleOption.load("report", err);
        if (policyKey.indexOf('@') <= 0) {
            err.println("psyscreen report: summary.json names its policy without a version (id@version): the run"
                    + " folder is damaged or edited; score the file again");
            return 2;
        }
        CutoffPolicy policy = bundle.policyVersion(policyKey).orElse(null);
        if (policy == null) {
            err.println(
                    "psyscreen report: the run was decided under " + policyKey + ", which is not loaded (--bundle)");
            return 2;
        }
        if (Files.isDirectory(out)) {
            boolean empty;
            try (var entries = Files.list(out)) {
                empty = entries.findAny().isEmpty();
            }
            if (!empty && !overwrite) {
                err.println("psyscreen report: " + out + " is not empty; add --overwrite to replace the report there"
                        + " (the whole folder is replaced), or choose another --out");
                return 2;
            }
            if (!empty && !Files.isRegularFile(out.resolve("index.html"))) {
                err.println("psyscreen report: " + out + " does not hold a psyscreen report (no index.html);"
                        + " it is left as it is: choose another --out");
                return 2;
            }
        } else if (Files.exists(out)) {
            err.println("psyscreen report: " + out + " is a file, not a folder");
            return 2;
        }
        // Written beside --out under a hidden name, switched in when complete: a failed or killed report
        // leaves the previous one as it was and nothing that looks finished.
        Path absolute = out.toAbsolutePath().normalize();
        Path staging = absolute.resolveSibling(
                "." + absolute.getFileName() + ".partial-" + Long.toHexString(System.nanoTime()));
        ReportWriter.Written w;
        try {
            w = ReportWriter.write(new ReportWriter.Options(run, policy, school, records, k), staging);
            if (Files.exists(absolute)) {
                deleteTree(absolute);
            }
            Files.move(staging, absolute, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (RecordStoreException | org.psyscreen.report.ReportInputException e) {
            err.println("psyscreen report: " + e.getMessage());
            return 2;
        } finally {
            if (Files.exists(staging)) {
                deleteTree(staging);
            }
        }
        o.println("报告 report: " + out.resolve("index.html") + " (" + w.pages().size() + " page(s); counts under " + k
                + " hidden)");
        if (!w.alarms().isEmpty()) {
            o.println("  99.8% 报警 alarm: " + String.join(", ", w.alarms()));
        }
        if (!w.alerts().isEmpty()) {
            o.println("  95% 预警 alert: " + String.join(", ", w.alerts()));
        }
        return 0;
    }

    private static void deleteTree(Path root) throws IOException {
        try (var tree = Files.walk(root)) {
            for (Path p : tree.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
