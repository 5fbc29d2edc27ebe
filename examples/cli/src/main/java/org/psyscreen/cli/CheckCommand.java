package org.psyscreen.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.psyscreen.definition.InstrumentDefinition;
import org.psyscreen.diagnostic.Problem;
import org.psyscreen.diagnostic.Severity;
import org.psyscreen.load.Bundle;
import org.psyscreen.tier.CutoffPolicy;
import org.psyscreen.tier.DeclarativePolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code psyscreen check}: loads instrument definitions, norm tables and tier policies, checks the
 * references between them, and prints every problem, or a one-line summary per valid file.
 */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        description = {
            "Checks instrument definitions, norm tables and tier policies (YAML or JSON) and the references between"
                    + " them, and prints every problem with file, line, column, field and fix. The kind of file is"
                    + " read from its 'format:' line.",
            "Norm tables and policies are checked against the bundled files and every file given (FILE or --bundle).",
            "Exit code 0 when every file is valid, 1 when any has an error, 2 on a usage error."
        },
        footer = {
            "",
            "Examples:",
            "  psyscreen check --bundled",
            "  psyscreen check my-instrument.yaml my-instrument-norms.yaml my-policy.yaml",
            "  psyscreen check --bundle my-files/"
        })
final class CheckCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--bundled",
            description = "Also check every definition, norm table and policy bundled with psyscreen.")
    boolean bundled;

    @Mixin
    BundleOption bundleOption;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Definition, norm or policy files to check.")
    List<Path> files = new ArrayList<>();

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        if (files.isEmpty() && !bundled && bundleOption.folders.isEmpty()) {
            spec.commandLine().getErr().println("psyscreen check: give FILE arguments, --bundle DIR or --bundled");
            return 2;
        }
        Bundle bundle = bundleOption.load(null, spec.commandLine().getErr(), files);
        int total = 0;
        int bad = 0;
        Set<Problem> ofEntries = new HashSet<>();
        bundle.entries().forEach(e -> ofEntries.addAll(e.problems().all()));
        for (Bundle.Entry e : bundle.entries()) {
            if (!bundled && (e.origin().startsWith("bundled ") || e.origin().startsWith("java "))) {
                continue;
            }
            total++;
            for (Problem p : e.problems().all()) {
                out.println(p.format());
            }
            if (e.ok()) {
                out.println(summary(bundle, e));
            } else {
                out.printf(
                        "FAIL %s: %d error(s)%n",
                        e.origin(), Math.max(1, e.problems().errorCount()));
                bad++;
            }
        }
        // Problems that belong to no single loaded file: unreadable paths, files that are not psyscreen's,
        // two policy versions in force on one day.
        for (Problem p : bundle.problems().all()) {
            if (!ofEntries.contains(p)) {
                out.println(p.format());
                if (p.severity() == Severity.ERROR) {
                    total++;
                    bad++;
                }
            }
        }
        out.printf("%d file(s) checked, %d valid, %d with errors%n", total, total - bad, bad);
        out.flush();
        if (total == 0) {
            spec.commandLine()
                    .getErr()
                    .println("psyscreen check: no psyscreen file was found to check (a file needs a"
                            + " 'format: psyscreen-…' line; other files in a --bundle folder are passed over)");
            return 1;
        }
        return bad == 0 ? 0 : 1;
    }

    private static String summary(Bundle bundle, Bundle.Entry e) {
        return switch (e.kind()) {
            case INSTRUMENT -> {
                InstrumentDefinition d = bundle.instrument(e.key()).orElseThrow();
                yield String.format(
                        "ok   %-22s %s (%d items, %d scales, %d validity checks, %d critical items)",
                        d.key(),
                        e.origin(),
                        d.items().size(),
                        d.scales().size(),
                        d.validity().size(),
                        d.critical().size());
            }
            case NORMS -> {
                var d = bundle.norm(e.key()).orElseThrow().definition();
                yield String.format(
                        "ok   %-22s %s (norms for %s@%s %s, %d groups%s)",
                        d.key(),
                        e.origin(),
                        d.instrumentId(),
                        d.instrumentVersion(),
                        d.scale(),
                        d.groups().size(),
                        d.synthetic() ? ", SYNTHETIC" : d.verified() ? ", verified" : ", NOT VERIFIED");
            }
            case POLICY -> {
                CutoffPolicy p = bundle.policyVersions(org.psyscreen.definition.IdVersion.idOf(e.key())).stream()
                        .filter(x -> x.key().equals(e.key()))
                        .findFirst()
                        .orElseThrow();
                yield String.format(
                        "ok   %-22s %s (policy for region %s, %d tiers, instruments %s%s)",
                        p.key(),
                        e.origin(),
                        p.region(),
                        p.tiers().size(),
                        String.join(" ", p.instrumentKeys()),
                        p instanceof DeclarativePolicy d
                                ? ", in force " + d.effectiveFrom() + ".." + d.effectiveTo() + ", "
                                        + d.rules().size() + " rules"
                                : "");
            }
        };
    }
}
