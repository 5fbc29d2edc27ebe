package org.psyscreen.internal.rules;

import org.psyscreen.definition.InstrumentDefinition;
import org.psyscreen.definition.ValidityCheck;
import org.psyscreen.diagnostic.ProblemCode;

/** PSY-1215: a validity check has the fields its kind uses, and none that it would ignore. */
final class ValidityFieldsMustMatchKind implements DefinitionRule {
    @Override
    public void check(InstrumentDefinition d, Facts facts, Report report) {
        for (int v = 0; v < d.validity().size(); v++) {
            ValidityCheck c = d.validity().get(v);
            String p = "validity[" + v + "]";
            String who = "validity check '" + c.id() + "'";
            switch (c.kind()) {
                case LIE_SCALE -> {
                    need(
                            c.scale() != null,
                            p + ".scale",
                            who + " (lie-scale) needs 'scale'",
                            "name the lie scale",
                            report);
                    none(
                            c.pairs().isEmpty()
                                    && c.maxDifference() == null
                                    && c.items().isEmpty(),
                            p,
                            who,
                            "lie-scale",
                            "remove 'pairs', 'maxDifference' and 'items'",
                            report);
                }
                case INCONSISTENT_PAIRS -> {
                    need(
                            !c.pairs().isEmpty(),
                            p + ".pairs",
                            who + " (inconsistent-pairs) needs 'pairs'",
                            "list the pairs as [[q1, q5], ...]",
                            report);
                    need(
                            c.maxDifference() != null,
                            p + ".maxDifference",
                            who + " (inconsistent-pairs) needs 'maxDifference'",
                            "say how far apart two consistent answers may be",
                            report);
                    none(
                            c.scale() == null && c.items().isEmpty(),
                            p,
                            who,
                            "inconsistent-pairs",
                            "remove 'scale' and 'items'",
                            report);
                }
                case LONGEST_RUN ->
                    none(
                            c.scale() == null && c.pairs().isEmpty() && c.maxDifference() == null,
                            p,
                            who,
                            "longest-run",
                            "remove 'scale', 'pairs' and 'maxDifference'",
                            report);
            }
        }
    }

    private static void need(boolean ok, String path, String message, String fix, Report report) {
        if (!ok) {
            report.error(ProblemCode.VALIDITY_FIELDS, path, message, fix);
        }
    }

    private static void none(boolean ok, String path, String who, String kind, String fix, Report report) {
        if (!ok) {
            report.error(
                    ProblemCode.VALIDITY_FIELDS, path, who + " has fields that a " + kind + " check does not use", fix);
        }
    }
}
