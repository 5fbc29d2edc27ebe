package org.psyscreen.internal.rules;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.psyscreen.definition.InstrumentDefinition;
import org.psyscreen.definition.Scale;
import org.psyscreen.diagnostic.ProblemCode;

/** PSY-1207: a scale counts each item or component once. */
final class ScalesMustNotRepeatMembers implements DefinitionRule {
    @Override
    public void check(InstrumentDefinition d, Facts facts, Report report) {
        for (int s = 0; s < d.scales().size(); s++) {
            Scale scale = d.scales().get(s);
            repeats(scale.items(), "scales[" + s + "].items", scale.id(), report);
            repeats(scale.of(), "scales[" + s + "].of", scale.id(), report);
        }
    }

    private static void repeats(List<String> members, String path, String scale, Report report) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < members.size(); i++) {
            if (!seen.add(members.get(i))) {
                report.error(
                        ProblemCode.SCALE_REPEATS_MEMBER,
                        path + "[" + i + "]",
                        "scale '" + scale + "' lists '" + members.get(i) + "' more than once",
                        "list each member once; a repeated member would be counted twice");
            }
        }
    }
}
