package org.psyscreen.internal.rules;

import org.psyscreen.diagnostic.ProblemCode;

/** PSY-1406: positive critical items go to the most severe tier; a policy cannot soften them. */
final class PolicyCriticalGoesToMostSevere implements PolicyRuleCheck {
    @Override
    public void check(PolicyDraft p, Report report) {
        p.tiers().stream()
                .filter(t -> t.id().equals(p.criticalTier()))
                .findFirst()
                .ifPresent(t -> {
                    if (t.severity() != 1) {
                        report.error(
                                ProblemCode.POLICY_CRITICAL_TIER,
                                "critical.tier",
                                "positive critical items are sent to tier '" + t.id() + "' (severity " + t.severity()
                                        + ")",
                                "send them to the severity-1 tier; a positive self-harm answer always wins");
                    }
                });
    }
}
