package org.psyscreen.internal.rules;

import java.util.SortedSet;
import org.psyscreen.definition.CriticalItem;
import org.psyscreen.definition.InstrumentDefinition;
import org.psyscreen.definition.ValueBasis;
import org.psyscreen.diagnostic.ProblemCode;

/**
 * PSY-1212: some allowed answer makes each critical item positive. An unreachable critical rule is
 * the worst silent failure: the self-harm item would never fire.
 */
final class CriticalConditionsMustBeReachable implements DefinitionRule {
    @Override
    public void check(InstrumentDefinition d, Facts facts, Report report) {
        for (int c = 0; c < d.critical().size(); c++) {
            CriticalItem ci = d.critical().get(c);
            SortedSet<Integer> values = values(ci, facts);
            if (!values.isEmpty() && values.stream().noneMatch(v -> ci.when().test(v))) {
                report.error(
                        ProblemCode.CRITICAL_UNREACHABLE,
                        "critical[" + c + "].when",
                        "critical item '" + ci.id() + "' can never be positive: no "
                                + ci.on().name().toLowerCase(java.util.Locale.ROOT) + " value of item '" + ci.item()
                                + "' " + values + " is " + ci.when(),
                        "set the threshold inside the item's values " + values);
            }
        }
    }

    static SortedSet<Integer> values(CriticalItem ci, Facts facts) {
        return ci.on() == ValueBasis.RAW ? facts.rawValues(ci.item()) : facts.keyedValues(ci.item());
    }
}
