/**
 * Risk tiers: regional cut-off policies — declarative files or Java implementations found through
 * {@link org.psyscreen.spi.CutoffPolicyProvider} — turn a student's screening into a
 * {@link org.psyscreen.tier.TierDecision} that says which rules fired, on which values, under which
 * policy version. Critical items are evaluated first and win; a student whose forms cannot be
 * scored is never given the lowest outcome.
 */
package org.psyscreen.tier;
