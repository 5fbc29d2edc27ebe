package org.psyscreen.internal.rules;

import java.util.List;
import org.psyscreen.definition.InstrumentDefinition;
import org.psyscreen.diagnostic.ProblemCode;
import org.psyscreen.norm.NormRow;
import org.psyscreen.norm.NormTableDefinition;

/**
 * PSY-1303, PSY-1304 and PSY-1305: each lookup group's rows follow one another without gaps or
 * overlaps and cover exactly the raw scores the scale can take.
 */
final class NormRowsMustTileTheScaleRange implements NormRule {
    @Override
    public void check(NormTableDefinition t, InstrumentDefinition instrument, Facts facts, Report report) {
        double[] range = facts.range(t.scale());
        for (int g = 0; g < t.groups().size(); g++) {
            List<NormRow> rows = t.groups().get(g).rows();
            String p = "groups[" + g + "].rows";
            for (int r = 1; r < rows.size(); r++) {
                int expected = rows.get(r - 1).to() + 1;
                if (rows.get(r).from() > expected) {
                    report.error(
                            ProblemCode.NORM_GAP,
                            p + "[" + r + "]",
                            "raw scores " + expected + ".." + (rows.get(r).from() - 1) + " fall between rows " + (r - 1)
                                    + " and " + r + " of group '"
                                    + t.groups().get(g).id() + "'",
                            "add the missing rows from the source; a score with no row would get no norm");
                } else if (rows.get(r).from() < expected) {
                    report.error(
                            ProblemCode.NORM_OVERLAP,
                            p + "[" + r + "]",
                            "row " + r + " starts at raw " + rows.get(r).from() + ", inside row " + (r - 1)
                                    + " of group '" + t.groups().get(g).id() + "'",
                            "list rows in ascending order without overlap");
                }
            }
            if (range != null && !rows.isEmpty()) {
                int lo = (int) Math.ceil(range[0]);
                int hi = (int) Math.floor(range[1]);
                if (rows.get(0).from() != lo || rows.get(rows.size() - 1).to() != hi) {
                    report.error(
                            ProblemCode.NORM_RANGE_MISMATCH,
                            p,
                            "group '" + t.groups().get(g).id() + "' covers raw "
                                    + rows.get(0).from() + ".."
                                    + rows.get(rows.size() - 1).to() + " but scale '" + t.scale() + "' runs "
                                    + lo + ".." + hi,
                            "make the first row start at " + lo + " and the last end at " + hi);
                }
            }
        }
    }
}
