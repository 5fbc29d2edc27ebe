package org.psyscreen.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Function;
import org.psyscreen.definition.InstrumentDefinition;
import org.psyscreen.diagnostic.Problem;
import org.psyscreen.diagnostic.Problems;
import org.psyscreen.internal.resources.ResourceIndex;
import org.psyscreen.norm.NormTable;
import org.psyscreen.spi.CutoffPolicyProvider;
import org.psyscreen.tier.CutoffPolicy;
import org.psyscreen.tier.DeclarativePolicy;

/**
 * Every policy available: declarative files listed by {@value #INDEX} on the class path, and Java
 * policies from {@link CutoffPolicyProvider}s found by {@link ServiceLoader}. Both are plain
 * {@link CutoffPolicy} objects afterwards.
 */
public final class PolicyCatalog {
    /** The index resource each contributing jar carries. */
    public static final String INDEX = "META-INF/psyscreen/policies.list";

    private final Map<String, CutoffPolicy> policies;
    private final Problems problems;

    private PolicyCatalog(Map<String, CutoffPolicy> policies, Problems problems) {
        this.policies = policies;
        this.problems = problems;
    }

    /**
     * Loads every bundled policy file and every provider's policies. A file with errors is left out
     * and its problems kept in {@link #problems()}.
     */
    public static PolicyCatalog fromClassPath(
            ClassLoader loader,
            Function<String, Optional<InstrumentDefinition>> instruments,
            Function<String, Optional<NormTable>> norms) {
        Map<String, CutoffPolicy> out = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        Map<String, DeclarativePolicy> files = new LinkedHashMap<>();
        for (ResourceIndex.Resource r : ResourceIndex.read(loader, INDEX)) {
            LoadResult<DeclarativePolicy> loaded = PolicyLoader.load(r.path(), r.content(), instruments, norms);
            problems.addAll(loaded.problems().all());
            loaded.value().ifPresent(p -> {
                files.put(r.path(), p);
                out.put(p.id(), p);
            });
        }
        problems.addAll(PolicyLoader.checkTogether(files).all());
        for (CutoffPolicyProvider provider : ServiceLoader.load(CutoffPolicyProvider.class, loader)) {
            for (CutoffPolicy p : provider.policies()) {
                out.putIfAbsent(p.id(), p);
            }
        }
        return new PolicyCatalog(out, Problems.of(problems));
    }

    /** A policy by id. */
    public Optional<CutoffPolicy> find(String id) {
        return Optional.ofNullable(policies.get(id));
    }

    /** Ids of every available policy. */
    public List<String> ids() {
        return List.copyOf(policies.keySet());
    }

    /** Problems met while loading bundled policy files. */
    public Problems problems() {
        return problems;
    }
}
