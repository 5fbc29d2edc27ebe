package org.psyscreen.internal.rules;

import org.psyscreen.definition.InstrumentDefinition;
import org.psyscreen.definition.Scale;
import org.psyscreen.diagnostic.ProblemCode;
import org.psyscreen.internal.tree.Suggest;

/** PSY-1217: every {@code source} names a declared citation: scoring keys and thresholds are cited facts. */
final class SourcesMustNameCitations implements DefinitionRule {
    @Override
    public void check(InstrumentDefinition d, Facts facts, Report report) {
        for (int s = 0; s < d.scales().size(); s++) {
            Scale scale = d.scales().get(s);
            cite(scale.source(), "scales[" + s + "].source", facts, report);
            cite(scale.missing().source(), "scales[" + s + "].missing.source", facts, report);
            if (scale.bands() != null) {
                cite(scale.bands().source(), "scales[" + s + "].bands.source", facts, report);
            }
            if (scale.reliability() != null) {
                cite(scale.reliability().source(), "scales[" + s + "].reliability.source", facts, report);
            }
        }
        for (int c = 0; c < d.critical().size(); c++) {
            cite(d.critical().get(c).source(), "critical[" + c + "].source", facts, report);
        }
        for (int v = 0; v < d.validity().size(); v++) {
            cite(d.validity().get(v).source(), "validity[" + v + "].source", facts, report);
        }
    }

    private static void cite(String id, String path, Facts facts, Report report) {
        if (id != null && !facts.citations.containsKey(id)) {
            report.error(
                    ProblemCode.UNKNOWN_CITATION,
                    path,
                    "source '" + id + "' is not a declared citation" + Suggest.hint(id, facts.citations.keySet()),
                    "add it under 'citations' or use one of: " + String.join(", ", facts.citations.keySet()));
        }
    }
}
