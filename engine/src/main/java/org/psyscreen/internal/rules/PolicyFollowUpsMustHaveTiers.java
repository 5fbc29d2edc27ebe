package org.psyscreen.internal.rules;

import java.util.Locale;
import org.psyscreen.diagnostic.ProblemCode;
import org.psyscreen.tier.FollowUp;

/**
 * PSY-1407: every follow-up (incomplete, invalid, not administered, no norm, critical unknown,
 * missing instrument, policy error) maps to a tier, so no unscorable student is left without one.
 */
final class PolicyFollowUpsMustHaveTiers implements PolicyRuleCheck {
    @Override
    public void check(PolicyDraft p, Report report) {
        for (FollowUp f : FollowUp.values()) {
            if (!p.followUps().containsKey(f)) {
                report.error(
                        ProblemCode.POLICY_FOLLOW_UP_MISSING,
                        "followUp",
                        "the policy does not say which tier a student gets" + " when " + key(f) + " applies",
                        "add 'followUp: {" + key(f) + ": <tier id>}'");
            }
        }
    }

    /** The file spelling: camel case of the enum name. */
    static String key(FollowUp f) {
        String[] parts = f.name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder sb = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            sb.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
        }
        return sb.toString();
    }
}
