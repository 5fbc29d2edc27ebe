package org.psyscreen.internal.rules;

import java.util.HashMap;
import java.util.Map;
import org.psyscreen.definition.InstrumentDefinition;
import org.psyscreen.diagnostic.ProblemCode;
import org.psyscreen.norm.NormTableDefinition;

/** PSY-1316: group ids are unique, so a result's group id names one cell. */
final class NormGroupIdsMustBeUnique implements NormRule {
    @Override
    public void check(NormTableDefinition t, InstrumentDefinition instrument, Facts facts, Report report) {
        Map<String, Integer> seen = new HashMap<>();
        for (int g = 0; g < t.groups().size(); g++) {
            Integer earlier = seen.putIfAbsent(t.groups().get(g).id(), g);
            if (earlier != null) {
                report.error(
                        ProblemCode.NORM_DUPLICATE_GROUP,
                        "groups[" + g + "].id",
                        "group id '" + t.groups().get(g).id() + "' is already used by groups[" + earlier + "]",
                        "give each group its own id");
            }
        }
    }
}
