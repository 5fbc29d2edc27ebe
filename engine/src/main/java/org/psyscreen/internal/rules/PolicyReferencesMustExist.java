package org.psyscreen.internal.rules;

import org.psyscreen.definition.InstrumentDefinition;
import org.psyscreen.diagnostic.ProblemCode;
import org.psyscreen.internal.tree.Suggest;
import org.psyscreen.tier.Condition;

/**
 * PSY-1403 and PSY-1402: conditions name instruments the policy lists, and scales, items and
 * critical items those instruments have.
 */
final class PolicyReferencesMustExist implements PolicyRuleCheck {
    @Override
    public void check(PolicyDraft p, Report report) {
        for (var rule : p.rules()) {
            for (Condition c : PolicyRuleCheck.leaves(rule.when())) {
                String path = p.conditionPaths().get(c);
                String inst;
                String ref;
                java.util.Collection<String> known;
                if (c instanceof Condition.ScaleCompare s) {
                    inst = s.instrument();
                    ref = s.scale();
                    known = def(p, inst) == null
                            ? null
                            : def(p, inst).scales().stream().map(x -> x.id()).toList();
                } else if (c instanceof Condition.ItemCompare i) {
                    inst = i.instrument();
                    ref = i.item();
                    known = def(p, inst) == null
                            ? null
                            : def(p, inst).items().stream().map(x -> x.id()).toList();
                } else if (c instanceof Condition.CriticalIs k) {
                    inst = k.instrument();
                    ref = k.critical();
                    known = def(p, inst) == null
                            ? null
                            : def(p, inst).critical().stream().map(x -> x.id()).toList();
                } else if (c instanceof Condition.StatusIs st) {
                    inst = st.instrument();
                    ref = null;
                    known = null;
                } else {
                    continue;
                }
                if (!p.instruments().containsKey(inst)) {
                    report.error(
                            ProblemCode.POLICY_INSTRUMENT_NOT_LISTED,
                            path,
                            "instrument '" + inst + "' is not listed under 'instruments' (or could not be resolved)",
                            "list it under 'instruments' with its version, or fix the reference");
                } else if (ref != null && !known.contains(ref)) {
                    report.error(
                            ProblemCode.POLICY_UNKNOWN_REFERENCE,
                            path,
                            inst + " has no '" + ref + "'" + Suggest.hint(ref, known),
                            "use one of: " + String.join(", ", known));
                }
            }
        }
    }

    private static InstrumentDefinition def(PolicyDraft p, String id) {
        return p.instruments().get(id);
    }
}
