package org.psyscreen.internal.rules;

import org.psyscreen.diagnostic.ProblemCode;
import org.psyscreen.tier.Condition;

/** PSY-1411: a T-score or percentile condition names a norm table and a threshold in 0..100. */
final class PolicyUnitsMustMatch implements PolicyRuleCheck {
    @Override
    public void check(PolicyDraft p, Report report) {
        for (var rule : p.rules()) {
            for (Condition c : PolicyRuleCheck.leaves(rule.when())) {
                if (c instanceof Condition.ScaleCompare s && s.basis() != Condition.Basis.RAW) {
                    String path = p.conditionPaths().get(c);
                    if (s.normId() == null) {
                        report.error(
                                ProblemCode.POLICY_UNIT,
                                path,
                                "'" + s + "' compares a standard score but names no norm table",
                                "add 'norm: <table id>'");
                    }
                    if (!(s.value() >= 0 && s.value() <= 100)) {
                        report.error(
                                ProblemCode.POLICY_UNIT,
                                path,
                                "'" + s + "' uses a threshold outside 0..100",
                                "T-scores and percentiles run 0..100; did you mean a raw-score condition (no 'on')?");
                    }
                } else if (c instanceof Condition.ScaleCompare s && s.normId() != null) {
                    report.error(
                            ProblemCode.POLICY_UNIT,
                            p.conditionPaths().get(c),
                            "'" + s + "' names a norm table but compares the raw score",
                            "add 'on: t' or 'on: percentile', or remove 'norm'");
                }
            }
        }
    }
}
