package org.psyscreen.internal.rules;

import java.util.SortedSet;
import org.psyscreen.definition.InstrumentDefinition;
import org.psyscreen.definition.Scale;
import org.psyscreen.diagnostic.ProblemCode;

/** PSY-1221 (warning): the items of one scale share a value range, or the sum weighs them unevenly. */
final class ScaleItemsShouldShareARange implements DefinitionRule {
    @Override
    public void check(InstrumentDefinition d, Facts facts, Report report) {
        for (int s = 0; s < d.scales().size(); s++) {
            Scale scale = d.scales().get(s);
            String firstRange = null;
            for (int i = 0; i < scale.items().size(); i++) {
                SortedSet<Integer> v = facts.keyedValues(scale.items().get(i));
                if (v.isEmpty()) {
                    continue;
                }
                String range = v.first() + ".." + v.last();
                if (firstRange == null) {
                    firstRange = range;
                } else if (!firstRange.equals(range)) {
                    report.warning(
                            ProblemCode.MIXED_RANGES,
                            "scales[" + s + "].items[" + i + "]",
                            "scale '" + scale.id() + "' mixes item ranges " + firstRange + " and " + range,
                            "check the response sets; a sum of mixed ranges weighs items unevenly");
                    break;
                }
            }
        }
    }
}
