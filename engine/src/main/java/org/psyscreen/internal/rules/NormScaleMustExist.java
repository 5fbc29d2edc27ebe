package org.psyscreen.internal.rules;

import org.psyscreen.definition.InstrumentDefinition;
import org.psyscreen.diagnostic.ProblemCode;
import org.psyscreen.internal.tree.Suggest;
import org.psyscreen.norm.NormTableDefinition;

/** PSY-1302: the table normalises a scale the instrument has. */
final class NormScaleMustExist implements NormRule {
    @Override
    public void check(NormTableDefinition t, InstrumentDefinition instrument, Facts facts, Report report) {
        if (!facts.scales.containsKey(t.scale())) {
            report.error(
                    ProblemCode.NORM_UNKNOWN_SCALE,
                    "scale",
                    "instrument " + instrument.key() + " has no scale '" + t.scale() + "'"
                            + Suggest.hint(t.scale(), facts.scales.keySet()),
                    "use one of: " + String.join(", ", facts.scales.keySet()));
        }
    }
}
