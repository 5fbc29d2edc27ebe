package org.psyscreen.internal.rules;

import org.psyscreen.definition.InstrumentDefinition;
import org.psyscreen.definition.MissingRule;
import org.psyscreen.diagnostic.ProblemCode;

/** PSY-1211: proration states its rounding rule, and a rounding rule comes only with proration. */
final class ProrationNeedsRounding implements DefinitionRule {
    @Override
    public void check(InstrumentDefinition d, Facts facts, Report report) {
        for (int s = 0; s < d.scales().size(); s++) {
            MissingRule m = d.scales().get(s).missing();
            String path = "scales[" + s + "].missing";
            if (m.prorate() && m.rounding() == null) {
                report.error(
                        ProblemCode.PRORATION_ROUNDING,
                        path + ".prorate",
                        "scale '" + d.scales().get(s).id() + "' prorates but does not say how to round",
                        "add 'rounding: half-up' (or 'none' to keep the exact fraction), as the source states");
            } else if (!m.prorate() && m.rounding() != null) {
                report.error(
                        ProblemCode.PRORATION_ROUNDING,
                        path + ".rounding",
                        "scale '" + d.scales().get(s).id() + "' gives a rounding rule but does not prorate",
                        "remove 'rounding', or add 'prorate: true'");
            }
        }
    }
}
