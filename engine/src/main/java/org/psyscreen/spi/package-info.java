/**
 * Service-provider interfaces for extending psyscreen from outside the engine. A region whose rules
 * do not fit the policy file format implements {@link org.psyscreen.tier.CutoffPolicy} in Java and
 * registers a {@link org.psyscreen.spi.CutoffPolicyProvider} — in {@code module-info} with
 * {@code provides} and in {@code META-INF/services} for the class path.
 */
package org.psyscreen.spi;
