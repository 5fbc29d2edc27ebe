package org.psyscreen.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.psyscreen.diagnostic.ProblemCode;
import org.psyscreen.load.PolicyLoader;
import org.psyscreen.norm.NormResult;
import org.psyscreen.score.CriticalState;
import org.psyscreen.score.FormStatus;
import org.psyscreen.student.Sex;
import org.psyscreen.testing.Demo;
import org.psyscreen.testing.DemoPolicy;
import org.psyscreen.tier.CutoffPolicy;
import org.psyscreen.tier.DeclarativePolicy;
import org.psyscreen.tier.FollowUp;
import org.psyscreen.tier.RuleFiring;
import org.psyscreen.tier.TierDecision;

/** The one public call that screens a student, at the API an embedder uses. */
class ScreenerTest {
    private static final String[] ITEMS = {"q1", "q2", "q3", "q4", "q5", "q6", "l1", "l2", "l3", "danger"};
    private static final String[] LOW = {"0", "1", "3", "0", "1", "0", "0", "0", "0", "0"};

    private static final Screener SCREENER = Screener.builder()
            .instrument(Demo.PLAN)
            .norms(Map.of(DemoPolicy.TOTAL_NORMS.definition().id(), DemoPolicy.TOTAL_NORMS))
            .policy(DemoPolicy.POLICY)
            .build();

    private static StudentInput student(Screener s, String... answers) {
        StudentInput in = s.newInput()
                .set(StudentField.STUDENT_ID, "G1")
                .set(StudentField.GRADE, "5")
                .set(StudentField.SEX, "female")
                .set(StudentField.BIRTH_DATE, "2016-03-01")
                .set(StudentField.TEST_DATE, "2026-09-10")
                .attribute("left_behind", "否");
        for (int i = 0; i < ITEMS.length; i++) {
            in.answer("demo", ITEMS[i], answers[i]);
        }
        return in;
    }

    @Test
    void aLowCompleteStudentIsScoredNormedAndHasNoRisk() {
        ScreeningResult r = student(SCREENER, LOW).screen();
        assertThat(r.problems()).isEmpty();
        assertThat(r.forms().get("demo").status()).isEqualTo(FormStatus.SCORED);
        assertThat(r.norms())
                .containsOnlyKeys(DemoPolicy.TOTAL_NORMS.definition().id());
        assertThat(r.norms().values()).allMatch(n -> n instanceof NormResult.Normed);
        assertThat(r.decision().orElseThrow().noRiskIdentified()).isTrue();
        assertThat(r.policy()).containsSame(DemoPolicy.POLICY);
        assertThat(r.toString()).doesNotContain("G1");
    }

    @Test
    void cellsAreReadAsSchoolsWriteThem() {
        String[] fullWidth = LOW.clone();
        fullWidth[2] = "３"; // full-width 3
        fullWidth[0] = " 0\u3000";
        ScreeningResult r = student(SCREENER, fullWidth)
                .set(StudentField.SEX, "女")
                .set(StudentField.GRADE, "五年级")
                .set(StudentField.BIRTH_DATE, "2016/3/1")
                .set(StudentField.TEST_DATE, "2026年9月10日")
                .screen();
        ScreeningResult plain = student(SCREENER, LOW).screen();
        assertThat(r.problems()).isEmpty();
        assertThat(r.profile()).isEqualTo(plain.profile());
        assertThat(r.profile().sex()).isEqualTo(Sex.FEMALE);
        assertThat(r.forms()).isEqualTo(plain.forms());
        assertThat(r.decision()).isEqualTo(plain.decision());
    }

    @Test
    void unreadableFieldsAreFlaggedByFieldAndUnknown() {
        ScreeningResult r = student(SCREENER, LOW)
                .set(StudentField.SEX, "x")
                .set(StudentField.GRADE, "5.0")
                .set(StudentField.STUDENT_ID, " ")
                .screen();
        assertThat(r.problems())
                .containsExactly(
                        RecordProblem.of(ProblemCode.ROW_NO_ID),
                        new RecordProblem(ProblemCode.ROW_BAD_DEMOGRAPHIC, "grade", ""),
                        new RecordProblem(ProblemCode.ROW_BAD_DEMOGRAPHIC, "sex", ""));
        assertThat(r.profile().sex()).isNull();
        assertThat(r.decision().orElseThrow().followUps()).contains(FollowUp.NO_NORM);
    }

    @Test
    void anAttributeIsYesNoOrUnknownNeverSilentlyNo() {
        // part B high enough that left_behind decides the rule
        String[] partBHigh = {"0", "1", "3", "2", "2", "2", "0", "0", "0", "0"};
        TierDecision yes = student(SCREENER, partBHigh)
                .attribute("left_behind", "是")
                .screen()
                .decision()
                .orElseThrow();
        assertThat(yes.fired()).extracting(RuleFiring::ruleId).contains("left_behind_watch");
        TierDecision no = student(SCREENER, partBHigh)
                .attribute("left_behind", "n")
                .screen()
                .decision()
                .orElseThrow();
        assertThat(no.fired()).extracting(RuleFiring::ruleId).doesNotContain("left_behind_watch");
        for (String unknown : new String[] {"", "  ", "unknown", "不详", "2"}) {
            ScreeningResult r = student(SCREENER, partBHigh)
                    .attribute("left_behind", unknown)
                    .screen();
            assertThat(r.attributes()).as("'%s'", unknown).doesNotContainKey("left_behind");
            assertThat(r.decision().orElseThrow().unevaluated())
                    .as("'%s'", unknown)
                    .contains("left_behind_watch");
            assertThat(r.decision().orElseThrow().noRiskIdentified()).isFalse();
            assertThat(r.problems().stream().map(RecordProblem::code).toList())
                    .as("'%s': blank is unknown; anything else is a problem naming the column", unknown)
                    .isEqualTo(unknown.isBlank() ? List.of() : List.of(ProblemCode.ROW_BAD_ATTRIBUTE));
        }
    }

    @Test
    void theVersionInForceOnTheTestDateDecides() throws Exception {
        String text = Files.readString(DemoPolicy.FILE, StandardCharsets.UTF_8)
                .replace("version: \"1.0.0\"\nname", "version: \"2.0.0\"\nname")
                .replace("from: \"2026-09-01\", to: \"2027-08-31\"", "from: \"2027-09-01\", to: \"2028-08-31\"")
                .replace("value: 9}", "value: 5}"); // the later version flags a lower total
        DeclarativePolicy v2 = PolicyLoader.load(
                        "demo-policy-v2.yaml", text.getBytes(StandardCharsets.UTF_8), Demo.RESOLVER, DemoPolicy.NORMS)
                .orThrow();
        assertThat(v2.version()).isEqualTo("2.0.0");
        Screener both = Screener.builder()
                .instrument(Demo.PLAN)
                .policy(DemoPolicy.POLICY)
                .policyVersions(List.of(v2))
                .build();
        String[] total5 = {"2", "2", "3", "1", "2", "1", "0", "0", "0", "0"}; // part A 4 + part B mean 1.33
        ScreeningResult in2026 = student(both, total5).screen();
        ScreeningResult in2027 =
                student(both, total5).set(StudentField.TEST_DATE, "2027-10-01").screen();
        ScreeningResult in2031 = student(both, total5)
                .set(StudentField.TEST_DATE, "2031-10-01")
                .set(StudentField.BIRTH_DATE, "2021-03-01")
                .screen();
        assertThat(in2026.policy().map(CutoffPolicy::version)).contains("1.0.0");
        assertThat(in2027.policy().map(CutoffPolicy::version)).contains("2.0.0");
        assertThat(in2027.decision().orElseThrow().fired())
                .extracting(RuleFiring::ruleId)
                .contains("total_high");
        assertThat(in2026.decision().orElseThrow().fired())
                .extracting(RuleFiring::ruleId)
                .doesNotContain("total_high");
        assertThat(in2026.problems()).isEmpty();
        assertThat(in2031.problems())
                .containsExactly(new RecordProblem(
                        ProblemCode.ROW_POLICY_NOT_IN_FORCE, "test_date", "outside every loaded version"));
        assertThat(in2031.policy().map(CutoffPolicy::version))
                .as("the chosen version")
                .contains("1.0.0");
        DeclarativePolicy other = PolicyLoader.load(
                        "other.yaml",
                        text.replace("id: demo-policy", "id: other-policy").getBytes(StandardCharsets.UTF_8),
                        Demo.RESOLVER,
                        DemoPolicy.NORMS)
                .orThrow();
        assertThatThrownBy(() -> Screener.builder()
                        .instrument(Demo.PLAN)
                        .policy(DemoPolicy.POLICY)
                        .policyVersions(List.of(other))
                        .build())
                .as("versions of another policy are refused")
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withoutAPolicyItScoresAndNormsOnly() {
        Screener research = Screener.builder()
                .instrument(Demo.PLAN)
                .norms(Map.of(DemoPolicy.TOTAL_NORMS.definition().id(), DemoPolicy.TOTAL_NORMS))
                .build();
        ScreeningResult r =
                student(research, LOW).set(StudentField.TEST_DATE, "").screen();
        assertThat(r.decision()).isEmpty();
        assertThat(r.problems()).as("no policy, so no policy date to miss").isEmpty();
        assertThat(r.forms().get("demo").status()).isEqualTo(FormStatus.SCORED);
    }

    @Test
    void unknownIdsAreRefusedByName() {
        StudentInput in = SCREENER.newInput();
        assertThatThrownBy(() -> in.answer("phq9", "q1", "1")).hasMessageContaining("phq9");
        assertThatThrownBy(() -> in.answer("demo", "q99", "1")).hasMessageContaining("q99");
    }

    /**
     * Property: whatever a front end flags as unscorable, and wherever answers sit, a flagged record
     * is never the lowest outcome and never reads a critical item as NEGATIVE.
     */
    @Test
    void aRecordFlaggedUnscorableIsNeverTheLowestOutcome() {
        SplittableRandom random = new SplittableRandom(20261125L);
        List<ProblemCode> unscorable = java.util.Arrays.stream(ProblemCode.values())
                .filter(ProblemCode::makesRecordUnscorable)
                .toList();
        assertThat(unscorable)
                .containsExactlyInAnyOrder(
                        ProblemCode.ROW_MISSING_FIELDS, ProblemCode.ROW_EXTRA_FIELDS, ProblemCode.ROW_HEADER_REPEATED);
        StudentInput in = SCREENER.newInput();
        for (int t = 0; t < 2000; t++) {
            in.clear().set(StudentField.STUDENT_ID, "S" + t).set(StudentField.TEST_DATE, "2026-09-10");
            for (String item : ITEMS) {
                in.answer("demo", item, random.nextInt(5) == 0 ? "" : Integer.toString(random.nextInt(4)));
            }
            in.flag(RecordProblem.of(unscorable.get(random.nextInt(unscorable.size()))));
            ScreeningResult r = in.screen();
            assertThat(r.unscorable()).isTrue();
            assertThat(r.forms().get("demo").status()).isEqualTo(FormStatus.INVALID);
            assertThat(r.forms().get("demo").critical("danger_positive")).isEqualTo(CriticalState.UNKNOWN);
            TierDecision d = r.decision().orElseThrow();
            assertThat(d.noRiskIdentified()).as("record %d", t).isFalse();
            assertThat(d.tier()).as("record %d", t).isNotNull();
            assertThat(d.followUps()).contains(FollowUp.CRITICAL_UNKNOWN, FollowUp.INVALID);
        }
    }
}
