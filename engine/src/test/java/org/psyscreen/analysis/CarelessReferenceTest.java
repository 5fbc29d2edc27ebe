package org.psyscreen.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.psyscreen.load.DefinitionLoader;
import org.psyscreen.plan.PlanCompiler;
import org.psyscreen.plan.ScoringPlan;
import org.psyscreen.score.FormStatus;
import org.psyscreen.score.ResponseRow;
import org.psyscreen.score.ScoredResponse;
import org.psyscreen.score.StatusReason;

/**
 * The careless-responding indices against R on real data: psychTools' bfi (2,800 respondents, 25
 * items, 364 with a missing answer). Every number expected here was computed by
 * {@code examples/careless/reference.R} (R 4.2.2, base R and stats; the formulas of the careless
 * package's reference manual), which also wrote the definition {@code bfi-careless.yaml} with the
 * sample's mean and covariance. Tolerance: 1e-9, absolute.
 */
class CarelessReferenceTest {
    static final Path DIR = org.psyscreen.testing.EngineFiles.path("../examples/careless");
    static final double TOLERANCE = 1e-9;

    static List<String[]> answers;
    static List<double[]> expected;
    static ScoringPlan plan;

    @BeforeAll
    static void read() throws IOException {
        answers = rows(DIR.resolve("bfi.csv")).stream()
                .map(r -> {
                    String[] codes = new String[r.length - 1];
                    for (int i = 0; i < codes.length; i++) {
                        // after student_id, the items as 1..6, blank for NA: the definition's codes
                        codes[i] = r[i + 1].isEmpty() ? null : r[i + 1];
                    }
                    return codes;
                })
                .toList();
        expected = rows(DIR.resolve("reference.csv")).stream()
                .map(r -> {
                    double[] v = new double[4];
                    for (int j = 0; j < 4; j++) {
                        v[j] = j < r.length && !r[j].isEmpty() ? Double.parseDouble(r[j]) : Double.NaN;
                    }
                    return v;
                })
                .toList();
        var loaded = DefinitionLoader.load(DIR.resolve("bfi-careless.yaml"));
        plan = PlanCompiler.compile(loaded.orThrow(), loaded.sha256());
    }

    /** Rows after the header, cells split on commas (neither file quotes). */
    static List<String[]> rows(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        return lines.subList(1, lines.size()).stream()
                .map(l -> l.split(",", -1))
                .toList();
    }

    @Test
    void theFixtureIsWhole() {
        assertThat(answers).hasSize(2800).allSatisfy(r -> assertThat(r).hasSize(25));
        assertThat(expected).hasSize(2800);
        long complete = answers.stream()
                .filter(r -> java.util.Arrays.stream(r).allMatch(a -> a != null))
                .count();
        assertThat(complete).isEqualTo(2436);
    }

    @Test
    void everyIndexEqualsR() {
        int distances = 0;
        int evenOdd = 0;
        for (int row = 0; row < answers.size(); row++) {
            ScoredResponse scored = plan.score(ResponseRow.of(answers.get(row)));
            double[] r = expected.get(row);
            String at = "bfi row " + (row + 1);
            same(scored.validityMeasure("variability"), r[0], at + " irv");
            same(scored.validityMeasure("even_odd"), r[1], at + " evenodd");
            same(scored.validityMeasure("synonyms"), r[2], at + " psychsyn");
            same(scored.validityMeasure("distance"), r[3], at + " mahalanobis");
            distances += Double.isNaN(r[3]) ? 0 : 1;
            evenOdd += Double.isNaN(r[1]) ? 0 : 1;
        }
        // the comparison covered real values, not NaN against NaN
        assertThat(distances).isEqualTo(2436);
        assertThat(evenOdd).isGreaterThan(2700);
    }

    @Test
    void theSampleMomentsEqualTheReferenceRComputed() {
        Mahalanobis.Moments one = new Mahalanobis.Moments(25);
        Mahalanobis.Moments first = new Mahalanobis.Moments(25);
        Mahalanobis.Moments second = new Mahalanobis.Moments(25);
        for (int row = 0; row < answers.size(); row++) {
            double[] x = new double[25];
            for (int i = 0; i < 25; i++) {
                String a = answers.get(row)[i];
                x[i] = a == null ? Double.NaN : plan.keyedValue(i / 5, i % 5, Integer.parseInt(a));
            }
            one.add(x);
            (row % 3 == 0 ? first : second).add(x);
        }
        first.combine(second);
        var reference = plan.definition().validity().get(3).reference();
        assertThat(one.count()).isEqualTo(first.count()).isEqualTo((long) reference.n());
        for (Mahalanobis.Moments m : List.of(one, first)) {
            double[] mean = m.mean();
            double[][] cov = m.covariance();
            for (int i = 0; i < 25; i++) {
                assertThat(mean[i]).isCloseTo(reference.mean().get(i), within(1e-12));
                for (int j = 0; j < 25; j++) {
                    assertThat(cov[i][j])
                            .isCloseTo(reference.covariance().get(i).get(j), within(1e-12));
                }
            }
        }
    }

    @Test
    void aFormWhoseIndexCannotBeComputedIsNeverScored() {
        // One answer: no spread, no halves to correlate, no pairs, no distance.
        String[] one = new String[25];
        one[0] = "3";
        ScoredResponse scored = plan.score(ResponseRow.of(one));
        assertThat(scored.validityMeasure("variability")).isNaN();
        assertThat(scored.status()).isEqualTo(FormStatus.INCOMPLETE);
        assertThat(scored.reasons())
                .contains(new StatusReason(StatusReason.Code.VALIDITY_NOT_EVALUATED, "variability"))
                .contains(new StatusReason(StatusReason.Code.VALIDITY_NOT_EVALUATED, "distance"));
    }

    @Test
    void theSameAnswerEverywhereIsInvalid() {
        String[] same = new String[25];
        java.util.Arrays.fill(same, "4");
        ScoredResponse scored = plan.score(ResponseRow.of(same));
        assertThat(scored.validityMeasure("variability")).isZero();
        assertThat(scored.validityFired("variability")).isTrue();
        assertThat(scored.status()).isEqualTo(FormStatus.INVALID);
        assertThat(scored.reasons()).contains(new StatusReason(StatusReason.Code.VALIDITY_FAILED, "variability"));
    }

    private static void same(double actual, double expected, String what) {
        if (Double.isNaN(expected)) {
            assertThat(actual).as(what).isNaN();
        } else {
            assertThat(actual).as(what).isCloseTo(expected, within(TOLERANCE));
        }
    }
}
