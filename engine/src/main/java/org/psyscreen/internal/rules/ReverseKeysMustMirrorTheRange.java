package org.psyscreen.internal.rules;

import java.util.SortedSet;
import org.psyscreen.definition.InstrumentDefinition;
import org.psyscreen.definition.Item;
import org.psyscreen.diagnostic.ProblemCode;

/**
 * PSY-1220: a reverse-keyed item's (or an item a scale reverses) values are symmetric about the middle of its range, so that
 * {@code min + max - value} is again an allowed value.
 */
final class ReverseKeysMustMirrorTheRange implements DefinitionRule {
    @Override
    public void check(InstrumentDefinition d, Facts facts, Report report) {
        for (int i = 0; i < d.items().size(); i++) {
            Item item = d.items().get(i);
            SortedSet<Integer> raw = facts.rawValues(item.id());
            if (!item.reverse() || raw.isEmpty()) {
                continue;
            }
            int sum = raw.first() + raw.last();
            if (raw.stream().anyMatch(v -> !raw.contains(sum - v))) {
                report.error(
                        ProblemCode.REVERSE_GAPS,
                        "items[" + i + "].reverse",
                        "item '" + item.id() + "' is reverse-keyed but its values " + raw
                                + " are not symmetric, so min + max - value leaves the range",
                        "give the response set evenly spaced values, or declare a separate reversed response set");
            }
        }
        for (int s = 0; s < d.scales().size(); s++) {
            for (String id : d.scales().get(s).reverse()) {
                SortedSet<Integer> raw = facts.rawValues(id);
                if (raw.isEmpty()) {
                    continue; // an unknown item is reported by its own rule
                }
                int sum = raw.first() + raw.last();
                if (raw.stream().anyMatch(v -> !raw.contains(sum - v))) {
                    report.error(
                            ProblemCode.REVERSE_GAPS,
                            "scales[" + s + "].reverse",
                            "scale '" + d.scales().get(s).id() + "' reverses item '" + id + "' but its values " + raw
                                    + " are not symmetric, so min + max - value leaves the range",
                            "give the response set evenly spaced values");
                }
            }
        }
    }
}
