package org.psyscreen.internal.rules;

import org.psyscreen.definition.Comparison;
import org.psyscreen.diagnostic.ProblemCode;
import org.psyscreen.tier.Condition;
import org.psyscreen.tier.PolicyRule;
import org.psyscreen.tier.Tier;

/**
 * PSY-1409: no rule is shadowed — a rule B whose single comparison implies another rule A's single
 * comparison on the same value, where A's tier is at least as severe, can never change a decision
 * (usually a typo in a threshold or a tier).
 */
final class PolicyRulesMustNotBeShadowed implements PolicyRuleCheck {
    @Override
    public void check(PolicyDraft p, Report report) {
        for (int b = 0; b < p.rules().size(); b++) {
            for (int a = 0; a < p.rules().size(); a++) {
                if (a == b) {
                    continue;
                }
                PolicyRule ra = p.rules().get(a);
                PolicyRule rb = p.rules().get(b);
                Tier ta = tier(p, ra.tierId());
                Tier tb = tier(p, rb.tierId());
                if (ta == null || tb == null || ta.severity() > tb.severity()) {
                    continue;
                }
                if (implies(rb.when(), ra.when()) && !(implies(ra.when(), rb.when()) && a > b)) {
                    report.error(
                            ProblemCode.POLICY_RULE_SHADOWED,
                            "rules[" + b + "]",
                            "rule '" + rb.id() + "' ("
                                    + rb.when() + ") can never change a decision: whenever it fires, rule '" + ra.id()
                                    + "' ("
                                    + ra.when() + ") fires with a tier at least as severe",
                            "check the threshold and tier of '" + rb.id() + "', or remove it");
                    break;
                }
            }
        }
    }

    private static Tier tier(PolicyDraft p, String id) {
        return p.tiers().stream().filter(t -> t.id().equals(id)).findFirst().orElse(null);
    }

    /** Whether single comparison {@code x} implies single comparison {@code y} on the same value. */
    static boolean implies(Condition x, Condition y) {
        String vx = variable(x);
        if (vx == null || !vx.equals(variable(y))) {
            return false;
        }
        Comparison ox = op(x);
        Comparison oy = op(y);
        double tx = value(x);
        double ty = value(y);
        boolean upX = ox == Comparison.GE || ox == Comparison.GT;
        boolean upY = oy == Comparison.GE || oy == Comparison.GT;
        if (ox == Comparison.EQ) {
            return oy.test(tx, ty);
        }
        if (oy == Comparison.EQ || upX != upY) {
            return false;
        }
        if (upX) {
            return tx > ty || (tx == ty && (oy == Comparison.GE || ox == Comparison.GT));
        }
        return tx < ty || (tx == ty && (oy == Comparison.LE || ox == Comparison.LT));
    }

    private static String variable(Condition c) {
        if (c instanceof Condition.ScaleCompare s) {
            return s.instrument() + "." + s.scale() + ":" + s.basis() + ":" + s.normId();
        }
        if (c instanceof Condition.ItemCompare i) {
            return i.instrument() + "." + i.item();
        }
        return null;
    }

    private static Comparison op(Condition c) {
        return c instanceof Condition.ScaleCompare s ? s.op() : ((Condition.ItemCompare) c).op();
    }

    private static double value(Condition c) {
        return c instanceof Condition.ScaleCompare s ? s.value() : ((Condition.ItemCompare) c).value();
    }
}
