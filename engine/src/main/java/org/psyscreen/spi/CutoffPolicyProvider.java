package org.psyscreen.spi;

import java.util.List;
import org.psyscreen.tier.CutoffPolicy;

/**
 * Supplies Java cut-off policies, found with {@link java.util.ServiceLoader}. Policies from
 * providers run through the same guard as declarative ones ({@link org.psyscreen.tier.Policies#decide}):
 * critical items first, follow-ups for unscorable forms, and POLICY_ERROR when they fail.
 */
public interface CutoffPolicyProvider {
    /** {@return the policies this provider offers} */
    List<CutoffPolicy> policies();
}
