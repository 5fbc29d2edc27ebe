package org.psyscreen.internal.rules;

import java.util.HashSet;
import java.util.Set;
import org.psyscreen.definition.InstrumentDefinition;
import org.psyscreen.definition.Scale;
import org.psyscreen.diagnostic.ProblemCode;

/**
 * PSY-1223: a scale's {@code reverse} list (an item keyed reversed in this scale only, as EPI keys
 * one item forward on one scale and reversed on another) names items of that scale, once each, that
 * are keyed forward themselves: reversing an already reversed item would silently key it forward.
 */
final class ScaleReversalsMustNameForwardMembers implements DefinitionRule {
    @Override
    public void check(InstrumentDefinition d, Facts facts, Report report) {
        for (int s = 0; s < d.scales().size(); s++) {
            Scale scale = d.scales().get(s);
            Set<String> seen = new HashSet<>();
            for (int r = 0; r < scale.reverse().size(); r++) {
                String id = scale.reverse().get(r);
                String path = "scales[" + s + "].reverse[" + r + "]";
                boolean reversedItem = d.items().stream().anyMatch(i -> i.id().equals(id) && i.reverse());
                if (!scale.items().contains(id) || !seen.add(id)) {
                    report.error(
                            ProblemCode.SCALE_REVERSE_NOT_MEMBER,
                            path,
                            scale.items().contains(id)
                                    ? "scale '" + scale.id() + "' lists '" + id + "' in 'reverse' twice"
                                    : "scale '" + scale.id() + "' reverses '" + id + "', which is not one of its items",
                            "list each reversed item once, and only items in this scale's 'items'");
                } else if (reversedItem) {
                    report.error(
                            ProblemCode.SCALE_REVERSE_NOT_MEMBER,
                            path,
                            "item '" + id + "' is already reverse-keyed (reverse: true); reversing it again in scale '"
                                    + scale.id() + "' would key it forward",
                            "key the item forward (drop reverse: true) and list it in 'reverse' of each scale"
                                    + " that reverses it");
                }
            }
        }
    }
}
