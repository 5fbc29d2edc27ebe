package org.psyscreen.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.psyscreen.load.InstrumentCatalog;
import org.psyscreen.load.LoadResult;
import org.psyscreen.load.NormCatalog;
import org.psyscreen.load.NormTableLoader;
import org.psyscreen.norm.NormTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code psyscreen norms}: prints a norm table with its provenance, or lists the bundled ones. */
@Command(
        name = "norms",
        mixinStandardHelpOptions = true,
        description = "Prints a bundled norm table (by id) or a norm file: provenance, status and every cell."
                + " Without an argument, lists the bundled tables.",
        footer = {
            "",
            "Examples:",
            "  psyscreen norms",
            "  psyscreen norms scared-total-cn-sex",
            "  psyscreen norms my-norms.yaml"
        })
final class NormsCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "ID|FILE", arity = "0..1", description = "A bundled table id or a norm file.")
    String target;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        ClassLoader cl = NormsCommand.class.getClassLoader();
        InstrumentCatalog instruments = InstrumentCatalog.fromClassPath(cl);
        NormCatalog norms = NormCatalog.fromClassPath(cl);
        if (target == null) {
            for (String id : norms.ids()) {
                var d = norms.load(id, instruments::resolve)
                        .orElseThrow()
                        .orThrow()
                        .definition();
                out.printf(
                        "%-40s %s@%s %-22s %s%n",
                        id,
                        d.instrumentId(),
                        d.instrumentVersion(),
                        d.scale(),
                        d.synthetic() ? "SYNTHETIC" : d.verified() ? "verified" : "NOT VERIFIED");
            }
            out.flush();
            return 0;
        }
        LoadResult<NormTable> r;
        var bundled = norms.load(target, instruments::resolve);
        if (bundled.isPresent()) {
            r = bundled.get();
        } else if (Files.isRegularFile(Path.of(target))) {
            r = NormTableLoader.load(Path.of(target), instruments::resolve);
        } else {
            err.println("psyscreen norms: '" + target + "' is neither a bundled table ("
                    + String.join(", ", norms.ids()) + ") nor a file");
            return 2;
        }
        if (!r.ok()) {
            err.print(r.problems().format());
            return 1;
        }
        out.print(r.orThrow().describe());
        out.flush();
        return 0;
    }
}
