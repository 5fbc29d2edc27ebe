package org.psyscreen.internal.rules;

import java.util.SortedSet;
import org.psyscreen.definition.CriticalItem;
import org.psyscreen.definition.InstrumentDefinition;
import org.psyscreen.diagnostic.ProblemCode;

/** PSY-1213: a critical item is not positive for every answer (that would flag every student). */
final class CriticalConditionsMustNotAlwaysFire implements DefinitionRule {
    @Override
    public void check(InstrumentDefinition d, Facts facts, Report report) {
        for (int c = 0; c < d.critical().size(); c++) {
            CriticalItem ci = d.critical().get(c);
            SortedSet<Integer> values = CriticalConditionsMustBeReachable.values(ci, facts);
            if (!values.isEmpty() && values.stream().allMatch(v -> ci.when().test(v))) {
                report.error(
                        ProblemCode.CRITICAL_ALWAYS,
                        "critical[" + c + "].when",
                        "critical item '" + ci.id() + "' is positive for every value of item '" + ci.item() + "' "
                                + values,
                        "raise the threshold so that the lowest answer is negative");
            }
        }
    }
}
