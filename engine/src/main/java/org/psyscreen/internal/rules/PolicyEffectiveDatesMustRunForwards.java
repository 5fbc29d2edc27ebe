package org.psyscreen.internal.rules;

import org.psyscreen.diagnostic.ProblemCode;

/** PSY-1413: the policy's effective dates run forwards. */
final class PolicyEffectiveDatesMustRunForwards implements PolicyRuleCheck {
    @Override
    public void check(PolicyDraft p, Report report) {
        if (p.effectiveFrom() != null
                && p.effectiveTo() != null
                && p.effectiveTo().isBefore(p.effectiveFrom())) {
            report.error(
                    ProblemCode.POLICY_EFFECTIVE_DATES,
                    "effective",
                    "the policy ends before it starts",
                    "swap 'from' and 'to'");
        }
    }
}
