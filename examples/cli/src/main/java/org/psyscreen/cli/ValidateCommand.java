package org.psyscreen.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.psyscreen.load.Bundle;
import org.psyscreen.load.MappingLoader;
import org.psyscreen.norm.NormTable;
import org.psyscreen.plan.ScoringPlan;
import org.psyscreen.tier.CutoffPolicy;
import org.psyscreen.validation.ValidationReport;
import org.psyscreen.validation.Validator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code psyscreen validate}: a vendor's instrument, sample and scores against published facts. */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = "Validates an instrument on a sample (a response file): item statistics (missing, floor and"
                + " ceiling, corrected item-total r, alpha if deleted; mis-keyed items named), reliability (alpha with"
                + " Feldt's 95%% interval, omega total, SEM), DIF by sex (Mantel-Haenszel, ETS classes), the sample"
                + " against norm tables (and a policy's cut-offs), and a vendor's scored file against psyscreen's."
                + " Writes validation.json and validation.html. Exit 0: no findings; 1: findings to look at;"
                + " 2: usage or input error.",
        footer = {
            "",
            "Examples:",
            "  psyscreen validate --instrument gad7 --out report examples/demo/cohort.csv",
            "  psyscreen validate --instrument scared --policy example-a-glad-pc --out report examples/demo/cohort.csv",
            "  psyscreen validate --bundle mine/ --instrument cesd@1.0.1 --vendor-scores theirs.csv --out report"
                    + " sample.csv"
        })
final class ValidateCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--instrument", required = true, description = "The instrument (id or id@version).")
    String instrument;

    @Option(
            names = "--norms",
            paramLabel = "TABLE",
            description = "A norm table to compare the sample with; repeatable [default: every table of the"
                    + " instrument].")
    List<String> norms = new ArrayList<>();

    @Option(
            names = "--policy",
            description = "A policy: its cut-offs on the instrument against the norms, and its"
                    + " tiers against the vendor's.")
    String policyId;

    @Option(names = "--mapping", description = "The sample's mapping file (as for score).")
    Path mapping;

    @Option(
            names = "--vendor-scores",
            paramLabel = "FILE",
            description = "The vendor's scored file of the same responses (CSV): a 'record' column and any of"
                    + " <instrument>.status, <instrument>.<scale>, tier.")
    Path vendorScores;

    @Option(names = "--out", required = true, description = "Folder for validation.json and validation.html.")
    Path out;

    @Mixin
    BundleOption bundleOption;

    @Parameters(paramLabel = "SAMPLE", description = "The response file.")
    Path sample;

    @Override
    public Integer call() throws IOException {
        var o = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        Bundle bundle = bundleOption.load("validate", err);
        ScoringPlan plan =
                BundleOption.plan(bundle, instrument, "validate", err).orElse(null);
        if (plan == null) {
            return 2;
        }
        List<NormTable> tables = new ArrayList<>();
        if (norms.isEmpty()) {
            bundle.norms().values().stream()
                    .filter(t -> t.definition()
                                    .instrumentId()
                                    .equals(plan.definition().id())
                            && t.definition()
                                    .instrumentVersion()
                                    .equals(plan.definition().version()))
                    .forEach(tables::add);
        } else {
            for (String n : norms) {
                NormTable t = bundle.norm(n).orElse(null);
                if (t == null) {
                    err.println("psyscreen validate: no norm table '" + n + "' (psyscreen list shows them)");
                    return 2;
                }
                if (!t.definition().instrumentId().equals(plan.definition().id())) {
                    err.println("psyscreen validate: norm table " + t.key() + " is for "
                            + t.definition().instrumentId() + ", not "
                            + plan.definition().id());
                    return 2;
                }
                tables.add(t);
            }
        }
        CutoffPolicy policy = null;
        Map<String, ScoringPlan> policyPlans = Map.of();
        if (policyId != null) {
            policy = BundleOption.policy(bundle, policyId, "validate", err).orElse(null);
            if (policy == null) {
                return 2;
            }
            var plans = BundleOption.plans(bundle, policy, "validate", err);
            if (plans.isEmpty()) {
                return 2;
            }
            if (!plans.get().containsKey(plan.definition().id())
                    || !plans.get().get(plan.definition().id()).key().equals(plan.key())) {
                err.println("psyscreen validate: policy " + policy.key() + " does not use " + plan.key());
                return 2;
            }
            policyPlans = plans.get();
        }
        MappingLoader.HeaderMapping headerMapping = null;
        if (mapping != null) {
            var m = BundleOption.mapping(mapping, "validate", err);
            if (m.isEmpty()) {
                return 2;
            }
            headerMapping = m.get();
        }
        if (!Files.isRegularFile(sample)) {
            err.println("psyscreen validate: cannot read " + sample + " (not a file)");
            return 2;
        }
        if (vendorScores != null && !Files.isRegularFile(vendorScores)) {
            err.println("psyscreen validate: cannot read --vendor-scores " + vendorScores + " (not a file)");
            return 2;
        }
        ValidationReport report;
        try {
            report = Validator.validate(
                    sample, new Validator.Request(plan, tables, policy, policyPlans, headerMapping, vendorScores));
        } catch (Validator.SampleRefused e) {
            err.println("psyscreen validate: the sample cannot be read:");
            e.problems().all().forEach(p -> err.println("  " + p.format().replace("\n", "\n  ")));
            return 2;
        } catch (IOException e) {
            err.println("psyscreen validate: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            return 2;
        }
        report.writeTo(out);
        o.println("psyscreen validate — " + report.instrument() + " on " + report.sample() + ": " + report.records()
                + " records, " + report.administered() + " with the form given");
        for (var s : report.scales()) {
            o.printf(
                    java.util.Locale.ROOT,
                    "  信度 %-22s n %6d  alpha %.3f [%.3f, %.3f]  omega %.3f  SEM %.2f%n",
                    s.scale(),
                    s.n(),
                    s.alpha(),
                    s.alphaLower(),
                    s.alphaUpper(),
                    s.omegaTotal(),
                    s.sem());
        }
        for (var n : report.norms()) {
            o.printf(
                    "  常模 %s (%s):%s%n",
                    n.table(),
                    n.synthetic() ? "SYNTHETIC" : n.verified() ? "verified" : "NOT verified",
                    n.error() != null ? " " + n.error() : "");
            for (var g : n.groups()) {
                o.printf(
                        java.util.Locale.ROOT,
                        "    %-10s n %6d  sample %.2f (%.2f) vs norm %.2f (%.2f)  d %.2f [%.2f, %.2f]%n",
                        g.id(),
                        g.n(),
                        g.sampleMean(),
                        g.sampleSd(),
                        g.normMean(),
                        g.normSd(),
                        g.d(),
                        g.dLower(),
                        g.dUpper());
            }
        }
        long c = report.dif().stream()
                .flatMap(d -> d.items().stream())
                .filter(m -> m.etsClass().equals("C"))
                .count();
        long b = report.dif().stream()
                .flatMap(d -> d.items().stream())
                .filter(m -> m.etsClass().equals("B"))
                .count();
        o.println("  性别DIF DIF by sex (Mantel-Haenszel): " + c + " item(s) in ETS class C, " + b + " in B");
        if (report.conformance() != null) {
            o.println("  一致性 vendor scores: " + report.conformance().compared() + " records compared");
        }
        List<String> findings = report.findings();
        if (findings.isEmpty()) {
            o.println("需要关注 findings: none");
        } else {
            o.println("需要关注 findings (" + findings.size() + "):");
            findings.forEach(f -> o.println("  " + f));
        }
        o.println("输出 outputs: " + out.resolve("validation.json") + ", " + out.resolve("validation.html"));
        return findings.isEmpty() ? 0 : 1;
    }
}
