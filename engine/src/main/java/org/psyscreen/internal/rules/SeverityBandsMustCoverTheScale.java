package org.psyscreen.internal.rules;

import java.util.HashSet;
import java.util.Set;
import org.psyscreen.definition.InstrumentDefinition;
import org.psyscreen.definition.Numbers;
import org.psyscreen.definition.Scale;
import org.psyscreen.definition.SeverityBand;
import org.psyscreen.diagnostic.ProblemCode;

/**
 * PSY-1225: a scale's severity levels cover it: at least two, with distinct ids, rising lower bounds,
 * the first at the scale's lowest score and none beyond its highest, so every score has exactly one
 * level. Their source is checked with the other citations (PSY-1207).
 */
final class SeverityBandsMustCoverTheScale implements DefinitionRule {
    @Override
    public void check(InstrumentDefinition d, Facts facts, Report report) {
        for (int s = 0; s < d.scales().size(); s++) {
            Scale scale = d.scales().get(s);
            if (scale.bands() == null) {
                continue;
            }
            String p = "scales[" + s + "].bands.levels";
            String who = "scale '" + scale.id() + "'";
            var levels = scale.bands().levels();
            if (levels.size() < 2) {
                report.error(
                        ProblemCode.SEVERITY_BANDS,
                        p,
                        who + " has " + levels.size() + " severity level(s)",
                        "give every published level, lowest first: at least two");
                continue;
            }
            Set<String> ids = new HashSet<>();
            for (int k = 0; k < levels.size(); k++) {
                SeverityBand b = levels.get(k);
                if (b.id() != null && !ids.add(b.id())) {
                    report.error(
                            ProblemCode.SEVERITY_BANDS,
                            p + "[" + k + "].id",
                            who + " has two levels '" + b.id() + "'",
                            "give each level its own id");
                }
                if (k > 0
                        && b.from() != null
                        && levels.get(k - 1).from() != null
                        && b.from() <= levels.get(k - 1).from()) {
                    report.error(
                            ProblemCode.SEVERITY_BANDS,
                            p + "[" + k + "].from",
                            "level '" + b.id() + "' of " + who + " starts at " + Numbers.format(b.from())
                                    + ", not above the level before it",
                            "list levels lowest first, each starting above the one before");
                }
            }
            double[] range = facts.range(scale.id());
            if (range == null) {
                continue;
            }
            Double first = levels.get(0).from();
            if (first != null && first != range[0]) {
                report.error(
                        ProblemCode.SEVERITY_BANDS,
                        p + "[0].from",
                        "the first level of " + who + " starts at " + Numbers.format(first)
                                + " but the scale's lowest score is " + Numbers.format(range[0])
                                + ": a score would have no level",
                        "start the first level at " + Numbers.format(range[0]));
            }
            Double last = levels.get(levels.size() - 1).from();
            if (last != null && last > range[1]) {
                report.error(
                        ProblemCode.SEVERITY_BANDS,
                        p + "[" + (levels.size() - 1) + "].from",
                        "level '" + levels.get(levels.size() - 1).id() + "' of " + who + " starts at "
                                + Numbers.format(last) + ", above the scale's highest score "
                                + Numbers.format(range[1]),
                        "check the level's lower bound against the publication");
            }
        }
    }
}
