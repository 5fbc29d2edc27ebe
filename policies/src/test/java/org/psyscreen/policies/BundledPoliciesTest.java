package org.psyscreen.policies;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.psyscreen.load.InstrumentCatalog;
import org.psyscreen.load.NormCatalog;
import org.psyscreen.load.PolicyCatalog;
import org.psyscreen.plan.PlanCompiler;
import org.psyscreen.plan.ScoringPlan;
import org.psyscreen.score.FormStatus;
import org.psyscreen.score.ResponseRow;
import org.psyscreen.score.ScoredResponse;
import org.psyscreen.testing.FormGenerator;
import org.psyscreen.tier.DeclarativePolicy;
import org.psyscreen.tier.Policies;
import org.psyscreen.tier.Screening;
import org.psyscreen.tier.TierDecision;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The bundled example policies: load cleanly, decide as their vectors say, and keep the safety properties. */
class BundledPoliciesTest {
    static final Path ROOT = Path.of("src/main/resources/META-INF/psyscreen/policies");
    static final ClassLoader CL = BundledPoliciesTest.class.getClassLoader();
    static final InstrumentCatalog INSTRUMENTS = InstrumentCatalog.fromClassPath(CL);
    static final PolicyCatalog POLICIES =
            PolicyCatalog.fromClassPath(CL, INSTRUMENTS::resolve, key -> java.util.Optional.empty());

    static Stream<String> ids() throws Exception {
        try (Stream<Path> s = Files.list(ROOT)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    static DeclarativePolicy policy(String id) {
        return (DeclarativePolicy) POLICIES.find(id).orElseThrow();
    }

    static ScoringPlan plan(String instrument) {
        return PlanCompiler.compile(
                INSTRUMENTS.find(instrument).orElseThrow().load().orThrow());
    }

    @Test
    void everyBundledPolicyLoadsWithoutAnyProblemAndSaysItIsAnExample() throws Exception {
        assertThat(POLICIES.problems().all()).isEmpty();
        for (String id : ids().toList()) {
            DeclarativePolicy p = policy(id);
            assertThat(p.example()).isTrue();
            assertThat(p.name().en()).contains("EXAMPLE");
            assertThat(ROOT.resolve(id).resolve("SOURCES.md")).exists();
            assertThat(p.tiers())
                    .as("every example tier declares its follow-up interval, tightest for the most severe")
                    .extracting(org.psyscreen.tier.Tier::followUpDays)
                    .containsExactly(7, 14, 30);
            assertThat(Files.readString(ROOT.resolve(id).resolve("SOURCES.md")))
                    .contains("Follow-up intervals", "from no published source");
        }
        assertThat(NormCatalog.fromClassPath(CL).ids()).isNotEmpty(); // norms are on the path but no example reads them
    }

    static Stream<Object[]> vectors() throws Exception {
        List<Object[]> out = new ArrayList<>();
        for (String id : ids().toList()) {
            JsonNode root = JsonMapper.builder()
                    .build()
                    .readTree(Files.readString(ROOT.resolve(id).resolve("vectors/decisions.json")));
            assertThat(root.get("policy").asString()).isEqualTo(policy(id).key());
            for (JsonNode t : root.get("tests")) {
                out.add(new Object[] {
                    id, t.get("tcId").asInt() + " " + t.get("comment").asString(), t
                });
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} #{1}")
    @MethodSource("vectors")
    void decidesAsTheVectorSays(String id, String name, JsonNode t) {
        Map<String, ScoredResponse> forms = new LinkedHashMap<>();
        for (String inst : t.get("forms").propertyNames()) {
            ScoringPlan plan = plan(inst);
            JsonNode f = t.get("forms").get(inst);
            String[] row = new String[plan.itemCount()];
            if (f.has("all")) {
                java.util.Arrays.fill(row, f.get("all").asString());
            }
            for (String item : f.propertyNames()) {
                if (!item.equals("all")) {
                    row[plan.itemIndex(item)] = f.get(item).asString();
                }
            }
            forms.put(inst, plan.score(ResponseRow.of(row)));
        }
        TierDecision d = Policies.decide(policy(id), Screening.of(forms));
        JsonNode e = t.get("expected");
        assertThat(d.tier() == null ? null : d.tier().id())
                .as("tier")
                .isEqualTo(e.get("tier").isNull() ? null : e.get("tier").asString());
        if (e.has("followUps")) {
            List<String> expected = new ArrayList<>();
            e.get("followUps").forEach(x -> expected.add(x.asString()));
            assertThat(d.followUps().stream().map(Enum::name).toList())
                    .as("follow-ups")
                    .isEqualTo(expected);
        }
        List<String> fired = new ArrayList<>();
        e.get("fired").forEach(x -> fired.add(x.asString()));
        assertThat(d.fired().stream().map(r -> r.ruleId()).toList())
                .as("fired rules")
                .isEqualTo(fired);
        assertThat(d.policySha256()).hasSize(64);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ids")
    void safetyPropertiesOverRandomForms(String id) {
        DeclarativePolicy p = policy(id);
        Map<String, FormGenerator> gens = new LinkedHashMap<>();
        Map<String, ScoringPlan> plans = new LinkedHashMap<>();
        long seed = 20261123L;
        for (String inst : p.instruments()) {
            plans.put(inst, plan(inst));
            gens.put(inst, new FormGenerator(plans.get(inst), seed++));
        }
        for (int t = 0; t < 1000; t++) {
            Map<String, ScoredResponse> forms = new LinkedHashMap<>();
            for (String inst : p.instruments()) {
                forms.put(
                        inst,
                        plans.get(inst).score(ResponseRow.of(gens.get(inst).next())));
            }
            TierDecision d = Policies.decide(p, Screening.of(forms));
            boolean critical = forms.values().stream().anyMatch(ScoredResponse::anyCriticalPositive);
            boolean unscored = forms.values().stream().anyMatch(f -> f.status() != FormStatus.SCORED);
            if (critical) {
                assertThat(d.tier().severity())
                        .as("%s form set %d: positive critical item", id, t)
                        .isEqualTo(1);
            }
            if (unscored) {
                assertThat(d.noRiskIdentified())
                        .as("%s form set %d: unscored form never lowest", id, t)
                        .isFalse();
            }
            assertThat(Policies.decide(p, Screening.of(forms))).isEqualTo(d);
        }
    }
}
