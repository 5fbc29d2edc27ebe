package org.psyscreen.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.psyscreen.definition.InstrumentDefinition;
import org.psyscreen.diagnostic.Problem;
import org.psyscreen.load.DefinitionLoader;
import org.psyscreen.load.InstrumentCatalog;
import org.psyscreen.load.LoadResult;
import org.psyscreen.load.NormCatalog;
import org.psyscreen.load.NormTableLoader;
import org.psyscreen.norm.NormTable;
import org.psyscreen.norm.NormTableDefinition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code psyscreen check}: loads instrument definitions and norm tables and prints every problem, or
 * a one-line summary per valid file.
 */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        description = {
            "Checks instrument definitions and norm tables (YAML or JSON) and prints every problem with file,"
                    + " line, column, field and fix. The kind of file is read from its 'format:' line.",
            "Norm tables are checked against the bundled instruments and any definitions given on the same line.",
            "Exit code 0 when every file is valid, 1 when any has an error, 2 on a usage error."
        },
        footer = {
            "",
            "Examples:",
            "  psyscreen check --bundled",
            "  psyscreen check my-instrument.yaml my-instrument-norms.yaml"
        })
final class CheckCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--bundled",
            description = "Also check every instrument definition and norm table bundled with psyscreen.")
    boolean bundled;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Definition or norm files to check.")
    List<Path> files = new ArrayList<>();

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        if (files.isEmpty() && !bundled) {
            spec.commandLine().getErr().println("psyscreen check: give FILE arguments or --bundled");
            return 2;
        }
        ClassLoader cl = CheckCommand.class.getClassLoader();
        InstrumentCatalog instruments = InstrumentCatalog.fromClassPath(cl);
        // Definitions first, so norm tables can refer to instruments given on the same command line.
        Map<String, LoadResult<InstrumentDefinition>> definitions = new LinkedHashMap<>();
        List<Path> normFiles = new ArrayList<>();
        if (bundled) {
            instruments.entries().forEach(e -> definitions.put(e.resource(), e.load()));
        }
        for (Path f : files) {
            if (isNormFile(f)) {
                normFiles.add(f);
            } else {
                definitions.put(f.toString(), DefinitionLoader.load(f));
            }
        }
        Map<String, InstrumentDefinition> known = new LinkedHashMap<>();
        definitions.values().forEach(r -> r.value().ifPresent(d -> known.putIfAbsent(d.key(), d)));
        java.util.function.Function<String, Optional<InstrumentDefinition>> resolver =
                key -> known.containsKey(key) ? Optional.of(known.get(key)) : instruments.resolve(key);

        int total = 0;
        int bad = 0;
        for (var e : definitions.entrySet()) {
            total++;
            bad += report(
                    out,
                    e.getKey(),
                    e.getValue(),
                    d -> String.format(
                            "ok   %-22s %s (%d items, %d scales, %d validity checks, %d critical items)",
                            d.key(),
                            e.getKey(),
                            d.items().size(),
                            d.scales().size(),
                            d.validity().size(),
                            d.critical().size()));
        }
        List<Map.Entry<String, LoadResult<NormTable>>> norms = new ArrayList<>();
        if (bundled) {
            NormCatalog catalog = NormCatalog.fromClassPath(cl);
            for (String id : catalog.ids()) {
                norms.add(Map.entry(
                        "bundled norms " + id, catalog.load(id, resolver).orElseThrow()));
            }
        }
        for (Path f : normFiles) {
            norms.add(Map.entry(f.toString(), NormTableLoader.load(f, resolver)));
        }
        for (var e : norms) {
            total++;
            bad += report(out, e.getKey(), e.getValue(), t -> {
                var d = t.definition();
                return String.format(
                        "ok   %-22s %s (norms for %s@%s %s, %d groups%s)",
                        d.key(),
                        e.getKey(),
                        d.instrumentId(),
                        d.instrumentVersion(),
                        d.scale(),
                        d.groups().size(),
                        d.synthetic() ? ", SYNTHETIC" : d.verified() ? ", verified" : ", NOT VERIFIED");
            });
        }
        out.printf("%d file(s) checked, %d valid, %d with errors%n", total, total - bad, bad);
        out.flush();
        return bad == 0 ? 0 : 1;
    }

    private static <T> int report(
            java.io.PrintWriter out, String name, LoadResult<T> r, java.util.function.Function<T, String> summary) {
        for (Problem p : r.problems().all()) {
            out.println(p.format());
        }
        if (r.ok()) {
            out.println(summary.apply(r.value().orElseThrow()));
            return 0;
        }
        out.printf("FAIL %s: %d error(s)%n", name, r.problems().errorCount());
        return 1;
    }

    /** A norm file declares the norm format on a line of its own. */
    static boolean isNormFile(Path f) {
        try {
            if (!Files.isRegularFile(f) || Files.size(f) > 4L * 1024 * 1024) {
                return false;
            }
            String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
            return text.lines()
                    .map(String::strip)
                    .anyMatch(l -> l.startsWith("format: " + NormTableDefinition.FORMAT)
                            || l.contains("\"format\": \"" + NormTableDefinition.FORMAT + "\""));
        } catch (IOException e) {
            return false; // the definition loader reports the unreadable file
        }
    }
}
