package org.psyscreen.tier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.psyscreen.testing.DemoPolicy;

/** Issue 26: one word for every outcome, never blank, and never "none" for what was not decided. */
class OutcomeIdTest {
    private static TierDecision decision(Tier tier, List<FollowUp> followUps, List<String> unevaluated) {
        return new TierDecision(tier, followUps, List.of(), unevaluated, "p@1.0.0", "", List.of(), "test");
    }

    @Test
    void theOutcomeIsTheTierNoneOrUnevaluated() {
        Tier first = DemoPolicy.POLICY.tiers().get(0);
        TierDecision tiered = decision(first, List.of(FollowUp.INCOMPLETE), List.of());
        assertThat(tiered.outcomeId()).isEqualTo(first.id());
        assertThat(tiered.outcomeLabel()).isEqualTo(first.label());

        TierDecision none = decision(null, List.of(), List.of());
        assertThat(none.noRiskIdentified()).isTrue();
        assertThat(none.outcomeId()).isEqualTo("none").isEqualTo(TierDecision.NO_RISK_ID);
        assertThat(none.outcomeLabel().en()).isEqualTo("no risk identified");
        assertThat(none.outcomeLabel().zh()).isEqualTo("未发现风险");

        TierDecision open = decision(null, List.of(), List.of("rule_on_an_attribute"));
        assertThat(open.noRiskIdentified()).isFalse();
        assertThat(open.outcomeId()).isEqualTo("unevaluated").isEqualTo(TierDecision.UNDETERMINED_ID);
        assertThat(open.outcomeLabel()).isEqualTo(TierDecision.UNDETERMINED_LABEL);
    }
}
