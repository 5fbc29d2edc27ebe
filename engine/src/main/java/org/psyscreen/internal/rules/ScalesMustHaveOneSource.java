package org.psyscreen.internal.rules;

import org.psyscreen.definition.InstrumentDefinition;
import org.psyscreen.definition.Scale;
import org.psyscreen.diagnostic.ProblemCode;

/** PSY-1206: a scale lists items or component scales, not both and not neither. */
final class ScalesMustHaveOneSource implements DefinitionRule {
    @Override
    public void check(InstrumentDefinition d, Facts facts, Report report) {
        for (int s = 0; s < d.scales().size(); s++) {
            Scale scale = d.scales().get(s);
            if (scale.items().isEmpty() && scale.of().isEmpty()) {
                report.error(
                        ProblemCode.SCALE_SOURCE,
                        "scales[" + s + "]",
                        "scale '" + scale.id() + "' is empty",
                        "list its items under 'items', or its component scales under 'of'");
            } else if (!scale.items().isEmpty() && !scale.of().isEmpty()) {
                report.error(
                        ProblemCode.SCALE_SOURCE,
                        "scales[" + s + "].of",
                        "scale '" + scale.id() + "' lists both items and component scales",
                        "split it: one scale over the items, and a derived scale over the components");
            }
        }
    }
}
