package org.psyscreen.load;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.psyscreen.norm.NormTable;
import org.psyscreen.plan.PlanCompiler;
import org.psyscreen.plan.ScoringPlan;

/**
 * Everything bundled on a class path, loaded once: instruments, the norm tables that load without
 * errors, and the policies (which may name those tables). What the command line and the benchmarks
 * score with.
 */
public final class ClassPathBundle {
    private final InstrumentCatalog instruments;
    private final Map<String, NormTable> norms = new LinkedHashMap<>();
    private final PolicyCatalog policies;

    /** Loads the bundle visible to {@code cl}. */
    public ClassPathBundle(ClassLoader cl) {
        instruments = InstrumentCatalog.fromClassPath(cl);
        NormCatalog normCatalog = NormCatalog.fromClassPath(cl);
        for (String id : normCatalog.ids()) {
            normCatalog.load(id, instruments::resolve).flatMap(r -> r.value()).ifPresent(t -> norms.put(id, t));
        }
        policies = PolicyCatalog.fromClassPath(cl, instruments::resolve, this::norm);
    }

    /** The bundled instruments. */
    public InstrumentCatalog instruments() {
        return instruments;
    }

    /** Norm tables by id, in catalogue order (unmodifiable). */
    public Map<String, NormTable> norms() {
        return Collections.unmodifiableMap(norms);
    }

    /** The bundled policies. */
    public PolicyCatalog policies() {
        return policies;
    }

    /** The norm table with key {@code id@version}. */
    public Optional<NormTable> norm(String key) {
        return norms.values().stream().filter(t -> t.key().equals(key)).findFirst();
    }

    /** The bundled instrument in folder {@code id}, compiled with its definition's hash. */
    public Optional<ScoringPlan> plan(String id) {
        return instruments.find(id).map(e -> {
            var loaded = e.load();
            return PlanCompiler.compile(loaded.orThrow(), loaded.sha256());
        });
    }
}
