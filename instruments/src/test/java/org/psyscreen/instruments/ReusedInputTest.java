package org.psyscreen.instruments;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.psyscreen.load.Bundle;
import org.psyscreen.score.CriticalState;
import org.psyscreen.score.FormStatus;
import org.psyscreen.screening.Screener;
import org.psyscreen.screening.ScreeningResult;
import org.psyscreen.screening.StudentField;
import org.psyscreen.screening.StudentInput;

/**
 * Issue 26, case 1, as reported: student A answers PHQ-9 q9 = 3; student B answers q1..q8 only on
 * the same input, and the caller forgets {@code clear()}. B must be INCOMPLETE with q9's self-harm
 * item UNKNOWN, not POSITIVE with A's answer.
 */
class ReusedInputTest {
    @Test
    void studentBNeverGetsStudentASelfHarmAnswer() {
        Bundle bundle = Bundle.classPath(ReusedInputTest.class.getClassLoader());
        Screener screener =
                Screener.builder().instrument(bundle.plan("phq9").orElseThrow()).build();
        StudentInput in = screener.newInput();

        in.set(StudentField.STUDENT_ID, "A");
        for (int q = 1; q <= 9; q++) {
            in.answer("phq9", "q" + q, q == 9 ? "3" : "1");
        }
        ScreeningResult a = in.screen();
        assertThat(a.forms().get("phq9").critical("self_harm")).isEqualTo(CriticalState.POSITIVE);

        in.set(StudentField.STUDENT_ID, "B");
        for (int q = 1; q <= 8; q++) {
            in.answer("phq9", "q" + q, "1");
        }
        ScreeningResult b = in.screen();
        assertThat(b.forms().get("phq9").critical("self_harm")).isEqualTo(CriticalState.UNKNOWN);
        assertThat(b.forms().get("phq9").status()).isEqualTo(FormStatus.INCOMPLETE);
        assertThat(b.forms().get("phq9").scale("total").scored()).isFalse();
    }
}
