package org.psyscreen.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.psyscreen.validation.ConformanceVectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code psyscreen conformance}: the published vectors of a bundled instrument, and a vendor's answers to them. */
@Command(
        name = "conformance",
        mixinStandardHelpOptions = true,
        description = "The conformance vectors of a bundled instrument (answers in, expected status and scale scores"
                + " out, each naming the rule it tests): --write-vectors gives them to a vendor's system in any"
                + " language; --answers checks what that system answered (format psyscreen-vector-answers/1: see"
                + " validation/README.md). Exit 0: every vector passed; 1: failures, each named with its rule.",
        footer = {
            "",
            "Examples:",
            "  psyscreen conformance --instrument gad7 --write-vectors gad7-vectors.json",
            "  psyscreen conformance --instrument gad7 --answers our-answers.json"
        })
final class ConformanceCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--instrument", required = true, description = "A bundled instrument id.")
    String instrument;

    @Option(names = "--write-vectors", paramLabel = "FILE", description = "Write the vectors to FILE.")
    Path writeVectors;

    @Option(names = "--answers", paramLabel = "FILE", description = "Check a vendor's answers to the vectors.")
    Path answers;

    @Override
    public Integer call() throws IOException {
        var o = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        if ((writeVectors == null) == (answers == null)) {
            err.println("psyscreen conformance: give --write-vectors FILE or --answers FILE");
            return 2;
        }
        ConformanceVectors v = ConformanceVectors.bundled(instrument, ConformanceCommand.class.getClassLoader());
        if (v == null) {
            err.println("psyscreen conformance: no bundled vectors for '" + instrument + "' (bundled: phq9, phqa, gad7,"
                    + " scared, cesd)");
            return 2;
        }
        if (writeVectors != null) {
            try {
                Files.writeString(
                        writeVectors,
                        v.json() + "\n",
                        StandardCharsets.UTF_8,
                        java.nio.file.StandardOpenOption.CREATE_NEW);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                err.println(
                        "psyscreen conformance: " + writeVectors + " exists; it is left as it is (give a new file)");
                return 2;
            }
            o.println("wrote the " + v.instrument() + " vectors ("
                    + v.vectors().path("tests").size() + ") to " + writeVectors);
            return 0;
        }
        if (!Files.isRegularFile(answers)) {
            err.println("psyscreen conformance: cannot read --answers " + answers + " (not a file)");
            return 2;
        }
        ConformanceVectors.Result r;
        try (InputStream in = Files.newInputStream(answers)) {
            r = v.check(in);
        }
        if (r.error() != null) {
            err.println("psyscreen conformance: " + r.error());
            return 2;
        }
        o.println("一致性 conformance " + v.instrument() + ": " + r.passed() + " of " + r.vectors() + " vectors passed");
        for (var f : r.failures()) {
            o.println("  FAIL tcId " + f.tcId() + " (" + f.comment() + "): expected " + f.expected() + ", got "
                    + f.got());
            f.rules().forEach(rule -> o.println("       rule " + rule));
        }
        return r.failures().isEmpty() ? 0 : 1;
    }
}
