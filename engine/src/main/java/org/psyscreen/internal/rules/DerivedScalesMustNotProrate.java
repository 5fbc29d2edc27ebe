package org.psyscreen.internal.rules;

import org.psyscreen.definition.InstrumentDefinition;
import org.psyscreen.diagnostic.ProblemCode;

/** PSY-1219: a derived scale does not prorate; its components carry their own missing-data rules. */
final class DerivedScalesMustNotProrate implements DefinitionRule {
    @Override
    public void check(InstrumentDefinition d, Facts facts, Report report) {
        for (int s = 0; s < d.scales().size(); s++) {
            if (d.scales().get(s).derived() && d.scales().get(s).missing().prorate()) {
                report.error(
                        ProblemCode.DERIVED_PRORATION,
                        "scales[" + s + "].missing.prorate",
                        "derived scale '" + d.scales().get(s).id() + "' cannot prorate missing components",
                        "set 'prorate: false'; prorate the component scales instead");
            }
        }
    }
}
