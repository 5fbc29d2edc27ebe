package org.psyscreen.internal.rules;

import java.util.List;
import org.psyscreen.definition.InstrumentDefinition;
import org.psyscreen.diagnostic.ProblemCode;
import org.psyscreen.norm.NormRow;
import org.psyscreen.norm.NormTableDefinition;

/** PSY-1306: T-scores and percentiles never go down as the raw score goes up (a transcription error). */
final class NormValuesMustRiseWithRawScore implements NormRule {
    @Override
    public void check(NormTableDefinition t, InstrumentDefinition instrument, Facts facts, Report report) {
        for (int g = 0; g < t.groups().size(); g++) {
            List<NormRow> rows = t.groups().get(g).rows();
            for (int r = 1; r < rows.size(); r++) {
                String what = rows.get(r).t() < rows.get(r - 1).t()
                        ? "T-score"
                        : rows.get(r).percentile() < rows.get(r - 1).percentile() ? "percentile" : null;
                if (what != null) {
                    report.error(
                            ProblemCode.NORM_NOT_MONOTONE,
                            "groups[" + g + "].rows[" + r + "]",
                            "the " + what + " of row " + r + " is lower than row " + (r - 1) + "'s in group '"
                                    + t.groups().get(g).id() + "'",
                            "check the row against the source table; higher raw scores never have lower standard scores");
                }
            }
        }
    }
}
