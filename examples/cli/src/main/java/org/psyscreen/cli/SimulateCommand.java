package org.psyscreen.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.psyscreen.batch.PolicySimulation;
import org.psyscreen.batch.ResponseFile;
import org.psyscreen.privacy.CountTable;
import org.psyscreen.privacy.Pseudonymizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code psyscreen simulate}: one cohort under two or more policies, side by side. */
@Command(
        name = "simulate",
        mixinStandardHelpOptions = true,
        description = "Screens one cohort under two or more policies (or versions) and writes who moves from the"
                + " first policy's outcome to another's, with the rules that made the difference (movers.csv,"
                + " pseudonyms only), the outcome-by-outcome transition table (transitions.csv) and each policy's"
                + " outcomes by region, school and grade (counts.csv), small cells hidden; all of it in"
                + " simulation.json, and a page in the report's style (simulation.html). A policy the cohort"
                + " cannot be screened under is reported with the reason. The cohort is a response file, or a"
                + " wave of a records store (--records, --wave): its recorded scores decided again.",
        footer = {
            "",
            "Example:",
            "  psyscreen simulate --bundle examples/simulate --policy example-a-glad-pc --policy"
                    + " example-a-phqa-watch-6 --key psyscreen.key --out simulation examples/demo/cohort.csv",
            "  psyscreen simulate --bundle examples/simulate --policy example-a-glad-pc --policy"
                    + " example-a-phqa-watch-6 --records records.db --wave 2026-autumn --out simulation"
        })
final class SimulateCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    BundleOption bundleOption;

    @Option(
            names = "--policy",
            required = true,
            description = "A policy id or id@version; give two or more, the first the baseline.")
    List<String> policyIds = new ArrayList<>();

    @Option(names = "--key", description = "The pseudonym key (a response file): movers are named by pseudonym only.")
    Path key;

    @Option(
            names = "--records",
            description = "A records store (file or jdbc:postgresql URL) whose --wave is the cohort.")
    String records;

    @Option(names = "--wave", description = "The store's wave to decide again (with --records).")
    String wave;

    @Option(names = "--mapping", description = "A header mapping file, as for psyscreen score.")
    Path mapping;

    @Option(names = "--min-cell", defaultValue = "10", description = "The smallest count published [default: 10].")
    int minCell;

    @Option(names = "--out", required = true, description = "The folder to write.")
    Path out;

    @Parameters(paramLabel = "INPUT", arity = "0..1", description = "The cohort: a response file (or --records).")
    Path input;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (policyIds.size() < 2) {
            err.println("psyscreen simulate: give two or more --policy (the first is the baseline)");
            return 2;
        }
        if (minCell < 2) {
            err.println("psyscreen simulate: --min-cell must be 2 or more");
            return 2;
        }
        var bundle = bundleOption.load("simulate", err);
        List<PolicySimulation.Arm> arms = new ArrayList<>();
        for (String id : policyIds) {
            var policy = id.contains("@") ? bundle.policyVersion(id) : bundle.policy(id);
            if (policy.isEmpty()) {
                err.println("psyscreen simulate: no policy '" + id + "' (psyscreen list shows what is loaded)");
                return 2;
            }
            var plans = BundleOption.plans(bundle, policy.get(), "simulate", err);
            if (plans.isEmpty()) {
                return 2;
            }
            arms.add(new PolicySimulation.Arm(policy.get(), plans.get()));
        }
        if ((input == null) == (records == null) || (records == null) != (wave == null)) {
            err.println("psyscreen simulate: give the cohort once: a response file, or --records with --wave");
            return 2;
        }
        if (records != null && (mapping != null || key != null)) {
            err.println("psyscreen simulate: --mapping and --key read a response file; a store's wave needs neither");
            return 2;
        }
        PolicySimulation.Simulation sim;
        if (records != null) {
            // The store's students are pseudonyms already: no key is read.
            try (var store = org.psyscreen.records.RecordStore.open(records)) {
                sim = store.simulate(org.psyscreen.records.Scope.everything(), wave, arms, bundle.norms(), minCell);
            } catch (org.psyscreen.records.RecordStoreException e) {
                err.println("psyscreen simulate: " + e.getMessage());
                return 2;
            }
            return report(sim, o);
        }
        if (key == null) {
            err.println("psyscreen simulate: a response file needs --key: movers are named by pseudonym only");
            return 2;
        }
        var k = Keys.read(key);
        if (k.error() != null) {
            err.println("psyscreen simulate: --key " + key + ": " + k.error());
            return 2;
        }
        java.util.function.UnaryOperator<org.psyscreen.batch.BatchOptions.Builder> options = null;
        if (mapping != null) {
            var m = BundleOption.mapping(mapping, "simulate", err);
            if (m.isEmpty()) {
                return 2;
            }
            options = b -> b.mapping(m.get());
        }
        if (!Files.isRegularFile(input)) {
            err.println("psyscreen simulate: cannot read " + input + " (not a file)");
            return 2;
        }
        sim = PolicySimulation.run(
                ResponseFile.of(input), arms, bundle.norms(), Pseudonymizer.of(k.bytes()), options, minCell);
        return report(sim, o);
    }

    /** Writes the simulation's files and page, and prints what moved. */
    private int report(PolicySimulation.Simulation sim, PrintWriter o) throws java.io.IOException {
        PolicySimulation.write(sim, out, minCell);
        org.psyscreen.report.SimulationPage.write(sim, out, minCell);
        o.println("模拟 simulation: " + sim.records() + " records under " + String.join(", ", sim.policies()));
        for (var n : sim.notRun()) {
            o.println("  not screened under " + n.policy() + ": " + String.join("; ", n.problems()));
        }
        for (var t : sim.transitions()) {
            long moved = sim.moved(t.to());
            o.println("  " + t.from() + " -> " + t.to() + ": " + moved + " student(s) move (movers.csv)");
            CountTable table = t.table();
            o.printf(
                    "    %-12s%s%n",
                    "from \\ to",
                    String.join(
                            "",
                            table.columns().stream()
                                    .map(c -> String.format("%12s", c))
                                    .toList()));
            for (CountTable.Unit u : table.units()) {
                StringBuilder row = new StringBuilder();
                for (int c = 0; c < table.columns().size(); c++) {
                    Long n = u.published(c);
                    row.append(String.format("%12s", n == null ? "<" + minCell : n.toString()));
                }
                o.printf("    %-12s%s%n", u.id(), row);
            }
        }
        o.println("输出 outputs: " + out + ": transitions.csv, counts.csv, movers.csv (pseudonyms only),"
                + " simulation.json, simulation.html");
        o.flush();
        return sim.notRun().isEmpty() ? 0 : 1;
    }
}
