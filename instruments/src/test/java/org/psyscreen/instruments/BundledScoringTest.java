package org.psyscreen.instruments;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.psyscreen.plan.PlanCompiler;
import org.psyscreen.plan.ScoringPlan;
import org.psyscreen.testing.ScoringProperties;
import org.psyscreen.testing.VectorSuite;

/**
 * Scoring of every bundled instrument: the vectors in {@code <id>/vectors/*.json} (found by
 * convention, so adding an instrument needs no Java) and the safety properties over seeded random
 * forms.
 */
class BundledScoringTest {
    static final long SEED = 20261123L;

    static ScoringPlan plan(String id) {
        return PlanCompiler.compile(
                BundledInstrumentsTest.catalog().find(id).orElseThrow().load().orThrow());
    }

    static Stream<Object[]> vectors() throws Exception {
        List<Object[]> out = new ArrayList<>();
        for (String id : BundledInstrumentsTest.folders().toList()) {
            Path dir = BundledInstrumentsTest.ROOT.resolve(id).resolve("vectors");
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".json"))
                        .sorted()
                        .toList()) {
                    for (VectorSuite.Case c : VectorSuite.read(f)) {
                        out.add(new Object[] {id, c});
                    }
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("vectors")
    void vector(String id, VectorSuite.Case c) {
        VectorSuite.check(plan(id), c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.psyscreen.instruments.BundledInstrumentsTest#folders")
    void agreesWithTheNaiveScorer(String id) {
        ScoringProperties.agreesWithNaiveScorer(plan(id), SEED);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.psyscreen.instruments.BundledInstrumentsTest#folders")
    void blankIsNeverScoredAsZero(String id) {
        ScoringProperties.blankIsNeverScoredAsZero(plan(id), SEED + 1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.psyscreen.instruments.BundledInstrumentsTest#folders")
    void invalidAnswerIsNeverScored(String id) {
        ScoringProperties.invalidAnswerIsNeverScored(plan(id), SEED + 2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.psyscreen.instruments.BundledInstrumentsTest#folders")
    void positiveCriticalAlwaysWins(String id) {
        ScoringProperties.positiveCriticalAlwaysWins(plan(id), SEED + 3);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.psyscreen.instruments.BundledInstrumentsTest#folders")
    void deterministicAcrossThreads(String id) throws Exception {
        ScoringProperties.deterministicAcrossThreads(plan(id), SEED + 4);
    }
}
