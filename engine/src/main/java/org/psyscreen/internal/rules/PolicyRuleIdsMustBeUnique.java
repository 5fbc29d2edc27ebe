package org.psyscreen.internal.rules;

import java.util.HashMap;
import java.util.Map;
import org.psyscreen.diagnostic.ProblemCode;

/** PSY-1410: rule ids are unique, so a decision's rule id names one rule. */
final class PolicyRuleIdsMustBeUnique implements PolicyRuleCheck {
    @Override
    public void check(PolicyDraft p, Report report) {
        Map<String, Integer> seen = new HashMap<>();
        for (int r = 0; r < p.rules().size(); r++) {
            Integer earlier = seen.putIfAbsent(p.rules().get(r).id(), r);
            if (earlier != null) {
                report.error(
                        ProblemCode.POLICY_DUPLICATE_RULE,
                        "rules[" + r + "].id",
                        "rule id '" + p.rules().get(r).id() + "' is already used by rules[" + earlier + "]",
                        "give each rule its own id");
            }
        }
    }
}
