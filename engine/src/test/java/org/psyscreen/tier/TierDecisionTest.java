package org.psyscreen.tier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.psyscreen.score.FormStatus;
import org.psyscreen.score.ResponseRow;
import org.psyscreen.score.ScoredResponse;
import org.psyscreen.student.Grade;
import org.psyscreen.student.Sex;
import org.psyscreen.student.StudentProfile;
import org.psyscreen.testing.Demo;
import org.psyscreen.testing.DemoPolicy;
import org.psyscreen.testing.FormGenerator;

/** Decisions of the synthetic demo policy, the guard around Java policies, and the safety properties. */
class TierDecisionTest {
    static final DeclarativePolicy POLICY = DemoPolicy.POLICY;
    static final StudentProfile GIRL_10 =
            new StudentProfile(new Grade("5"), Sex.FEMALE, LocalDate.of(2014, 3, 1), LocalDate.of(2024, 9, 1));

    /** Answers in demo item order: q1..q6, l1..l3, danger. */
    static ScoredResponse form(String... answers) {
        return Demo.PLAN.score(ResponseRow.of(answers));
    }

    static Screening screening(ScoredResponse form, StudentProfile p, Map<String, Boolean> attributes) {
        return new Screening(
                Map.of("demo", form),
                p,
                attributes,
                Map.of(DemoPolicy.TOTAL_NORMS.definition().id(), DemoPolicy.TOTAL_NORMS));
    }

    static TierDecision decide(ScoredResponse form) {
        return Policies.decide(POLICY, screening(form, GIRL_10, Map.of("left_behind", false)));
    }

    @Test
    void aLowCompleteFormIsTheOnlyWayToNoRisk() {
        TierDecision d = decide(form("0", "1", "3", "0", "1", "0", "0", "0", "0", "0"));
        assertThat(d.noRiskIdentified()).as(d.toString()).isTrue();
        assertThat(d.fired()).isEmpty();
        assertThat(d.policyKey()).isEqualTo("demo-policy@1.0.0");
        assertThat(d.policySha256()).hasSize(64);
        assertThat(d.normTables()).containsExactly("synthetic-demo-total-sex-age@1.0.0");
        assertThat(d.engineVersion()).isNotBlank().isNotEqualTo("unknown");
    }

    @Test
    void aPositiveCriticalItemWinsEvenOnABlankForm() {
        TierDecision d = decide(form(null, null, null, null, null, null, null, null, null, "2"));
        assertThat(d.tier().id()).isEqualTo("t1");
        assertThat(d.fired().get(0).ruleId()).isEqualTo("critical:demo.danger_positive");
        assertThat(d.followUps()).contains(FollowUp.INCOMPLETE);
    }

    @Test
    void everyFiredRuleIsReportedWithWhatItRead() {
        // part_a = 3+3+3 = 9 (q3 reversed from 0), total = 9 + 3 = 12, q6 = 3: three rules fire.
        TierDecision d = decide(form("3", "3", "0", "3", "3", "3", "0", "0", "0", "0"));
        assertThat(d.tier().id()).isEqualTo("t2");
        assertThat(d.fired())
                .extracting(RuleFiring::ruleId)
                .containsExactly("total_high", "part_a_watch", "total_t_high", "item_six_high");
        RuleFiring t = d.fired().get(2);
        assertThat(t.readings()).singleElement().satisfies(r -> {
            assertThat(r.variable()).isEqualTo("demo.total:t");
            assertThat(r.normTable()).isEqualTo("synthetic-demo-total-sex-age@1.0.0");
        });
        assertThat(d.winner().ruleId()).isEqualTo("total_high");
    }

    @Test
    void aMissingNormIsAFollowUpNeverASilentFalse() {
        var noBirthDate = new StudentProfile(new Grade("5"), Sex.FEMALE, null, LocalDate.of(2024, 9, 1));
        TierDecision d = Policies.decide(
                POLICY, screening(form("0", "1", "3", "0", "1", "0", "0", "0", "0", "0"), noBirthDate, Map.of()));
        assertThat(d.unevaluated()).containsExactly("total_t_high");
        assertThat(d.followUps()).containsExactly(FollowUp.NO_NORM);
        assertThat(d.tier().id()).isEqualTo("t3");
    }

    @Test
    void anUnknownCriticalItemNeverEndsInNoRisk() {
        TierDecision d = decide(form("0", "1", "3", "0", "1", "0", "0", "0", "0", null));
        assertThat(d.followUps()).containsExactly(FollowUp.CRITICAL_UNKNOWN);
        assertThat(d.tier().id()).isEqualTo("t2");
    }

    @Test
    void attributesTheRegionSuppliesCanRaiseATier() {
        ScoredResponse f = form("0", "1", "3", "2", "2", "2", "0", "0", "0", "0");
        assertThat(Policies.decide(POLICY, screening(f, GIRL_10, Map.of("left_behind", false)))
                        .noRiskIdentified())
                .isTrue();
        TierDecision unknown = Policies.decide(POLICY, screening(f, GIRL_10, Map.of()));
        assertThat(unknown.tier()).isNull();
        assertThat(unknown.unevaluated())
                .as("an attribute not supplied is unknown")
                .contains("left_behind_watch");
        assertThat(unknown.noRiskIdentified()).as("unknown is never no risk").isFalse();
        TierDecision d = Policies.decide(POLICY, screening(f, GIRL_10, Map.of("left_behind", true)));
        assertThat(d.tier().id()).isEqualTo("t3");
        assertThat(d.fired()).extracting(RuleFiring::ruleId).containsExactly("left_behind_watch");
    }

    @Test
    void aJavaPolicyThatFailsBecomesAVisiblePolicyError() {
        for (CutoffPolicy broken : List.of(
                misbehaving(() -> {
                    throw new IllegalStateException("plug-in bug");
                }),
                misbehaving(() -> null),
                misbehaving(() -> new CutoffPolicy.Verdict(
                        new Tier(
                                "alien",
                                1,
                                POLICY.tiers().get(0).label(),
                                POLICY.tiers().get(0).action()),
                        List.of(),
                        List.of(),
                        List.of(),
                        false)))) {
            TierDecision d = Policies.decide(
                    broken, screening(form("0", "1", "3", "0", "1", "0", "0", "0", "0", "0"), GIRL_10, Map.of()));
            assertThat(d.followUps()).containsExactly(FollowUp.POLICY_ERROR);
            assertThat(d.tier().id()).isEqualTo("t1");
            assertThat(d.noRiskIdentified()).isFalse();
        }
    }

    @Test
    void aJavaPolicyCannotOverrideACriticalItemOrAnUnscorableForm() {
        CutoffPolicy lenient =
                misbehaving(() -> new CutoffPolicy.Verdict(null, List.of(), List.of(), List.of(), false));
        TierDecision critical = Policies.decide(
                lenient, screening(form(null, null, null, null, null, null, null, null, null, "3"), GIRL_10, Map.of()));
        assertThat(critical.tier().severity()).isEqualTo(1);
        TierDecision invalid = Policies.decide(
                lenient, screening(form("9", "x", "0", "0", "1", "0", "0", "0", "0", "0"), GIRL_10, Map.of()));
        assertThat(invalid.noRiskIdentified()).isFalse();
        assertThat(invalid.followUps()).contains(FollowUp.INVALID);
    }

    @Test
    void propertiesOverRandomFormsAndRuleOrders() {
        FormGenerator g = new FormGenerator(Demo.PLAN, 20261123L);
        SplittableRandom random = new SplittableRandom(7);
        for (int t = 0; t < 1000; t++) {
            String[] row = g.next();
            ScoredResponse f = Demo.PLAN.score(ResponseRow.of(row));
            Map<String, Boolean> attrs = Map.of("left_behind", random.nextBoolean());
            TierDecision d = Policies.decide(POLICY, screening(f, GIRL_10, attrs));
            if (f.anyCriticalPositive()) {
                assertThat(d.tier().severity())
                        .as("form %d: positive critical item gives the most severe tier", t)
                        .isEqualTo(1);
            }
            if (f.status() != FormStatus.SCORED) {
                assertThat(d.noRiskIdentified())
                        .as("form %d: a form that is not scored is never the lowest outcome", t)
                        .isFalse();
            }
            List<PolicyRule> shuffled = new ArrayList<>(POLICY.rules());
            Collections.shuffle(shuffled, new java.util.Random(t));
            TierDecision again = Policies.decide(reordered(shuffled), screening(f, GIRL_10, attrs));
            assertThat(again.tier())
                    .as("form %d: rule order never changes the tier", t)
                    .isEqualTo(d.tier());
            assertThat(again.followUps()).isEqualTo(d.followUps());
            assertThat(again.fired()).containsExactlyInAnyOrderElementsOf(d.fired());
            assertThat(Policies.decide(POLICY, screening(f, GIRL_10, attrs)))
                    .as("reproducible")
                    .isEqualTo(d);
        }
    }

    static DeclarativePolicy reordered(List<PolicyRule> rules) {
        Map<FollowUp, Tier> fu = new EnumMap<>(FollowUp.class);
        for (FollowUp f : FollowUp.values()) {
            fu.put(f, POLICY.tierFor(f));
        }
        return new DeclarativePolicy(
                POLICY.id(),
                POLICY.version(),
                POLICY.name(),
                POLICY.example(),
                POLICY.region(),
                POLICY.regionName(),
                POLICY.effectiveFrom(),
                POLICY.effectiveTo(),
                POLICY.instrumentKeys(),
                POLICY.tiers(),
                fu,
                rules,
                POLICY.citations(),
                POLICY.caseRoles(),
                POLICY.sha256());
    }

    /** A Java policy over the demo policy's tiers whose rule part is supplied. */
    static CutoffPolicy misbehaving(java.util.function.Supplier<CutoffPolicy.Verdict> verdict) {
        return new CutoffPolicy() {
            @Override
            public String id() {
                return "misbehaving";
            }

            @Override
            public String version() {
                return "1";
            }

            @Override
            public String region() {
                return "TEST";
            }

            @Override
            public List<Tier> tiers() {
                return POLICY.tiers();
            }

            @Override
            public List<String> instruments() {
                return List.of("demo");
            }

            @Override
            public Tier tierFor(FollowUp f) {
                return POLICY.tierFor(f);
            }

            @Override
            public Verdict evaluate(Screening s) {
                return verdict.get();
            }
        };
    }
}
