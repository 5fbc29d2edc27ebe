package org.psyscreen.internal.rules;

import org.psyscreen.definition.InstrumentDefinition;
import org.psyscreen.diagnostic.ProblemCode;
import org.psyscreen.internal.tree.Suggest;

/** PSY-1202: every item names a declared response set. */
final class ItemsMustUseDeclaredResponseSets implements DefinitionRule {
    @Override
    public void check(InstrumentDefinition d, Facts facts, Report report) {
        for (int i = 0; i < d.items().size(); i++) {
            String set = d.items().get(i).responses();
            if (!facts.sets.containsKey(set)) {
                report.error(
                        ProblemCode.UNKNOWN_RESPONSE_SET,
                        "items[" + i + "].responses",
                        "item '" + d.items().get(i).id() + "' uses response set '" + set + "', which is not declared"
                                + Suggest.hint(set, facts.sets.keySet()),
                        "declare it under 'responseSets' or use one of: " + String.join(", ", facts.sets.keySet()));
            }
        }
    }
}
