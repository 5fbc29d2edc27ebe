package org.psyscreen.internal.rules;

import org.psyscreen.diagnostic.ProblemCode;
import org.psyscreen.internal.tree.Suggest;

/** PSY-1415: every rule cites a declared source for its threshold. */
final class PolicySourcesMustNameCitations implements PolicyRuleCheck {
    @Override
    public void check(PolicyDraft p, Report report) {
        for (int r = 0; r < p.rules().size(); r++) {
            String src = p.rules().get(r).source();
            if (src != null && !p.citations().contains(src)) {
                report.error(
                        ProblemCode.POLICY_UNKNOWN_CITATION,
                        "rules[" + r + "].source",
                        "source '" + src + "' is not a declared citation" + Suggest.hint(src, p.citations()),
                        "declare it under 'citations'; every threshold is a cited fact");
            }
        }
    }
}
