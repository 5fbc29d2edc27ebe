package org.psyscreen.internal.rules;

import org.psyscreen.diagnostic.ProblemCode;

/** PSY-1404: rules, the critical mapping and follow-ups name declared tiers. */
final class PolicyTiersMustExist implements PolicyRuleCheck {
    @Override
    public void check(PolicyDraft p, Report report) {
        for (int r = 0; r < p.rules().size(); r++) {
            tier(p, p.rules().get(r).tierId(), "rules[" + r + "].tier", report);
        }
        tier(p, p.criticalTier(), "critical.tier", report);
        for (var e : p.followUps().entrySet()) {
            tier(p, e.getValue(), "followUp." + PolicyFollowUpsMustHaveTiers.key(e.getKey()), report);
        }
    }

    private static void tier(PolicyDraft p, String id, String path, Report report) {
        if (id != null && p.tiers().stream().noneMatch(t -> t.id().equals(id))) {
            report.error(
                    ProblemCode.POLICY_UNKNOWN_TIER,
                    path,
                    "tier '" + id + "' is not declared",
                    "use one of: "
                            + String.join(
                                    ", ", p.tiers().stream().map(t -> t.id()).toList()));
        }
    }
}
