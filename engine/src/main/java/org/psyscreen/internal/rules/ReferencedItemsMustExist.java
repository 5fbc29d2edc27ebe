package org.psyscreen.internal.rules;

import org.psyscreen.definition.InstrumentDefinition;
import org.psyscreen.definition.Scale;
import org.psyscreen.definition.ValidityCheck;
import org.psyscreen.diagnostic.ProblemCode;
import org.psyscreen.internal.tree.Suggest;

/** PSY-1205: scales, critical items and validity checks refer only to declared items. */
final class ReferencedItemsMustExist implements DefinitionRule {
    @Override
    public void check(InstrumentDefinition d, Facts facts, Report report) {
        for (int s = 0; s < d.scales().size(); s++) {
            Scale scale = d.scales().get(s);
            for (int i = 0; i < scale.items().size(); i++) {
                item(
                        scale.items().get(i),
                        "scales[" + s + "].items[" + i + "]",
                        "scale '" + scale.id() + "'",
                        facts,
                        report);
            }
        }
        for (int c = 0; c < d.critical().size(); c++) {
            item(
                    d.critical().get(c).item(),
                    "critical[" + c + "].item",
                    "critical item '" + d.critical().get(c).id() + "'",
                    facts,
                    report);
        }
        for (int v = 0; v < d.validity().size(); v++) {
            ValidityCheck check = d.validity().get(v);
            String who = "validity check '" + check.id() + "'";
            for (int i = 0; i < check.items().size(); i++) {
                item(check.items().get(i), "validity[" + v + "].items[" + i + "]", who, facts, report);
            }
            for (int p = 0; p < check.pairs().size(); p++) {
                item(check.pairs().get(p).first(), "validity[" + v + "].pairs[" + p + "][0]", who, facts, report);
                item(check.pairs().get(p).second(), "validity[" + v + "].pairs[" + p + "][1]", who, facts, report);
            }
        }
    }

    private static void item(String id, String path, String who, Facts facts, Report report) {
        if (!facts.items.containsKey(id)) {
            report.error(
                    ProblemCode.UNKNOWN_ITEM,
                    path,
                    who + " refers to item '" + id + "', which is not declared"
                            + Suggest.hint(id, facts.items.keySet()),
                    "use an item id declared under 'items'");
        }
    }
}
