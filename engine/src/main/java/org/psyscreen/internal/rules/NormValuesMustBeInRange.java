package org.psyscreen.internal.rules;

import org.psyscreen.definition.InstrumentDefinition;
import org.psyscreen.diagnostic.ProblemCode;
import org.psyscreen.norm.NormRow;
import org.psyscreen.norm.NormTableDefinition;

/** PSY-1307: percentiles lie in 0..100 and T-scores in 0..100. */
final class NormValuesMustBeInRange implements NormRule {
    @Override
    public void check(NormTableDefinition t, InstrumentDefinition instrument, Facts facts, Report report) {
        for (int g = 0; g < t.groups().size(); g++) {
            for (int r = 0; r < t.groups().get(g).rows().size(); r++) {
                NormRow row = t.groups().get(g).rows().get(r);
                if (!(row.percentile() >= 0 && row.percentile() <= 100)) {
                    report.error(
                            ProblemCode.NORM_VALUE_RANGE,
                            "groups[" + g + "].rows[" + r + "].percentile",
                            "percentile must be between 0 and 100",
                            "check the row against the source table");
                }
                if (!(row.t() >= 0 && row.t() <= 100)) {
                    report.error(
                            ProblemCode.NORM_VALUE_RANGE,
                            "groups[" + g + "].rows[" + r + "].t",
                            "T-score must be between 0 and 100",
                            "check the row against the source table");
                }
            }
        }
    }
}
