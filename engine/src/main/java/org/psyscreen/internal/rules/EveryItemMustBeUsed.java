package org.psyscreen.internal.rules;

import java.util.HashSet;
import java.util.Set;
import org.psyscreen.definition.InstrumentDefinition;
import org.psyscreen.diagnostic.ProblemCode;

/**
 * PSY-1218: every item is read by a scale, a critical item or a validity check. An unused item is
 * usually a subscale key with an item left out.
 */
final class EveryItemMustBeUsed implements DefinitionRule {
    @Override
    public void check(InstrumentDefinition d, Facts facts, Report report) {
        Set<String> used = new HashSet<>();
        d.scales().forEach(s -> used.addAll(s.items()));
        d.critical().forEach(c -> used.add(c.item()));
        d.validity().forEach(v -> {
            used.addAll(v.items());
            v.pairs().forEach(p -> {
                used.add(p.first());
                used.add(p.second());
            });
            if (v.kind() == org.psyscreen.definition.ValidityKind.LONGEST_RUN
                    && v.items().isEmpty()) {
                d.items().forEach(i -> used.add(i.id()));
            }
        });
        for (int i = 0; i < d.items().size(); i++) {
            if (!used.contains(d.items().get(i).id())) {
                report.error(
                        ProblemCode.UNUSED_ITEM,
                        "items[" + i + "]",
                        "item '" + d.items().get(i).id() + "' is used by no scale, critical item or validity check",
                        "add it to the scale it belongs to, or remove it");
            }
        }
    }
}
