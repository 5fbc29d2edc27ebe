package org.psyscreen.internal.rules;

import java.util.Locale;
import org.psyscreen.definition.InstrumentDefinition;
import org.psyscreen.diagnostic.ProblemCode;
import org.psyscreen.norm.NormTableDefinition;

/**
 * PSY-1312: a synthetic table says so in its id and its English and Chinese names and is never
 * marked verified; a real table does not call itself synthetic.
 */
final class SyntheticTablesMustSaySo implements NormRule {
    @Override
    public void check(NormTableDefinition t, InstrumentDefinition instrument, Facts facts, Report report) {
        boolean idSays = t.id().contains("synthetic");
        boolean nameSays = t.name().en().toLowerCase(Locale.ROOT).contains("synthetic")
                && t.name().zh().contains("合成");
        if (t.synthetic()) {
            if (!idSays || !nameSays) {
                report.error(
                        ProblemCode.NORM_SYNTHETIC_LABEL,
                        idSays ? "name" : "id",
                        "synthetic table does not say so in its " + (idSays ? "name" : "id"),
                        "put 'synthetic' in the id and the English name and '合成' in the Chinese name");
            }
            if (t.verified()) {
                report.error(
                        ProblemCode.NORM_SYNTHETIC_LABEL,
                        "verified",
                        "a synthetic table cannot be verified",
                        "set 'verified: false'");
            }
        } else if (idSays) {
            report.error(
                    ProblemCode.NORM_SYNTHETIC_LABEL,
                    "synthetic",
                    "table id says synthetic but 'synthetic' is false",
                    "set 'synthetic: true', or rename a real table");
        }
    }
}
