package org.psyscreen.internal.rules;

import java.util.HashMap;
import java.util.Map;
import org.psyscreen.definition.InstrumentDefinition;
import org.psyscreen.definition.ResponseSet;
import org.psyscreen.diagnostic.ProblemCode;

/** PSY-1203: a response set does not list the same code twice. */
final class ResponseCodesMustBeDistinct implements DefinitionRule {
    @Override
    public void check(InstrumentDefinition d, Facts facts, Report report) {
        for (int s = 0; s < d.responseSets().size(); s++) {
            ResponseSet set = d.responseSets().get(s);
            Map<String, Integer> seen = new HashMap<>();
            for (int c = 0; c < set.codes().size(); c++) {
                Integer earlier = seen.putIfAbsent(set.codes().get(c).code(), c);
                if (earlier != null) {
                    report.error(
                            ProblemCode.RESPONSE_CODES_NOT_DISTINCT,
                            "responseSets[" + s + "].codes[" + c + "].code",
                            "code '" + set.codes().get(c).code() + "' is already listed at codes[" + earlier + "]",
                            "list each code once; a code maps to exactly one value");
                }
            }
        }
    }
}
