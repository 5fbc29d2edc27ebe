package org.psyscreen.internal.rules;

import org.psyscreen.definition.InstrumentDefinition;
import org.psyscreen.diagnostic.ProblemCode;
import org.psyscreen.norm.NormGroup;
import org.psyscreen.norm.NormTableDefinition;

/**
 * PSY-1310: no student can belong to two groups. Groups overlap when they overlap on sex, grade and
 * age at once (a group that does not restrict a dimension overlaps every group on it).
 */
final class NormGroupsMustNotOverlap implements NormRule {
    @Override
    public void check(NormTableDefinition t, InstrumentDefinition instrument, Facts facts, Report report) {
        for (int i = 0; i < t.groups().size(); i++) {
            for (int j = 0; j < i; j++) {
                NormGroup a = t.groups().get(j);
                NormGroup b = t.groups().get(i);
                if (sexOverlaps(a, b) && gradesOverlap(a, b) && agesOverlap(a, b)) {
                    report.error(
                            ProblemCode.NORM_GROUPS_OVERLAP,
                            "groups[" + i + "]",
                            "group '" + b.id() + "' (" + b.describe() + ") overlaps group '" + a.id() + "' ("
                                    + a.describe() + ")",
                            "make the groups disjoint so every student belongs to exactly one cell");
                }
            }
        }
    }

    private static boolean sexOverlaps(NormGroup a, NormGroup b) {
        return a.sex() == null || b.sex() == null || a.sex() == b.sex();
    }

    private static boolean gradesOverlap(NormGroup a, NormGroup b) {
        if (!a.byGrade() || !b.byGrade()) {
            return true;
        }
        return a.gradeFrom().vocational() == b.gradeFrom().vocational()
                && a.gradeFrom().compareTo(b.gradeTo()) <= 0
                && b.gradeFrom().compareTo(a.gradeTo()) <= 0;
    }

    private static boolean agesOverlap(NormGroup a, NormGroup b) {
        if (!a.byAge() || !b.byAge()) {
            return true;
        }
        return a.ageFrom() <= b.ageTo() && b.ageFrom() <= a.ageTo();
    }
}
