package org.psyscreen.internal.rules;

import org.psyscreen.definition.InstrumentDefinition;
import org.psyscreen.diagnostic.ProblemCode;
import org.psyscreen.norm.NormGroup;
import org.psyscreen.norm.NormTableDefinition;

/**
 * PSY-1313 and PSY-1314: a grade band runs forwards within one track (general or vocational); an
 * age band runs forwards within school ages 5..25.
 */
final class NormBandsMustBeOrdered implements NormRule {
    @Override
    public void check(NormTableDefinition t, InstrumentDefinition instrument, Facts facts, Report report) {
        for (int i = 0; i < t.groups().size(); i++) {
            NormGroup g = t.groups().get(i);
            if (g.byGrade()) {
                if (g.gradeFrom().vocational() != g.gradeTo().vocational()) {
                    report.error(
                            ProblemCode.NORM_GRADE_BAND,
                            "groups[" + i + "].grades",
                            "grade band of group '" + g.id() + "' mixes general and vocational grades",
                            "split it into a general and a vocational group");
                } else if (g.gradeFrom().compareTo(g.gradeTo()) > 0) {
                    report.error(
                            ProblemCode.NORM_GRADE_BAND,
                            "groups[" + i + "].grades",
                            "grade band of group '" + g.id() + "' runs backwards",
                            "swap 'from' and 'to'");
                }
            }
            if (g.byAge()) {
                if (g.ageFrom() > g.ageTo()) {
                    report.error(
                            ProblemCode.NORM_AGE_BAND,
                            "groups[" + i + "].ages",
                            "age band of group '" + g.id() + "' runs backwards",
                            "swap 'from' and 'to'");
                } else if (g.ageFrom() < 5 || g.ageTo() > 25) {
                    report.error(
                            ProblemCode.NORM_AGE_BAND,
                            "groups[" + i + "].ages",
                            "age band of group '" + g.id() + "' reaches outside school ages 5..25",
                            "check the ages against the source (whole years)");
                }
            }
        }
    }
}
