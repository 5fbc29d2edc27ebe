package org.psyscreen.internal.rules;

import org.psyscreen.definition.InstrumentDefinition;
import org.psyscreen.definition.Scale;
import org.psyscreen.definition.ValidityCheck;
import org.psyscreen.diagnostic.ProblemCode;
import org.psyscreen.internal.tree.Suggest;

/**
 * PSY-1208: derived scales, lie-scale checks and even-odd checks refer only to declared scales; an
 * even-odd check splits scales of items, so it names no derived scale.
 */
final class ReferencedScalesMustExist implements DefinitionRule {
    @Override
    public void check(InstrumentDefinition d, Facts facts, Report report) {
        for (int s = 0; s < d.scales().size(); s++) {
            Scale scale = d.scales().get(s);
            for (int c = 0; c < scale.of().size(); c++) {
                scale(
                        scale.of().get(c),
                        "scales[" + s + "].of[" + c + "]",
                        "scale '" + scale.id() + "'",
                        facts,
                        report);
            }
        }
        for (int v = 0; v < d.validity().size(); v++) {
            ValidityCheck check = d.validity().get(v);
            if (check.scale() != null) {
                scale(check.scale(), "validity[" + v + "].scale", "validity check '" + check.id() + "'", facts, report);
            }
            for (int k = 0; k < check.scales().size(); k++) {
                String id = check.scales().get(k);
                String path = "validity[" + v + "].scales[" + k + "]";
                scale(id, path, "validity check '" + check.id() + "'", facts, report);
                Scale named = facts.scales.get(id);
                if (named != null && named.derived()) {
                    report.error(
                            ProblemCode.UNKNOWN_SCALE,
                            path,
                            "validity check '" + check.id() + "' splits scale '" + id
                                    + "' into halves, but it is made of scales, not items",
                            "name scales of items");
                }
            }
        }
    }

    private static void scale(String id, String path, String who, Facts facts, Report report) {
        if (!facts.scales.containsKey(id)) {
            report.error(
                    ProblemCode.UNKNOWN_SCALE,
                    path,
                    who + " refers to scale '" + id + "', which is not declared"
                            + Suggest.hint(id, facts.scales.keySet()),
                    "use a scale id declared under 'scales'");
        }
    }
}
