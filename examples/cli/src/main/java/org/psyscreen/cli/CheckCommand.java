package org.psyscreen.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.psyscreen.definition.InstrumentDefinition;
import org.psyscreen.diagnostic.Problem;
import org.psyscreen.load.DefinitionLoader;
import org.psyscreen.load.InstrumentCatalog;
import org.psyscreen.load.LoadResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code psyscreen check}: loads definitions and prints every problem, or a one-line summary. */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        description = {
            "Checks instrument definition files (YAML or JSON) and prints every problem with file, line,"
                    + " column, field and fix.",
            "Exit code 0 when every file is valid, 1 when any has an error, 2 on a usage error."
        },
        footer = {"", "Examples:", "  psyscreen check --bundled", "  psyscreen check a.yaml b.json"})
final class CheckCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--bundled", description = "Also check every definition bundled with psyscreen.")
    boolean bundled;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Definition files to check.")
    List<Path> files = new ArrayList<>();

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        if (files.isEmpty() && !bundled) {
            spec.commandLine().getErr().println("psyscreen check: give FILE arguments or --bundled");
            return 2;
        }
        int bad = 0;
        int total = 0;
        List<LoadResult<InstrumentDefinition>> results = new ArrayList<>();
        List<String> names = new ArrayList<>();
        if (bundled) {
            for (InstrumentCatalog.Entry e : InstrumentCatalog.fromClassPath(CheckCommand.class.getClassLoader())
                    .entries()) {
                results.add(e.load());
                names.add(e.resource());
            }
        }
        for (Path f : files) {
            results.add(DefinitionLoader.load(f));
            names.add(f.toString());
        }
        for (int i = 0; i < results.size(); i++) {
            LoadResult<InstrumentDefinition> r = results.get(i);
            total++;
            for (Problem p : r.problems().all()) {
                out.println(p.format());
            }
            if (r.ok()) {
                InstrumentDefinition d = r.value().orElseThrow();
                out.printf(
                        "ok   %-14s %s (%d items, %d scales, %d validity checks, %d critical items)%n",
                        d.key(),
                        names.get(i),
                        d.items().size(),
                        d.scales().size(),
                        d.validity().size(),
                        d.critical().size());
            } else {
                bad++;
                out.printf("FAIL %s: %d error(s)%n", names.get(i), r.problems().errorCount());
            }
        }
        out.printf("%d file(s) checked, %d valid, %d with errors%n", total, total - bad, bad);
        out.flush();
        return bad == 0 ? 0 : 1;
    }
}
