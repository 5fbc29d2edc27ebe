package org.psyscreen.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.psyscreen.load.Bundle;
import org.psyscreen.load.LoadResult;
import org.psyscreen.load.NormTableLoader;
import org.psyscreen.norm.NormTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code psyscreen norms}: prints a norm table with its provenance, or lists the bundled ones. */
@Command(
        name = "norms",
        mixinStandardHelpOptions = true,
        subcommands = NormsBuildCommand.class,
        description = "Prints a bundled norm table (by id) or a norm file: provenance, status and every cell."
                + " Without an argument, lists the bundled tables.",
        footer = {
            "",
            "Examples:",
            "  psyscreen norms",
            "  psyscreen norms scared-total-cn-sex",
            "  psyscreen norms my-norms.yaml",
            "  psyscreen norms build --help"
        })
final class NormsCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    BundleOption bundleOption;

    @Parameters(paramLabel = "ID|FILE", arity = "0..1", description = "A bundled table id or a norm file.")
    String target;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        Bundle bundle = bundleOption.load("norms", err);
        if (target == null) {
            TextTable table = new TextTable("");
            for (NormTable t : bundle.norms().values()) {
                var d = t.definition();
                table.row(
                        d.id(),
                        d.instrumentId() + "@" + d.instrumentVersion(),
                        d.scale(),
                        d.synthetic() ? "SYNTHETIC" : d.verified() ? "verified" : "NOT VERIFIED");
            }
            table.print(out);
            out.flush();
            return 0;
        }
        var loaded = bundle.norm(target);
        if (loaded.isPresent()) {
            out.print(loaded.get().describe());
            out.flush();
            return 0;
        }
        if (!Files.isRegularFile(Path.of(target))) {
            err.println("psyscreen norms: '" + target + "' is neither a loaded table ("
                    + String.join(", ", bundle.norms().keySet()) + ") nor a file");
            return 2;
        }
        LoadResult<NormTable> r = NormTableLoader.load(Path.of(target), bundle::instrument);
        if (!r.ok()) {
            err.print(r.problems().format());
            return 1;
        }
        out.print(r.orThrow().describe());
        out.flush();
        return 0;
    }
}
