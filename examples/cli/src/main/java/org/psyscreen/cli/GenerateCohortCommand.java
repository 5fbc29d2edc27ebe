package org.psyscreen.cli;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.psyscreen.cohort.SyntheticCohort;
import org.psyscreen.load.Bundle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code psyscreen generate-cohort}: writes a SYNTHETIC cohort for the instruments a policy expects. */
@Command(
        name = "generate-cohort",
        mixinStandardHelpOptions = true,
        description =
                "Writes a seeded SYNTHETIC screening cohort (CSV) for the instruments a policy expects: realistic,"
                        + " correlated answers with a few per cent blanks and bad records. Same seed, same bytes.",
        footer = {
            "",
            "Examples:",
            "  psyscreen generate-cohort --policy example-a-glad-pc --students 1000000 --seed 1 \\",
            "      --schools 200 --classes-per-grade 12 big.csv",
            "  psyscreen generate-cohort --policy example-a-glad-pc --wave 2 wave2.csv",
            "  psyscreen generate-cohort --instrument cesd --students 2000 cesd-sample.csv"
        })
final class GenerateCohortCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--policy", description = "Policy whose instruments the cohort answers.")
    String policyId;

    @Option(
            names = "--instrument",
            description = "Instead of --policy: an instrument the cohort answers (id or id@version); repeatable.")
    java.util.List<String> instruments = new java.util.ArrayList<>();

    @Option(
            names = "--students",
            defaultValue = "2000",
            description = "Number of students [default: ${DEFAULT-VALUE}].")
    int students;

    @Option(names = "--seed", defaultValue = "20261123", description = "Random seed [default: ${DEFAULT-VALUE}].")
    long seed;

    @Option(
            names = "--wave",
            defaultValue = "1",
            description = "Which wave: 1 is the autumn 2026 screen, 2 the spring 2027 re-screen of the same students,"
                    + " 3 the autumn screen a school year later (grades moved up, leavers gone), and so on; a few"
                    + " students are absent from each later wave and answers drift [default: 1].")
    int wave;

    @Option(
            names = "--schools",
            defaultValue = "6",
            description = "Schools the students are spread over [default: ${DEFAULT-VALUE}].")
    int schools;

    @Option(
            names = "--classes-per-grade",
            defaultValue = "4",
            description = "Classes in each grade of a school [default: ${DEFAULT-VALUE}]; with --schools 200 and"
                    + " 12 this gives a province-like 28,800 classes.")
    int classesPerGrade;

    @Mixin
    BundleOption bundleOption;

    @Parameters(paramLabel = "OUTPUT", description = "CSV file to write.")
    Path output;

    @Override
    public Integer call() throws Exception {
        var err = spec.commandLine().getErr();
        if (students < 0) {
            err.println("psyscreen generate-cohort: --students must be 0 or more");
            return 2;
        }
        if (wave < 1 || wave > 12) {
            err.println("psyscreen generate-cohort: --wave must be 1 to 12");
            return 2;
        }
        if (schools < 1 || classesPerGrade < 1) {
            err.println("psyscreen generate-cohort: --schools and --classes-per-grade must be 1 or more");
            return 2;
        }
        if ((policyId == null) == instruments.isEmpty()) {
            err.println("psyscreen generate-cohort: give --policy ID or --instrument ID (not both)");
            return 2;
        }
        Bundle bundle = bundleOption.load("generate-cohort", err);
        var plans = BundleOption.planSet(bundle, policyId, instruments, "generate-cohort", err);
        if (plans.isEmpty()) {
            return 2;
        }
        int written;
        Path folder = output.toAbsolutePath().getParent();
        if (folder != null) {
            Files.createDirectories(folder);
        }
        try (BufferedWriter w = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            written = SyntheticCohort.write(
                    w, plans.get(), students, seed, wave, new SyntheticCohort.Hierarchy(schools, classesPerGrade));
        }
        spec.commandLine().getOut().println("wrote " + written + " synthetic students to " + output);
        return 0;
    }
}
