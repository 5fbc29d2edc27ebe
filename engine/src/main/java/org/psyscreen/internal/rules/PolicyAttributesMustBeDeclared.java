package org.psyscreen.internal.rules;

import org.psyscreen.diagnostic.ProblemCode;
import org.psyscreen.tier.Condition;

/** PSY-1417: attributes a rule reads are declared (they are sensitive data the region supplies). */
final class PolicyAttributesMustBeDeclared implements PolicyRuleCheck {
    @Override
    public void check(PolicyDraft p, Report report) {
        for (var rule : p.rules()) {
            for (Condition c : PolicyRuleCheck.leaves(rule.when())) {
                if (c instanceof Condition.AttributeIs a && !p.attributes().contains(a.name())) {
                    report.error(
                            ProblemCode.POLICY_UNDECLARED_ATTRIBUTE,
                            p.conditionPaths().get(c),
                            "attribute '" + a.name() + "' is not declared",
                            "list it under 'attributes' so users know the policy reads it");
                }
            }
        }
    }
}
