package org.psyscreen.internal.rules;

import java.util.ArrayList;
import java.util.List;
import org.psyscreen.tier.Condition;

/** One semantic check of a policy. */
interface PolicyRuleCheck {
    void check(PolicyDraft p, Report report);

    /** Every leaf condition under {@code c}, in order. */
    static List<Condition> leaves(Condition c) {
        List<Condition> out = new ArrayList<>();
        collect(c, out);
        return out;
    }

    private static void collect(Condition c, List<Condition> out) {
        if (c instanceof Condition.All a) {
            a.parts().forEach(x -> collect(x, out));
        } else if (c instanceof Condition.Any a) {
            a.parts().forEach(x -> collect(x, out));
        } else if (c instanceof Condition.Not n) {
            collect(n.part(), out);
        } else {
            out.add(c);
        }
    }
}
