package org.psyscreen.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.psyscreen.diagnostic.ProblemCode;
import org.psyscreen.load.DefinitionLoader;
import org.psyscreen.plan.PlanCompiler;
import org.psyscreen.score.CriticalState;
import org.psyscreen.score.FormStatus;
import org.psyscreen.score.ScoredResponse;
import org.psyscreen.score.StatusReason;
import org.psyscreen.testing.EngineFiles;

/**
 * A definition's response-time check reads the sitting's time (the platform's 所用时间, mapped to
 * {@code response_seconds}) per answered item, through the one call that screens a student.
 */
class ResponseTimeTest {
    private static final Screener SCREENER = Screener.builder()
            .instrument(PlanCompiler.compile(
                    DefinitionLoader.load(EngineFiles.path("src/test/resources/definitions/good/timed.yaml"))
                            .orThrow()))
            .build();

    private static final String[] ITEMS = {"q1", "q2", "q3", "q4", "q5", "q6", "danger"};

    private static ScreeningResult screen(StudentInput in, String seconds, String... answers) {
        in.clear().set(StudentField.STUDENT_ID, "T1");
        if (seconds != null) {
            in.set(StudentField.RESPONSE_SECONDS, seconds);
        }
        for (int i = 0; i < ITEMS.length; i++) {
            in.answer("timed", ITEMS[i], answers[i]);
        }
        return in.screen();
    }

    private static ScoredResponse form(ScreeningResult r) {
        return r.forms().get("timed");
    }

    @Test
    void aSittingAtReadingSpeedIsScoredAndShowsItsSecondsPerItem() {
        ScreeningResult r = screen(SCREENER.newInput(), "6分37秒", "1", "2", "1", "0", "1", "2", "0");
        assertThat(form(r).status()).isEqualTo(FormStatus.SCORED);
        assertThat(form(r).validityMeasure("too_fast")).isCloseTo(397.0 / 7, within(1e-12));
    }

    @Test
    void aSittingFasterThanTheThresholdIsInvalidAndItsCriticalItemStillCounts() {
        ScreeningResult r = screen(SCREENER.newInput(), "5秒", "0", "0", "0", "0", "0", "0", "2");
        assertThat(form(r).validityMeasure("too_fast")).isCloseTo(5.0 / 7, within(1e-12));
        assertThat(form(r).status()).isEqualTo(FormStatus.INVALID);
        assertThat(form(r).reasons()).contains(new StatusReason(StatusReason.Code.VALIDITY_FAILED, "too_fast"));
        assertThat(form(r).critical("danger_positive")).isEqualTo(CriticalState.POSITIVE);
    }

    @Test
    void onlyAnsweredItemsCountTowardsTheTime() {
        // 6 seconds over 6 answered items is 1 s an item: not below the threshold
        ScreeningResult r = screen(SCREENER.newInput(), "6", "0", "1", "0", "1", "0", "1", "");
        assertThat(form(r).validityMeasure("too_fast")).isEqualTo(1.0);
        assertThat(form(r).validityFired("too_fast")).isFalse();
    }

    @Test
    void noTimeLeavesTheCheckNotEvaluatedSoTheFormIsNeverScored() {
        ScreeningResult r = screen(SCREENER.newInput(), null, "1", "2", "1", "0", "1", "2", "0");
        assertThat(form(r).validityMeasure("too_fast")).isNaN();
        assertThat(form(r).status()).isEqualTo(FormStatus.INCOMPLETE);
        assertThat(form(r).reasons())
                .containsExactly(new StatusReason(StatusReason.Code.VALIDITY_NOT_EVALUATED, "too_fast"));
    }

    @Test
    void anUnreadableTimeIsARecordProblemThatNamesTheColumnNotTheValue() {
        ScreeningResult r = screen(SCREENER.newInput(), "about 7 min", "1", "2", "1", "0", "1", "2", "0");
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(ProblemCode.ROW_BAD_RESPONSE_TIME);
            assertThat(p.field()).isEqualTo("response_seconds");
            assertThat(p.toString()).doesNotContain("about");
        });
        assertThat(form(r).status()).isEqualTo(FormStatus.INCOMPLETE);
    }

    @Test
    void aReusedInputCarriesNoTimeToTheNextStudent() {
        StudentInput in = SCREENER.newInput();
        screen(in, "5秒", "0", "0", "0", "0", "0", "0", "0");
        ScreeningResult next = screen(in, null, "1", "2", "1", "0", "1", "2", "0");
        assertThat(form(next).validityMeasure("too_fast")).isNaN();
    }
}
