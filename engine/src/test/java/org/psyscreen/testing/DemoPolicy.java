package org.psyscreen.testing;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import org.psyscreen.load.NormTableLoader;
import org.psyscreen.load.PolicyLoader;
import org.psyscreen.norm.NormTable;
import org.psyscreen.tier.DeclarativePolicy;

/** The synthetic demo policy and the synthetic demo norm tables it may read. */
public final class DemoPolicy {
    /** The parametric synthetic table over demo.total. */
    public static final NormTable TOTAL_NORMS = NormTableLoader.load(
                    EngineFiles.path("src/test/resources/norms/good/demo-parametric.yaml"), Demo.RESOLVER)
            .orThrow();

    /** Resolves only the demo norm table. */
    public static final Function<String, Optional<NormTable>> NORMS =
            key -> key.equals(TOTAL_NORMS.key()) ? Optional.of(TOTAL_NORMS) : Optional.empty();

    /** The policy file. */
    public static final Path FILE = EngineFiles.path("src/test/resources/policies/good/demo-policy.yaml");

    /** The checked policy. */
    public static final DeclarativePolicy POLICY =
            PolicyLoader.load(FILE, Demo.RESOLVER, NORMS).orThrow();

    private DemoPolicy() {}
}
