package org.psyscreen.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.psyscreen.load.InstrumentCatalog;
import org.psyscreen.load.NormCatalog;
import org.psyscreen.load.PolicyCatalog;
import org.psyscreen.norm.NormTable;
import org.psyscreen.plan.PlanCompiler;
import org.psyscreen.plan.ScoringPlan;
import org.psyscreen.tier.CutoffPolicy;

/** Everything bundled on the class path, loaded once: instruments, norm tables, policies. */
final class Bundle {
    final InstrumentCatalog instruments;
    final Map<String, NormTable> norms = new LinkedHashMap<>();
    final PolicyCatalog policies;

    Bundle(ClassLoader cl) {
        instruments = InstrumentCatalog.fromClassPath(cl);
        NormCatalog normCatalog = NormCatalog.fromClassPath(cl);
        for (String id : normCatalog.ids()) {
            normCatalog.load(id, instruments::resolve).flatMap(r -> r.value()).ifPresent(t -> norms.put(id, t));
        }
        policies = PolicyCatalog.fromClassPath(cl, instruments::resolve, this::norm);
    }

    Optional<NormTable> norm(String key) {
        return norms.values().stream().filter(t -> t.key().equals(key)).findFirst();
    }

    /** The policy {@code id}; when there is none, tells {@code err} which ids exist. */
    Optional<CutoffPolicy> policy(String id, String command, PrintWriter err) {
        Optional<CutoffPolicy> found = policies.find(id);
        if (found.isEmpty()) {
            err.println("psyscreen " + command + ": no policy '" + id + "' (available: "
                    + String.join(", ", policies.ids()) + ")");
        }
        return found;
    }

    /** The bundled instrument in folder {@code id}, compiled with its definition's hash. */
    Optional<ScoringPlan> plan(String id) {
        return instruments.find(id).map(e -> {
            var loaded = e.load();
            return PlanCompiler.compile(loaded.orThrow(), loaded.sha256());
        });
    }

    /**
     * Plans for every instrument {@code policy} expects, in its order; when one is not bundled,
     * tells {@code err} and returns empty.
     */
    Optional<Map<String, ScoringPlan>> plans(CutoffPolicy policy, String command, PrintWriter err) {
        Map<String, ScoringPlan> plans = new LinkedHashMap<>();
        for (String id : policy.instruments()) {
            Optional<ScoringPlan> plan = plan(id);
            if (plan.isEmpty()) {
                err.println("psyscreen " + command + ": policy " + policy.key() + " expects instrument '" + id
                        + "', which is not bundled");
                return Optional.empty();
            }
            plans.put(id, plan.get());
        }
        return Optional.of(plans);
    }
}
