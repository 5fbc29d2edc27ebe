package org.psyscreen.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.psyscreen.diagnostic.Problem;
import org.psyscreen.diagnostic.Severity;
import org.psyscreen.load.Bundle;
import org.psyscreen.plan.ScoringPlan;
import org.psyscreen.tier.CutoffPolicy;
import picocli.CommandLine.Option;

/**
 * {@code --bundle DIR}: a user's own instruments, norm tables and policies, loaded beside the bundled
 * ones. Every error in them is printed; nothing that fails to load is dropped silently.
 */
final class BundleOption {
    @Option(
            names = "--bundle",
            paramLabel = "DIR",
            description = "A folder of your own instrument definitions, norm tables and policies (YAML or JSON,"
                    + " recognised by their 'format:' line, in any layout). Repeatable; the bundled ones stay"
                    + " available.")
    List<Path> folders = new ArrayList<>();

    /** The bundle with the user's folders; prints every error found in them to {@code err}. */
    Bundle load(String command, PrintWriter err) {
        return load(command, err, List.of());
    }

    /** The bundle with the user's folders and {@code files}; prints every error to {@code err}. */
    Bundle load(String command, PrintWriter err, List<Path> files) {
        Bundle.Builder b = Bundle.builder().classPath(BundleOption.class.getClassLoader());
        folders.forEach(b::folder);
        files.forEach(b::file);
        Bundle bundle = b.build();
        if (command != null) {
            List<Problem> errors = bundle.problems().all().stream()
                    .filter(p -> p.severity() == Severity.ERROR)
                    .toList();
            if (!errors.isEmpty()) {
                err.println("psyscreen " + command + ": " + errors.size()
                        + " error(s) in the files given; what they define is not available:");
                errors.forEach(p -> err.println("  " + p.format().replace("\n", "\n  ")));
            }
        }
        return bundle;
    }

    /** The policy {@code id}; when there is none, tells {@code err} which ids exist. */
    static Optional<CutoffPolicy> policy(Bundle bundle, String id, String command, PrintWriter err) {
        Optional<CutoffPolicy> found = bundle.policy(id);
        if (found.isEmpty()) {
            err.println("psyscreen " + command + ": no policy '" + id + "' (available: "
                    + String.join(", ", bundle.policyIds()) + "; psyscreen list shows everything loaded)");
        }
        return found;
    }

    /** The instrument {@code id} (or {@code id@version}); when it is not loaded, tells {@code err}. */
    static Optional<ScoringPlan> plan(Bundle bundle, String id, String command, PrintWriter err) {
        var plan = bundle.plan(id);
        if (plan.isEmpty()) {
            err.println("psyscreen " + command + ": no instrument '" + id + "' (psyscreen list shows what is loaded)");
        }
        return plan;
    }

    /**
     * The instruments a command works on: those {@code policyId} pins (when given) and each of
     * {@code instrumentIds}; empty, after telling {@code err} why, when one is not loaded.
     */
    static Optional<Map<String, ScoringPlan>> planSet(
            Bundle bundle, String policyId, List<String> instrumentIds, String command, PrintWriter err) {
        Map<String, ScoringPlan> plans = new java.util.LinkedHashMap<>();
        if (policyId != null) {
            var policy = policy(bundle, policyId, command, err);
            if (policy.isEmpty()) {
                return Optional.empty();
            }
            var pinned = plans(bundle, policy.get(), command, err);
            if (pinned.isEmpty()) {
                return Optional.empty();
            }
            plans.putAll(pinned.get());
        }
        for (String id : instrumentIds) {
            var plan = plan(bundle, id, command, err);
            if (plan.isEmpty()) {
                return Optional.empty();
            }
            plans.put(plan.get().definition().id(), plan.get());
        }
        return Optional.of(plans);
    }

    /** The plans {@code policy} pins, exactly; when one is not loaded, tells {@code err} which. */
    static Optional<Map<String, ScoringPlan>> plans(
            Bundle bundle, CutoffPolicy policy, String command, PrintWriter err) {
        try {
            return Optional.of(bundle.plansFor(policy));
        } catch (org.psyscreen.diagnostic.DefinitionException e) {
            e.problems()
                    .all()
                    .forEach(p -> err.println(
                            "psyscreen " + command + ": " + p.message() + " (add the definition with --bundle)"));
            return Optional.empty();
        }
    }

    /** The mapping file, or empty after printing every problem in it to {@code err}. */
    static Optional<org.psyscreen.load.MappingLoader.HeaderMapping> mapping(
            Path file, String command, PrintWriter err) {
        var m = org.psyscreen.load.MappingLoader.load(file);
        if (!m.ok()) {
            err.println("psyscreen " + command + ": the mapping file cannot be used:");
            m.problems().all().forEach(p -> err.println("  " + p.format().replace("\n", "\n  ")));
            return Optional.empty();
        }
        m.problems()
                .all()
                .forEach(p -> err.println("psyscreen " + command + ": the mapping file: "
                        + p.format().replace("\n", "\n  ")));
        return Optional.of(m.orThrow());
    }
}
