package org.psyscreen.examples.regionpolicy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.psyscreen.load.InstrumentCatalog;
import org.psyscreen.load.PolicyCatalog;
import org.psyscreen.plan.PlanCompiler;
import org.psyscreen.plan.ScoringPlan;
import org.psyscreen.score.ResponseRow;
import org.psyscreen.tier.CutoffPolicy;
import org.psyscreen.tier.FollowUp;
import org.psyscreen.tier.Policies;
import org.psyscreen.tier.Screening;
import org.psyscreen.tier.TierDecision;

/** The engine finds the Java policy through ServiceLoader and runs it through the same guard. */
class CountingPolicyTest {
    static final InstrumentCatalog INSTRUMENTS =
            InstrumentCatalog.fromClassPath(CountingPolicyTest.class.getClassLoader());
    static final ScoringPlan PHQ9 =
            PlanCompiler.compile(INSTRUMENTS.find("phq9").orElseThrow().load().orThrow());
    static final ScoringPlan GAD7 =
            PlanCompiler.compile(INSTRUMENTS.find("gad7").orElseThrow().load().orThrow());

    static CutoffPolicy discovered() {
        return PolicyCatalog.fromClassPath(
                        CountingPolicyTest.class.getClassLoader(), INSTRUMENTS::resolve, k -> Optional.empty())
                .find("example-c-counting")
                .orElseThrow();
    }

    static TierDecision decide(String[] phq9, String[] gad7) {
        return Policies.decide(
                discovered(),
                Screening.of(
                        Map.of("phq9", PHQ9.score(ResponseRow.of(phq9)), "gad7", GAD7.score(ResponseRow.of(gad7)))));
    }

    @Test
    void isFoundThroughTheServiceLoader() {
        assertThat(discovered()).isInstanceOf(CountingPolicy.class);
    }

    @Test
    void bothMildGivesTier2AndExplainsWhatItRead() {
        TierDecision d = decide(
                new String[] {"1", "1", "1", "1", "1", "0", "0", "0", "0"},
                new String[] {"1", "1", "1", "1", "1", "0", "0"});
        assertThat(d.tier().id()).isEqualTo("high");
        assertThat(d.fired()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("both_mild");
            assertThat(f.readings()).extracting(r -> r.toString()).containsExactly("phq9.total = 5", "gad7.total = 5");
        });
        assertThat(d.policyKey()).isEqualTo("example-c-counting@2026.1.0");
    }

    @Test
    void theEngineStillHandlesCriticalItemsAndUnscorableForms() {
        TierDecision critical = decide(
                new String[] {"0", "0", "0", "0", "0", "0", "0", "0", "2"},
                new String[] {"0", "0", "0", "0", "0", "0", "0"});
        assertThat(critical.tier().id()).isEqualTo("urgent");
        TierDecision incomplete = decide(
                new String[] {"0", "0", "0", "0", "0", "0", "0", "0", "0"},
                new String[] {"0", "0", "0", null, "0", "0", "0"});
        assertThat(incomplete.followUps()).containsExactly(FollowUp.INCOMPLETE);
        assertThat(incomplete.noRiskIdentified()).isFalse();
        TierDecision low = decide(
                new String[] {"0", "0", "0", "0", "0", "0", "0", "0", "0"},
                new String[] {"0", "0", "0", "0", "0", "0", "0"});
        assertThat(low.noRiskIdentified()).isTrue();
    }
}
