package org.psyscreen.cli;

import java.util.concurrent.Callable;
import org.psyscreen.load.Bundle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code psyscreen list}: every instrument, norm table and policy loaded, with version, origin and status. */
@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = {
            "Lists every instrument definition, norm table and tier policy available: the bundled ones and those"
                    + " in --bundle folders, with id@version, where each came from and whether it loaded.",
            "A file that did not load is listed with its error count; psyscreen check FILE prints its problems."
        },
        footer = {"", "Examples:", "  psyscreen list", "  psyscreen list --bundle my-files/"})
final class ListCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    BundleOption bundleOption;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        Bundle bundle = bundleOption.load(null, spec.commandLine().getErr());
        for (Bundle.Kind kind : Bundle.Kind.values()) {
            out.println(
                    switch (kind) {
                        case INSTRUMENT -> "量表 instruments:";
                        case NORMS -> "常模 norm tables:";
                        case POLICY -> "策略 policies:";
                    });
            TextTable table = new TextTable("  ");
            for (Bundle.Entry e : bundle.entries()) {
                if (e.kind() != kind) {
                    continue;
                }
                String status = !e.ok()
                        ? "NOT LOADED (" + e.problems().errorCount() + " error(s))"
                        : e.problems().all().isEmpty()
                                ? "ok"
                                : "ok, " + e.problems().all().size() + " warning(s)";
                table.row(e.key().isEmpty() ? "-" : e.key(), status, e.origin());
            }
            table.print(out);
        }
        long unattached = bundle.problems().errorCount()
                - bundle.entries().stream()
                        .mapToLong(e -> e.problems().errorCount())
                        .sum();
        if (unattached > 0) {
            out.println("其他问题 other problems: " + unattached + " (psyscreen check --bundle DIR prints them)");
        }
        out.flush();
        return bundle.problems().hasErrors() ? 1 : 0;
    }
}
