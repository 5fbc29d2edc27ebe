package org.psyscreen.internal.rules;

import org.psyscreen.definition.InstrumentDefinition;
import org.psyscreen.diagnostic.ProblemCode;

/** PSY-1222: an inconsistency pair compares two different items. */
final class PairsMustCompareTwoItems implements DefinitionRule {
    @Override
    public void check(InstrumentDefinition d, Facts facts, Report report) {
        for (int v = 0; v < d.validity().size(); v++) {
            var pairs = d.validity().get(v).pairs();
            for (int p = 0; p < pairs.size(); p++) {
                if (pairs.get(p).first().equals(pairs.get(p).second())) {
                    report.error(
                            ProblemCode.PAIR_SELF,
                            "validity[" + v + "].pairs[" + p + "]",
                            "pair compares item '" + pairs.get(p).first() + "' with itself",
                            "pair two different items that a consistent respondent answers alike");
                }
            }
        }
    }
}
