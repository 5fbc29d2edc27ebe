package org.psyscreen.internal.rules;

import java.util.SortedSet;
import java.util.stream.IntStream;
import org.psyscreen.definition.Comparison;
import org.psyscreen.definition.InstrumentDefinition;
import org.psyscreen.definition.Numbers;
import org.psyscreen.diagnostic.ProblemCode;
import org.psyscreen.tier.Condition;

/**
 * PSY-1408: a raw-score or item threshold can be met by some value the scale or item can take, and
 * not by every value (a rule that always fires puts every student in a tier).
 */
final class PolicyThresholdsMustBeReachable implements PolicyRuleCheck {
    @Override
    public void check(PolicyDraft p, Report report) {
        for (var rule : p.rules()) {
            for (Condition c : PolicyRuleCheck.leaves(rule.when())) {
                if (c instanceof Condition.ScaleCompare s && s.basis() == Condition.Basis.RAW) {
                    InstrumentDefinition d = p.instruments().get(s.instrument());
                    double[] r = d == null ? null : new Facts(d).range(s.scale());
                    if (r != null) {
                        check(
                                p.conditionPaths().get(c),
                                s.toString(),
                                s.op(),
                                s.value(),
                                IntStream.rangeClosed((int) Math.ceil(r[0]), (int) Math.floor(r[1]))
                                        .toArray(),
                                Numbers.format(r[0]) + ".." + Numbers.format(r[1]),
                                report);
                    }
                } else if (c instanceof Condition.ItemCompare i) {
                    InstrumentDefinition d = p.instruments().get(i.instrument());
                    if (d != null && d.item(i.item()).isPresent()) {
                        SortedSet<Integer> v = new Facts(d).rawValues(i.item());
                        check(
                                p.conditionPaths().get(c),
                                i.toString(),
                                i.op(),
                                i.value(),
                                v.stream().mapToInt(Integer::intValue).toArray(),
                                v.toString(),
                                report);
                    }
                }
            }
        }
    }

    private static void check(
            String path, String what, Comparison op, double value, int[] values, String range, Report report) {
        boolean any = IntStream.of(values).anyMatch(x -> op.test(x, value));
        boolean all = values.length > 0 && IntStream.of(values).allMatch(x -> op.test(x, value));
        if (values.length > 0 && !any) {
            report.error(
                    ProblemCode.POLICY_THRESHOLD,
                    path,
                    "'" + what + "' can never hold: the values run " + range,
                    "set the threshold inside " + range + " (check the operator and the scale)");
        } else if (all) {
            report.error(
                    ProblemCode.POLICY_THRESHOLD,
                    path,
                    "'" + what + "' holds for every value " + range,
                    "a condition that always holds puts every student in the tier; raise the threshold");
        }
    }
}
