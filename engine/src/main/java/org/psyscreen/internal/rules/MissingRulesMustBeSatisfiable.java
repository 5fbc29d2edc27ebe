package org.psyscreen.internal.rules;

import org.psyscreen.definition.InstrumentDefinition;
import org.psyscreen.definition.MissingRule;
import org.psyscreen.definition.Scale;
import org.psyscreen.diagnostic.ProblemCode;

/**
 * PSY-1210: a missing-data rule gives exactly one limit, and the limit leaves at least one member
 * answered (otherwise a score could be made from nothing).
 */
final class MissingRulesMustBeSatisfiable implements DefinitionRule {
    @Override
    public void check(InstrumentDefinition d, Facts facts, Report report) {
        for (int s = 0; s < d.scales().size(); s++) {
            Scale scale = d.scales().get(s);
            MissingRule m = scale.missing();
            String path = "scales[" + s + "].missing";
            if ((m.maxMissing() == null) == (m.maxMissingFraction() == null)) {
                report.error(
                        ProblemCode.MISSING_RULE_IMPOSSIBLE,
                        path,
                        "scale '" + scale.id() + "' must give exactly one of 'maxMissing' and 'maxMissingFraction'",
                        "keep one limit, e.g. 'maxMissing: 0' when every member is required");
                continue;
            }
            int members = scale.derived() ? scale.of().size() : scale.items().size();
            int allowed = allowedMissing(m, members);
            if (members > 0 && allowed >= members) {
                report.error(
                        ProblemCode.MISSING_RULE_IMPOSSIBLE,
                        path + (m.maxMissing() != null ? ".maxMissing" : ".maxMissingFraction"),
                        "scale '" + scale.id() + "' allows all " + members + " members to be missing",
                        "allow at most " + (members - 1) + " missing members");
            }
        }
    }

    /** Members allowed missing: the count, or the fraction of members rounded down. */
    static int allowedMissing(MissingRule m, int members) {
        return m.maxMissing() != null ? m.maxMissing() : (int) Math.floor(m.maxMissingFraction() * members + 1e-9);
    }
}
