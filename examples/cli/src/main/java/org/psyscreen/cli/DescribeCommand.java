package org.psyscreen.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.psyscreen.definition.InstrumentDefinition;
import org.psyscreen.load.Bundle;
import org.psyscreen.load.DefinitionLoader;
import org.psyscreen.load.LoadResult;
import org.psyscreen.plan.PlanCompiler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code psyscreen describe}: prints the compiled scoring plan of a definition. */
@Command(
        name = "describe",
        mixinStandardHelpOptions = true,
        description = "Prints the compiled scoring plan of a bundled instrument (by id) or of a definition file.",
        footer = {"", "Examples:", "  psyscreen describe phq9", "  psyscreen describe my-instrument.yaml"})
final class DescribeCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    BundleOption bundleOption;

    @Parameters(paramLabel = "ID|FILE", description = "A bundled instrument id (e.g. phq9) or a definition file.")
    String target;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        Bundle bundle = bundleOption.load("describe", err);
        var plan = bundle.plan(target);
        if (plan.isPresent()) {
            out.print(plan.get().describe());
            out.flush();
            return 0;
        }
        if (!Files.isRegularFile(Path.of(target))) {
            err.println("psyscreen describe: '" + target + "' is neither a loaded instrument ("
                    + String.join(", ", bundle.instruments().keySet()) + ") nor a file");
            return 2;
        }
        LoadResult<InstrumentDefinition> r = DefinitionLoader.load(Path.of(target));
        if (!r.ok()) {
            err.print(r.problems().format());
            return 1;
        }
        out.print(PlanCompiler.compile(r.value().orElseThrow(), r.sha256()).describe());
        out.flush();
        return 0;
    }
}
