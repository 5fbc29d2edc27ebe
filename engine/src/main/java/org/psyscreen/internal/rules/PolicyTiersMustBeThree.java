package org.psyscreen.internal.rules;

import java.util.Set;
import java.util.TreeSet;
import org.psyscreen.diagnostic.ProblemCode;
import org.psyscreen.tier.Tier;

/** PSY-1405: exactly three tiers, severities 1, 2 and 3, distinct ids. */
final class PolicyTiersMustBeThree implements PolicyRuleCheck {
    @Override
    public void check(PolicyDraft p, Report report) {
        Set<Integer> severities = new TreeSet<>();
        Set<String> ids = new TreeSet<>();
        for (Tier t : p.tiers()) {
            severities.add(t.severity());
            ids.add(t.id());
        }
        if (p.tiers().size() != 3 || !severities.equals(Set.of(1, 2, 3)) || ids.size() != 3) {
            report.error(
                    ProblemCode.POLICY_TIERS,
                    "tiers",
                    "the policy declares " + p.tiers().size() + " tier(s) with severities " + severities
                            + "; a policy has exactly three, severities 1, 2 and 3",
                    "declare three tiers with distinct ids; severity 1 is the most severe (一级)");
        }
    }
}
