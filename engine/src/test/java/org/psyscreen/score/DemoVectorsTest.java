package org.psyscreen.score;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.psyscreen.plan.ScoringPlan;
import org.psyscreen.testing.Demo;
import org.psyscreen.testing.VectorSuite;

/** The hand-worked vectors of the synthetic demo: lie scale, inconsistency pairs, runs, proration. */
class DemoVectorsTest {
    static final ScoringPlan PLAN = Demo.PLAN;

    static List<VectorSuite.Case> cases() {
        return VectorSuite.read(Path.of("src/test/resources/vectors/demo.json"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void vector(VectorSuite.Case c) {
        VectorSuite.check(PLAN, c);
    }
}
