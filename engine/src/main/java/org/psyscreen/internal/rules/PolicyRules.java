package org.psyscreen.internal.rules;

import java.util.List;
import org.psyscreen.internal.tree.Binder;

/** Runs every policy check and reports through the binder. */
public final class PolicyRules {
    private static final List<PolicyRuleCheck> ALL = List.of(
            new PolicyTiersMustBeThree(),
            new PolicyTiersMustExist(),
            new PolicyCriticalGoesToMostSevere(),
            new PolicyFollowUpsMustHaveTiers(),
            new PolicyRuleIdsMustBeUnique(),
            new PolicyReferencesMustExist(),
            new PolicyThresholdsMustBeReachable(),
            new PolicyUnitsMustMatch(),
            new PolicyNormsMustBeFitForDecisions(),
            new PolicyEffectiveDatesMustRunForwards(),
            new PolicySourcesMustNameCitations(),
            new PolicyAttributesMustBeDeclared(),
            new PolicyRulesMustNotBeShadowed());

    private PolicyRules() {}

    /** Checks a bound policy. */
    public static void check(PolicyDraft draft, Binder binder) {
        Report report = new Report(binder);
        for (PolicyRuleCheck c : ALL) {
            c.check(draft, report);
        }
    }

    /** The file key of a follow-up, e.g. {@code criticalUnknown}. */
    public static String followUpKey(org.psyscreen.tier.FollowUp f) {
        return PolicyFollowUpsMustHaveTiers.key(f);
    }
}
