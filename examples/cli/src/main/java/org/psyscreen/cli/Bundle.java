package org.psyscreen.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.psyscreen.load.ClassPathBundle;
import org.psyscreen.norm.NormTable;
import org.psyscreen.plan.ScoringPlan;
import org.psyscreen.tier.CutoffPolicy;

/** The class-path bundle, with the command line's way of saying what is missing. */
final class Bundle {
    final ClassPathBundle loaded;
    final Map<String, NormTable> norms;

    Bundle(ClassLoader cl) {
        loaded = new ClassPathBundle(cl);
        norms = loaded.norms();
    }

    /** The policy {@code id}; when there is none, tells {@code err} which ids exist. */
    Optional<CutoffPolicy> policy(String id, String command, PrintWriter err) {
        Optional<CutoffPolicy> found = loaded.policies().find(id);
        if (found.isEmpty()) {
            err.println("psyscreen " + command + ": no policy '" + id + "' (available: "
                    + String.join(", ", loaded.policies().ids()) + ")");
        }
        return found;
    }

    /** The bundled instrument in folder {@code id}, compiled with its definition's hash. */
    Optional<ScoringPlan> plan(String id) {
        return loaded.plan(id);
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
