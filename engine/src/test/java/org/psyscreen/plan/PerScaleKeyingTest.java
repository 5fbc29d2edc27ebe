package org.psyscreen.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.psyscreen.load.DefinitionLoader;
import org.psyscreen.score.ResponseRow;
import org.psyscreen.score.ScoredResponse;
import org.psyscreen.testing.EngineFiles;
import org.psyscreen.testing.ScoringProperties;

/** One item keyed forward on one scale and reversed on another (issue 13; the EPI case). */
class PerScaleKeyingTest {
    static final ScoringPlan PLAN = PlanCompiler.compile(
            DefinitionLoader.load(EngineFiles.path("src/test/resources/definitions/good/two-keys.yaml"))
                    .orThrow());

    @Test
    void anItemCountsForwardOnOneScaleAndReversedOnAnother() {
        // Hand-worked: a=1, b=3, c=2. up = a + b = 4; down = (0 + 3 - b) + c = 0 + 2 = 2.
        ScoredResponse r = PLAN.score(ResponseRow.of("1", "3", "2"));
        assertThat(r.scale("up").value()).isEqualTo(4.0);
        assertThat(r.scale("down").value()).isEqualTo(2.0);
        assertThat(PLAN.describe()).contains("reversed in this scale only: b");
    }

    @Test
    void agreesWithTheNaiveScorer() {
        ScoringProperties.agreesWithNaiveScorer(PLAN, 20261125L);
    }
}
