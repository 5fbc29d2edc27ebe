package org.psyscreen.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.psyscreen.load.PolicyLoader;
import org.psyscreen.screening.Screener;
import org.psyscreen.screening.ScreeningResult;
import org.psyscreen.screening.StudentField;
import org.psyscreen.screening.StudentInput;
import org.psyscreen.testing.Demo;
import org.psyscreen.testing.DemoPolicy;
import org.psyscreen.tier.DeclarativePolicy;
import org.psyscreen.tier.Reading;

/** The structured explanation: every branch of an 'any' rule, tests and whether they were met, labels. */
class DecisionExplanationTest {
    static final String[] ITEMS = {"q1", "q2", "q3", "q4", "q5", "q6", "l1", "l2", "l3", "danger"};

    static DeclarativePolicy withAnyRule() throws Exception {
        String text = Files.readString(DemoPolicy.FILE, StandardCharsets.UTF_8)
                + "  - id: either_part\n"
                + "    tier: t3\n"
                + "    description: {en: part A at least 4 or part B mean at least 1, zh: 甲不低于4或乙均分不低于1}\n"
                + "    source: demo_src\n"
                + "    when: {any: [{scale: demo.part_a, op: \">=\", value: 4}, {scale: demo.part_b, op: \">=\", value: 1},"
                + " {item: demo.q1, op: \"==\", value: 3}]}\n";
        return PolicyLoader.load("any.yaml", text.getBytes(StandardCharsets.UTF_8), Demo.RESOLVER, DemoPolicy.NORMS)
                .orThrow();
    }

    static ScreeningResult screen(Screener s, String... answers) {
        StudentInput in = s.newInput()
                .set(StudentField.STUDENT_ID, "E1")
                .set(StudentField.SEX, "女")
                .set(StudentField.TEST_DATE, "2026-09-10")
                .attribute("left_behind", "否");
        for (int i = 0; i < ITEMS.length; i++) {
            in.answer("demo", ITEMS[i], answers[i]);
        }
        return in.screen();
    }

    @Test
    void anAnyRuleReportsEveryBranchThatMetItsCutOff() throws Exception {
        Screener s =
                Screener.builder().instrument(Demo.PLAN).policy(withAnyRule()).build();
        // part A = 2 + 2 + (3 - 3) = 4 (met), part B mean = 1 (met), q1 = 2 (not met)
        DecisionExplanation e = DecisionExplanation.of(screen(s, "2", "2", "3", "1", "1", "1", "0", "0", "0", "0"));
        DecisionExplanation.FiredRule either = e.fired().stream()
                .filter(f -> f.ruleId().equals("either_part"))
                .findFirst()
                .orElseThrow();
        assertThat(either.readings())
                .extracting(Reading::test, Reading::met)
                .containsExactly(
                        tuple("demo.part_a >= 4", true), tuple("demo.part_b >= 1", true), tuple("demo.q1 == 3", false));
        assertThat(either.text().zh()).isEqualTo("甲不低于4或乙均分不低于1");
        assertThat(either.tier().zh()).isEqualTo("三级（关注）");
        assertThat(e.outcome().tierId()).isEqualTo("t3");
        assertThat(e.policy().key()).isEqualTo("demo-policy@1.0.0");
        assertThat(e.policy().sha256()).hasSize(64);
    }

    @Test
    void followUpsProblemsAndUnknownsCarryTheirMeaning() {
        Screener s = Screener.builder()
                .instrument(Demo.PLAN)
                .policy(DemoPolicy.POLICY)
                .build();
        ScreeningResult r = s.newInput()
                .set(StudentField.STUDENT_ID, "E2")
                .set(StudentField.SEX, "x")
                .set(StudentField.TEST_DATE, "2026-09-10")
                .answer("demo", "q1", "1")
                .screen();
        DecisionExplanation e = DecisionExplanation.of(r);
        assertThat(e.followUps())
                .extracting(DecisionExplanation.Labelled::code)
                .contains("INCOMPLETE", "CRITICAL_UNKNOWN");
        assertThat(e.followUps().get(0).label().zh()).isNotBlank();
        assertThat(e.problems())
                .extracting(DecisionExplanation.Labelled::code, DecisionExplanation.Labelled::subject)
                .contains(tuple("PSY-2106", "sex"));
        assertThat(e.problems().get(0).label().zh()).isEqualTo("年级、性别或日期无法识别");
        assertThat(e.outcome().noRiskIdentified()).isFalse();
        assertThat(e.forms())
                .singleElement()
                .satisfies(f -> assertThat(f.status()).isEqualTo("INCOMPLETE"));
    }

    @Test
    void nothingIsExplainedWithoutAPolicy() {
        Screener s = Screener.builder().instrument(Demo.PLAN).build();
        ScreeningResult r = screen(s, "0", "1", "3", "0", "1", "0", "0", "0", "0", "0");
        assertThatThrownBy(() -> DecisionExplanation.of(r)).isInstanceOf(IllegalArgumentException.class);
        assertThat(List.of(DecisionExplanation.DISCLAIMER.zh(), DecisionExplanation.DISCLAIMER.en()))
                .allMatch(t -> !t.isBlank());
    }
}
