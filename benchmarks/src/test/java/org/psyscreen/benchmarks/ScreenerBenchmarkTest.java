package org.psyscreen.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.psyscreen.screening.ScreeningResult;
import org.psyscreen.tier.Policies;

/**
 * The screener benchmark gives the library's answer: the same decision as scoring the cohort's forms
 * directly and deciding with the policy (a path that shares no code with the raw-text reading).
 */
class ScreenerBenchmarkTest {
    @ParameterizedTest
    @ValueSource(strings = {"example-a-glad-pc", "example-b-cn-cutoffs"})
    void screenGivesTheDecisionOfScoringAndDecidingDirectly(String policy) {
        ScreenerBenchmark b = new ScreenerBenchmark();
        b.policyId = policy;
        b.setUp();
        Set<String> tiers = new HashSet<>();
        for (int s = 0; s < ScreenerBenchmark.STUDENTS; s++) {
            ScreeningResult r = b.screen();
            var expected = Policies.decide(b.cohort.policy, b.cohort.screening(s));
            assertThat(r.decision().orElseThrow().tier()).as("student %d", s).isEqualTo(expected.tier());
            assertThat(r.decision().orElseThrow().fired()).as("student %d", s).isEqualTo(expected.fired());
            assertThat(r.decision().orElseThrow().followUps()).isEqualTo(expected.followUps());
            if (b.cohort.profile(s).birthDate() == null) { // the cohort's one unreadable birth date
                assertThat(r.problems()).as("student %d", s).singleElement().hasToString("PSY-2106 (birth_date)");
            } else {
                assertThat(r.problems()).as("student %d", s).isEmpty();
            }
            tiers.add(
                    r.decision().orElseThrow().tier() == null
                            ? "none"
                            : r.decision().orElseThrow().tier().id());
        }
        assertThat(tiers).hasSizeGreaterThanOrEqualTo(4);
    }
}
