package org.psyscreen.score;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.psyscreen.explain.ScoringExplanation;
import org.psyscreen.testing.Golden;
import org.psyscreen.testing.VectorSuite;

class ExplanationTest {
    @Test
    void explainsEveryStepOfAProratedFormWithAPositiveCriticalItem() {
        String[] row = {"1", "2", null, "1", "9", "x", "0", "0", "0", "2"};
        ScoringExplanation e = ScoringExplanation.explain(DemoVectorsTest.PLAN, ResponseRow.of(row));
        Golden.assertMatches(Path.of("src/test/resources/vectors/demo.explain.txt"), e.text());
        assertThat(e.result()).isEqualTo(DemoVectorsTest.PLAN.score(ResponseRow.of(row)));
    }

    @Test
    void theResultNeverPrintsAnswersOrScores() {
        var c = VectorSuite.read(Path.of("src/test/resources/vectors/demo.json"))
                .get(0);
        ScoredResponse r =
                DemoVectorsTest.PLAN.score(ResponseRow.of(VectorSuite.answers(DemoVectorsTest.PLAN, c.test())));
        assertThat(r.toString()).isEqualTo("ScoredResponse[demo@1.0.0, SCORED]");
    }
}
