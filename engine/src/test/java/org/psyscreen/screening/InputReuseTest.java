package org.psyscreen.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.psyscreen.diagnostic.DefinitionException;
import org.psyscreen.diagnostic.ProblemCode;
import org.psyscreen.explain.DecisionExplanation;
import org.psyscreen.score.CriticalState;
import org.psyscreen.testing.Demo;
import org.psyscreen.testing.DemoPolicy;
import org.psyscreen.tier.FollowUp;

/**
 * Issue 26: the normal ways of screening students cannot carry one student's answers to the next,
 * and a screener whose plans do not cover its policy is refused when it is built.
 */
class InputReuseTest {
    private static final String[] ITEMS = {"q1", "q2", "q3", "q4", "q5", "q6", "l1", "l2", "l3", "danger"};

    private static final Screener SCREENER = Screener.builder()
            .instrument(Demo.PLAN)
            .norms(Map.of(DemoPolicy.TOTAL_NORMS.definition().id(), DemoPolicy.TOTAL_NORMS))
            .policy(DemoPolicy.POLICY)
            .build();

    @Test
    void aCriticalAnswerOfOneStudentNeverReachesTheNextThroughAReusedInput() {
        StudentInput in = SCREENER.newInput();
        in.set(StudentField.STUDENT_ID, "A").set(StudentField.TEST_DATE, "2026-09-10");
        for (String item : ITEMS) {
            in.answer("demo", item, "3");
        }
        ScreeningResult a = in.screen();
        assertThat(a.forms().get("demo").critical("danger_positive")).isEqualTo(CriticalState.POSITIVE);

        // B answers every item but the critical one, and the caller does not clear().
        String[] low = {"0", "1", "3", "0", "1", "0", "0", "0", "0"};
        in.set(StudentField.STUDENT_ID, "B").set(StudentField.TEST_DATE, "2026-09-10");
        for (int i = 0; i < low.length; i++) {
            in.answer("demo", ITEMS[i], low[i]);
        }
        ScreeningResult b = in.screen();
        assertThat(b.student()).isEqualTo("B");
        assertThat(b.forms().get("demo").critical("danger_positive")).isEqualTo(CriticalState.UNKNOWN);
        assertThat(b.decision().orElseThrow().followUps()).contains(FollowUp.CRITICAL_UNKNOWN);
        assertThat(b.decision().orElseThrow().noRiskIdentified()).isFalse();
    }

    @Test
    void aStudentWhoseFillFailedHalfWayLeavesNothingForTheNext() {
        StudentInput in = SCREENER.newInput();
        in.set(StudentField.STUDENT_ID, "A").answer("demo", "danger", "3");
        assertThatThrownBy(() -> in.answer("demo", "no_such_item", "1")).hasMessageContaining("emptied");
        in.set(StudentField.STUDENT_ID, "A").answer("demo", "danger", "3");
        assertThatThrownBy(() -> in.answer(0, 99, "1")).hasMessageContaining("emptied");
        in.answer("demo", "danger", "3");
        assertThatThrownBy(() -> in.answer(1, 0, "1")).hasMessageContaining("emptied");
        in.answer("demo", "danger", "3");
        assertThatThrownBy(() -> in.answer(-1, 0, "1")).hasMessageContaining("emptied");
        in.answer("demo", "danger", "3");
        assertThatThrownBy(() -> in.answer(0, -1, "1")).hasMessageContaining("emptied");
        // the caller skips A and goes on with B on the same input
        ScreeningResult b =
                in.set(StudentField.STUDENT_ID, "B").answer("demo", "q1", "0").screen();
        assertThat(b.forms().get("demo").critical("danger_positive")).isEqualTo(CriticalState.UNKNOWN);
    }

    @Test
    void screeningThroughAFunctionUsesAFreshInputEachTime() {
        ScreeningResult a =
                SCREENER.screen(in -> in.set(StudentField.STUDENT_ID, "A").answer("demo", "danger", "3"));
        ScreeningResult b =
                SCREENER.screen(in -> in.set(StudentField.STUDENT_ID, "B").answer("demo", "q1", "0"));
        assertThat(a.forms().get("demo").critical("danger_positive")).isEqualTo(CriticalState.POSITIVE);
        assertThat(b.forms().get("demo").critical("danger_positive")).isEqualTo(CriticalState.UNKNOWN);
    }

    /**
     * Property: random students screened one after another through one reused input are each
     * screened exactly as a fresh input screens them, whatever the order.
     */
    @Test
    void aReusedInputGivesEveryStudentTheResultOfAFreshOne() {
        SplittableRandom random = new SplittableRandom(20261206L);
        List<Student> students = new ArrayList<>();
        for (int s = 0; s < 300; s++) {
            students.add(Student.random(s, random));
        }
        for (int round = 0; round < 5; round++) {
            java.util.Collections.shuffle(students, new java.util.Random(random.nextLong()));
            StudentInput reused = SCREENER.newInput();
            for (Student s : students) {
                ScreeningResult viaReuse = s.fill(reused).screen();
                ScreeningResult fresh = SCREENER.screen(s::fill);
                String where = s.id + ", round " + round;
                assertThat(fingerprint(viaReuse)).as(where).isEqualTo(fingerprint(fresh));
                assertThat(viaReuse.forms()).as(where).isEqualTo(fresh.forms());
                assertThat(viaReuse.decision()).as(where).isEqualTo(fresh.decision());
            }
        }
    }

    @Test
    void aPolicyWhoseInstrumentsAreNotPlannedIsRefusedByName() {
        Screener.Builder noPlans = Screener.builder().policy(DemoPolicy.POLICY);
        assertThatThrownBy(noPlans::build).isInstanceOfSatisfying(DefinitionException.class, e -> {
            assertThat(e.problems().all())
                    .extracting(p -> p.code())
                    .containsExactly(ProblemCode.SCREENER_INSTRUMENT_NOT_PLANNED);
            assertThat(e.getMessage()).contains("PSY-1501", "demo@1.0.0");
        });
        assertThat(Screener.builder().instrument(Demo.PLAN).build().policy())
                .as("without a policy, any plans: research scoring")
                .isEmpty();
    }

    /** Mutation testing: the index fast path's bounds, the chained flag, and a problem that is not unscorable. */
    @Test
    void theIndexPathAcceptsExactlyItsItemsAndAFlagThatIsNotUnscorableKeepsTheFormScored() {
        StudentInput in = SCREENER.newInput();
        int items = SCREENER.plan("demo").orElseThrow().itemCount();
        assertThatThrownBy(() -> in.answer(0, items, "1")).hasMessageContaining("emptied");
        String[] low = {"0", "1", "3", "0", "1", "0", "0", "0", "0", "0"};
        for (int i = 0; i < low.length; i++) {
            in.answer(0, i, low[i]);
        }
        ScreeningResult r = in.set(StudentField.STUDENT_ID, "A")
                .set(StudentField.TEST_DATE, "2026-09-10")
                .flag(RecordProblem.of(ProblemCode.ROW_DUPLICATE_ID))
                .screen();
        // a flagged record that is still read by position: scored, with its problem kept
        assertThat(r.unscorable()).isFalse();
        assertThat(r.problems()).extracting(RecordProblem::code).containsExactly(ProblemCode.ROW_DUPLICATE_ID);
        assertThat(r.forms().get("demo").status()).isEqualTo(org.psyscreen.score.FormStatus.SCORED);
        assertThat(r.forms().get("demo").critical("danger_positive")).isEqualTo(CriticalState.NEGATIVE);
    }

    /** Everything a result says, as text: equal fingerprints, equal results. */
    private static String fingerprint(ScreeningResult r) {
        return r.student() + "|" + r.school() + "|" + r.schoolClass() + "|" + r.region() + "|" + r.profile() + "|"
                + r.attributes() + "|" + r.problems() + "|" + r.norms() + "|"
                + DecisionExplanation.of(r);
    }

    private record Student(String id, String[] fields, String[] answers, String attribute, ProblemCode flag) {
        static Student random(int n, SplittableRandom random) {
            String[] fields = new String[StudentField.values().length];
            String[] pool = {"5", "女", "male", "2016-03-01", "2026-09-10", "SCH1", "1-1", "R1", "", "bad"};
            for (int f = 0; f < fields.length; f++) {
                if (random.nextInt(3) > 0) {
                    fields[f] = pool[random.nextInt(pool.length)];
                }
            }
            fields[StudentField.STUDENT_ID.ordinal()] = random.nextInt(10) == 0 ? null : "S" + n;
            String[] answers = new String[ITEMS.length];
            for (int i = 0; i < answers.length; i++) {
                int k = random.nextInt(7);
                answers[i] = k == 6 ? null : k == 5 ? "x" : Integer.toString(k % 4);
            }
            ProblemCode flag = random.nextInt(8) == 0
                    ? (random.nextBoolean() ? ProblemCode.ROW_MISSING_FIELDS : ProblemCode.ROW_DUPLICATE_ID)
                    : null;
            return new Student("S" + n, fields, answers, random.nextBoolean() ? "是" : null, flag);
        }

        StudentInput fill(StudentInput in) {
            for (StudentField f : StudentField.values()) {
                if (fields[f.ordinal()] != null) {
                    in.set(f, fields[f.ordinal()]);
                }
            }
            for (int i = 0; i < ITEMS.length; i++) {
                if (answers[i] != null) {
                    in.answer("demo", ITEMS[i], answers[i]);
                }
            }
            if (attribute != null) {
                in.attribute("left_behind", attribute);
            }
            if (flag != null) {
                in.flag(RecordProblem.of(flag)); // one student's record problem never marks the next
            }
            return in;
        }
    }
}
