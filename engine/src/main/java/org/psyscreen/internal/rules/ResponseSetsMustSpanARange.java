package org.psyscreen.internal.rules;

import org.psyscreen.definition.InstrumentDefinition;
import org.psyscreen.definition.ResponseSet;
import org.psyscreen.diagnostic.ProblemCode;

/** PSY-1204: a response set has at least two distinct values, so it has a range to score and reverse. */
final class ResponseSetsMustSpanARange implements DefinitionRule {
    @Override
    public void check(InstrumentDefinition d, Facts facts, Report report) {
        for (int s = 0; s < d.responseSets().size(); s++) {
            ResponseSet set = d.responseSets().get(s);
            if (set.minValue() == set.maxValue()) {
                report.error(
                        ProblemCode.RESPONSE_SET_TOO_SMALL,
                        "responseSets[" + s + "].codes",
                        "response set '" + set.id() + "' has a single value, so every answer scores the same",
                        "give the codes at least two different values (e.g. 0 and 1)");
            }
        }
    }
}
