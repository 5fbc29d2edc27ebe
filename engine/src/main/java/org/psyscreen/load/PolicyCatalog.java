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
    static final String INDEX = "META-INF/psyscreen/policies.list";

    private final Map<String, CutoffPolicy> policies;
    private final Map<String, List<CutoffPolicy>> versions;
    private final Problems problems;

    private PolicyCatalog(
            Map<String, CutoffPolicy> policies, Map<String, List<CutoffPolicy>> versions, Problems problems) {
        this.policies = policies;
        this.versions = versions;
        this.problems = problems;
    }

    /**
     * Loads every bundled policy file and every provider's policies. A file with errors is left out
     * and its problems kept in {@link #problems()}.
     *
     * @param loader the class loader whose policy files and providers are read
     * @param instruments resolves the instruments the policies name
     * @param norms resolves the norm tables the policies name
     * @return the catalog, with the problems of every file left out
     */
    public static PolicyCatalog fromClassPath(
            ClassLoader loader,
            Function<String, Optional<InstrumentDefinition>> instruments,
            Function<String, Optional<NormTable>> norms) {
        Map<String, CutoffPolicy> out = new LinkedHashMap<>();
        Map<String, List<CutoffPolicy>> versions = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        Map<String, DeclarativePolicy> files = new LinkedHashMap<>();
        for (ResourceIndex.Resource r : ResourceIndex.read(loader, INDEX)) {
            LoadResult<DeclarativePolicy> loaded = PolicyLoader.load(r.path(), r.content(), instruments, norms);
            problems.addAll(loaded.problems().all());
            loaded.value().ifPresent(p -> {
                files.put(r.path(), p);
                versions.computeIfAbsent(p.id(), k -> new ArrayList<>()).add(p);
                if (!(out.get(p.id()) instanceof DeclarativePolicy d)
                        || !p.effectiveFrom().isBefore(d.effectiveFrom())) {
                    out.put(p.id(), p);
                }
            });
        }
        problems.addAll(PolicyLoader.checkTogether(files).all());
        for (CutoffPolicyProvider provider : ServiceLoader.load(CutoffPolicyProvider.class, loader)) {
            for (CutoffPolicy p : provider.policies()) {
                if (out.putIfAbsent(p.id(), p) == null) {
                    versions.put(p.id(), List.of(p));
                }
            }
        }
        versions.replaceAll((k, v) -> List.copyOf(v));
        return new PolicyCatalog(out, versions, Problems.of(problems));
    }

    /**
     * {@return every loaded version of a policy (files with the same id and different effective dates); each
     * decides the records whose test date it covers}
     *
     * @param id the policy's id
     */
    public List<CutoffPolicy> versions(String id) {
        return versions.getOrDefault(id, List.of());
    }

    /**
     * {@return the version of a policy in force on {@code date}, if one is}
     *
     * @param id the policy's id
     * @param date a test date
     */
    public Optional<CutoffPolicy> inForce(String id, java.time.LocalDate date) {
        return versions(id).stream().filter(p -> p.inForceOn(date)).findFirst();
    }

    /**
     * {@return a policy by id: of several versions, the one that came into force last}
     *
     * @param id the policy's id
     */
    public Optional<CutoffPolicy> find(String id) {
        return Optional.ofNullable(policies.get(id));
    }

    /** {@return ids of every available policy} */
    public List<String> ids() {
        return List.copyOf(policies.keySet());
    }

    /** {@return problems met while loading bundled policy files} */
    public Problems problems() {
        return problems;
    }
}
