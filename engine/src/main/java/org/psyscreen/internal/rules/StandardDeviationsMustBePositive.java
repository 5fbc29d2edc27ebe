package org.psyscreen.internal.rules;

import org.psyscreen.definition.InstrumentDefinition;
import org.psyscreen.diagnostic.ProblemCode;
import org.psyscreen.norm.NormTableDefinition;

/** PSY-1309: a parametric group's SD is above zero (z would divide by zero or flip sign). */
final class StandardDeviationsMustBePositive implements NormRule {
    @Override
    public void check(NormTableDefinition t, InstrumentDefinition instrument, Facts facts, Report report) {
        for (int i = 0; i < t.groups().size(); i++) {
            Double sd = t.groups().get(i).sd();
            if (sd != null && !(sd > 0)) {
                report.error(
                        ProblemCode.NORM_SD,
                        "groups[" + i + "].sd",
                        "standard deviation must be above 0",
                        "copy the SD from the source; an SD of 0 or less cannot be right");
            }
        }
    }
}
