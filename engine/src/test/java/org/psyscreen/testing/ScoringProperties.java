package org.psyscreen.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.psyscreen.plan.ScoringPlan;
import org.psyscreen.score.AnswerState;
import org.psyscreen.score.CriticalState;
import org.psyscreen.score.FormStatus;
import org.psyscreen.score.ResponseRow;
import org.psyscreen.score.ScoredResponse;

/**
 * Safety and consistency properties of scoring, checked over seeded random forms (JUnit and a
 * seeded generator; a failure names the seed and the form number so it can be replayed).
 */
public final class ScoringProperties {
    /** Forms per property and plan. */
    public static final int TRIES = 1000;

    private ScoringProperties() {}

    /** The plan agrees with the naive reference scorer on every generated form. */
    public static void agreesWithNaiveScorer(ScoringPlan plan, long seed) {
        FormGenerator g = new FormGenerator(plan, seed);
        for (int t = 0; t < TRIES; t++) {
            String[] row = g.next();
            ScoredResponse r = plan.score(ResponseRow.of(row));
            try {
                VectorSuite.assertAgrees(plan, row, r, 1e-9);
            } catch (AssertionError e) {
                throw new AssertionError("seed " + seed + ", form " + t + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * A blank never counts as 0: each blank member of an item scale is counted missing, and a scale
     * with more missing members than its rule allows has no value.
     */
    public static void blankIsNeverScoredAsZero(ScoringPlan plan, long seed) {
        FormGenerator g = new FormGenerator(plan, seed);
        var d = plan.definition();
        for (int t = 0; t < TRIES; t++) {
            String[] row = g.next();
            ScoredResponse r = plan.score(ResponseRow.of(row));
            for (var s : d.scales()) {
                if (s.derived()) {
                    continue;
                }
                long blanks = s.items().stream()
                        .filter(i -> r.answerState(i) == AnswerState.BLANK)
                        .count();
                var score = r.scale(s.id());
                assertThat(score.missing())
                        .as("seed %d form %d scale %s counts blanks missing", seed, t, s.id())
                        .isGreaterThanOrEqualTo((int) blanks);
                assertThat(score.answered() + score.missing())
                        .isEqualTo(s.items().size());
                if (s.missing().maxMissing() != null && blanks > s.missing().maxMissing()) {
                    assertThat(score.scored())
                            .as("seed %d form %d scale %s", seed, t, s.id())
                            .isFalse();
                }
            }
        }
    }

    /** A form with any answer outside the declared codes is never SCORED. */
    public static void invalidAnswerIsNeverScored(ScoringPlan plan, long seed) {
        FormGenerator g = new FormGenerator(plan, seed);
        for (int t = 0; t < TRIES; t++) {
            String[] row = g.next();
            ScoredResponse r = plan.score(ResponseRow.of(row));
            boolean anyInvalid = plan.itemIds().stream().anyMatch(i -> r.answerState(i) == AnswerState.INVALID);
            if (anyInvalid) {
                assertThat(r.status()).as("seed %d form %d", seed, t).isEqualTo(FormStatus.INVALID);
            }
            if (r.status() != FormStatus.SCORED) {
                assertThat(r.reasons())
                        .as("a status other than SCORED says why")
                        .isNotEmpty();
            }
        }
    }

    /**
     * Every critical item answered with a positive code is POSITIVE, whatever the rest of the form
     * holds (blank, invalid, lie scale fired, ...).
     */
    public static void positiveCriticalAlwaysWins(ScoringPlan plan, long seed) {
        FormGenerator g = new FormGenerator(plan, seed);
        var d = plan.definition();
        for (int t = 0; t < TRIES; t++) {
            for (int k = 0; k < d.critical().size(); k++) {
                var ci = d.critical().get(k);
                int item = plan.itemIndex(ci.item());
                var set = d.responseSet(d.items().get(item).responses()).orElseThrow();
                for (var code : set.codes()) {
                    int v = code.value();
                    int keyed = d.items().get(item).reverse() ? set.minValue() + set.maxValue() - v : v;
                    boolean positive = ci.when().test(ci.on().name().equals("RAW") ? v : keyed);
                    String[] row = g.next();
                    row[item] = code.code();
                    ScoredResponse r = plan.score(ResponseRow.of(row));
                    assertThat(r.critical(ci.id()))
                            .as("seed %d form %d critical %s code %s", seed, t, ci.id(), code.code())
                            .isEqualTo(positive ? CriticalState.POSITIVE : CriticalState.NEGATIVE);
                }
                String[] row = g.next();
                row[item] = null;
                assertThat(plan.score(ResponseRow.of(row)).critical(ci.id())).isEqualTo(CriticalState.UNKNOWN);
            }
        }
    }

    /** Scoring is deterministic: twice in one thread and across four threads gives equal results. */
    public static void deterministicAcrossThreads(ScoringPlan plan, long seed) throws Exception {
        FormGenerator g = new FormGenerator(plan, seed);
        List<String[]> forms = new ArrayList<>();
        for (int t = 0; t < TRIES; t++) {
            forms.add(g.next());
        }
        List<ScoredResponse> sequential =
                forms.stream().map(f -> plan.score(ResponseRow.of(f))).toList();
        assertThat(forms.stream().map(f -> plan.score(ResponseRow.of(f))).toList())
                .isEqualTo(sequential);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<ScoredResponse>> futures = new ArrayList<>();
            for (String[] f : forms) {
                futures.add(pool.submit(() -> plan.score(ResponseRow.of(f))));
            }
            for (int t = 0; t < forms.size(); t++) {
                assertThat(futures.get(t).get())
                        .as("form %d in another thread", t)
                        .isEqualTo(sequential.get(t));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
