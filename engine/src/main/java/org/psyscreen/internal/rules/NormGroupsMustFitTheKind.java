package org.psyscreen.internal.rules;

import org.psyscreen.definition.InstrumentDefinition;
import org.psyscreen.diagnostic.ProblemCode;
import org.psyscreen.norm.NormGroup;
import org.psyscreen.norm.NormKind;
import org.psyscreen.norm.NormTableDefinition;

/**
 * PSY-1311 and PSY-1308: a lookup group has rows and no mean/SD; a parametric group has mean and SD
 * and no rows; no group is empty.
 */
final class NormGroupsMustFitTheKind implements NormRule {
    @Override
    public void check(NormTableDefinition t, InstrumentDefinition instrument, Facts facts, Report report) {
        if (t.groups().isEmpty()) {
            report.error(
                    ProblemCode.NORM_EMPTY_GROUP, "groups", "the table declares no group", "add at least one group");
        }
        for (int i = 0; i < t.groups().size(); i++) {
            NormGroup g = t.groups().get(i);
            String p = "groups[" + i + "]";
            if (t.kind() == NormKind.LOOKUP) {
                if (g.mean() != null || g.sd() != null) {
                    report.error(
                            ProblemCode.NORM_KIND_FIELDS,
                            p,
                            "lookup group '" + g.id() + "' gives a mean or SD",
                            "remove 'mean' and 'sd', or make the table 'kind: parametric'");
                }
                if (g.rows().isEmpty()) {
                    report.error(
                            ProblemCode.NORM_EMPTY_GROUP,
                            p,
                            "lookup group '" + g.id() + "' has no rows",
                            "add the rows as printed in the source, or remove the group");
                }
            } else {
                if (!g.rows().isEmpty()) {
                    report.error(
                            ProblemCode.NORM_KIND_FIELDS,
                            p + ".rows",
                            "parametric group '" + g.id() + "' gives rows",
                            "remove 'rows', or make the table 'kind: lookup'");
                }
                if (g.mean() == null || g.sd() == null) {
                    report.error(
                            ProblemCode.NORM_EMPTY_GROUP,
                            p,
                            "parametric group '" + g.id() + "' needs 'mean' and 'sd'",
                            "give the group's mean and standard deviation from the source");
                }
            }
        }
    }
}
