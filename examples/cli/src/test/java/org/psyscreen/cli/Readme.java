package org.psyscreen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The repository's README, for the tests that run its commands as written. */
final class Readme {
    static final Path ROOT = Path.of("../..");
    static final String JAR = "examples/cli/target/bin/psyscreen ";

    private Readme() {}

    /** The {@code psyscreen} arguments of each line of the first {@code sh} block after {@code heading}. */
    static List<String> commands(String heading) throws Exception {
        String readme = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
        String section = readme.substring(readme.indexOf(heading));
        section = section.substring(section.indexOf("```sh") + 5, section.indexOf("```", section.indexOf("```sh") + 5));
        List<String> commands = new ArrayList<>();
        for (String line : section.strip().split("\n")) {
            assertThat(line).startsWith(JAR);
            commands.add(line.substring(JAR.length()));
        }
        return commands;
    }

    /**
     * Runs README commands as written, with paths under {@code target/} moved into {@code tmp} and
     * {@code examples/} resolved from the repository root.
     */
    static List<MainTest.Run> run(List<String> commands, Path tmp) {
        List<MainTest.Run> runs = new ArrayList<>();
        for (String c : commands) {
            List<String> args = new ArrayList<>();
            for (String w : c.split(" ")) {
                args.add(
                        w.startsWith("target/")
                                ? tmp.resolve(w).toString()
                                : w.startsWith("examples/") ? ROOT.resolve(w).toString() : w);
            }
            runs.add(MainTest.run(args.toArray(String[]::new)));
        }
        return runs;
    }
}
