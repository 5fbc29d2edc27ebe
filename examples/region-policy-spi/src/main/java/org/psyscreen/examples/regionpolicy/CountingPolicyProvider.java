package org.psyscreen.examples.regionpolicy;

import java.util.List;
import org.psyscreen.spi.CutoffPolicyProvider;
import org.psyscreen.tier.CutoffPolicy;

/** Registers {@link CountingPolicy} with the engine (module-info {@code provides} and META-INF/services). */
public final class CountingPolicyProvider implements CutoffPolicyProvider {
    /** Public no-argument constructor, as ServiceLoader requires. */
    public CountingPolicyProvider() {}

    @Override
    public List<CutoffPolicy> policies() {
        return List.of(new CountingPolicy());
    }
}
