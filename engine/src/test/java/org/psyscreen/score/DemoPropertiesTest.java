package org.psyscreen.score;

import org.junit.jupiter.api.Test;
import org.psyscreen.testing.ScoringProperties;

/** Properties over the synthetic demo, which has every feature (lie scale, pairs, runs, proration). */
class DemoPropertiesTest {
    static final long SEED = 20261123L;

    @Test
    void agreesWithNaiveScorer() {
        ScoringProperties.agreesWithNaiveScorer(DemoVectorsTest.PLAN, SEED);
    }

    @Test
    void blankIsNeverScoredAsZero() {
        ScoringProperties.blankIsNeverScoredAsZero(DemoVectorsTest.PLAN, SEED + 1);
    }

    @Test
    void invalidAnswerIsNeverScored() {
        ScoringProperties.invalidAnswerIsNeverScored(DemoVectorsTest.PLAN, SEED + 2);
    }

    @Test
    void positiveCriticalAlwaysWins() {
        ScoringProperties.positiveCriticalAlwaysWins(DemoVectorsTest.PLAN, SEED + 3);
    }

    @Test
    void deterministicAcrossThreads() throws Exception {
        ScoringProperties.deterministicAcrossThreads(DemoVectorsTest.PLAN, SEED + 4);
    }
}
