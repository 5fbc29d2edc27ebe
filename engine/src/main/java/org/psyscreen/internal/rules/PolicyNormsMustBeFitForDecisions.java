package org.psyscreen.internal.rules;

import org.psyscreen.diagnostic.ProblemCode;
import org.psyscreen.tier.Condition;

/**
 * PSY-1412: a norm table a rule reads is known, is for the same instrument and scale, is never
 * synthetic, and is verified — or the policy says it accepts unverified tables, and then it warns.
 */
final class PolicyNormsMustBeFitForDecisions implements PolicyRuleCheck {
    @Override
    public void check(PolicyDraft p, Report report) {
        for (var rule : p.rules()) {
            for (Condition c : PolicyRuleCheck.leaves(rule.when())) {
                if (!(c instanceof Condition.ScaleCompare s) || s.normId() == null) {
                    continue;
                }
                String path = p.conditionPaths().get(c);
                var table = p.norms().get(s.normId());
                if (table == null) {
                    report.error(
                            ProblemCode.POLICY_NORM,
                            path,
                            "norm table '" + s.normId() + "' is not listed under 'norms' or not known",
                            "list it under 'norms' with its version");
                    continue;
                }
                var d = table.definition();
                if (!d.instrumentId().equals(s.instrument()) || !d.scale().equals(s.scale())) {
                    report.error(
                            ProblemCode.POLICY_NORM,
                            path,
                            "norm table '" + s.normId() + "' is for " + d.instrumentId() + "." + d.scale() + ", not "
                                    + s.instrument() + "." + s.scale(),
                            "use a table for this scale");
                } else if (d.synthetic() && p.synthetic()) {
                    continue; // synthetic in, synthetic out: a test or demo policy
                } else if (d.synthetic()) {
                    report.error(
                            ProblemCode.POLICY_NORM,
                            path,
                            "norm table '" + s.normId() + "' is synthetic",
                            "synthetic tables are for demos and tests, never for decisions");
                } else if (!d.verified() && !p.allowUnverifiedNorms()) {
                    report.error(
                            ProblemCode.POLICY_NORM,
                            path,
                            "norm table '" + s.normId() + "' is not verified against its publication",
                            "verify the table, or set 'allowUnverifiedNorms: true' and say why in the policy's SOURCES");
                } else if (!d.verified()) {
                    report.warning(
                            ProblemCode.POLICY_NORM,
                            path,
                            "decisions read the unverified norm table '" + s.normId() + "'",
                            "verify the table before the policy is used for real students");
                }
            }
        }
    }
}
