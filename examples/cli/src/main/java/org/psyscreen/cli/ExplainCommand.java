package org.psyscreen.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.psyscreen.definition.Numbers;
import org.psyscreen.load.Bundle;
import org.psyscreen.norm.NormTable;
import org.psyscreen.plan.ScoringPlan;
import org.psyscreen.score.ScoredResponse;
import org.psyscreen.screening.Screener;
import org.psyscreen.screening.ScreeningResult;
import org.psyscreen.screening.StudentField;
import org.psyscreen.screening.StudentInput;
import org.psyscreen.tier.CutoffPolicy;
import org.psyscreen.tier.DeclarativePolicy;
import org.psyscreen.tier.FollowUp;
import org.psyscreen.tier.RuleFiring;
import org.psyscreen.tier.TierDecision;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * {@code psyscreen explain}: scores one student's forms, applies a policy and prints the decision and
 * why, in Chinese and English, for a counsellor. The output contains the student's answers: show it
 * only to people entitled to see them.
 */
@Command(
        name = "explain",
        mixinStandardHelpOptions = true,
        description = {
            "Scores one student's screening and prints the tier decision and why (Chinese and English): every rule"
                    + " that fired, the values it read, the policy version and the follow-ups.",
            "RECORD is a YAML file: student (grade, sex, birthDate, testDate), attributes, and answers by instrument."
        },
        footer = {
            "",
            "Examples:",
            "  psyscreen explain --policy example-a-glad-pc examples/records/synthetic-student.yaml"
        })
final class ExplainCommand implements Callable<Integer> {
    private static final Map<FollowUp, String> FOLLOW_UP_ZH = Map.of(
            FollowUp.INCOMPLETE, "问卷不完整",
            FollowUp.INVALID, "问卷无效",
            FollowUp.NOT_ADMINISTERED, "未作答",
            FollowUp.NO_NORM, "无适用常模",
            FollowUp.CRITICAL_UNKNOWN, "关键条目未作答",
            FollowUp.MISSING_INSTRUMENT, "缺少量表",
            FollowUp.POLICY_ERROR, "策略出错");

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--policy", required = true, description = "Policy id (psyscreen list shows them).")
    String policyId;

    @Mixin
    BundleOption bundleOption;

    @Parameters(paramLabel = "RECORD", description = "The student's record (YAML).")
    Path record;

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        Bundle bundle = bundleOption.load("explain", err);
        Map<String, NormTable> norms = bundle.norms();
        var found = BundleOption.policy(bundle, policyId, "explain", err);
        if (found.isEmpty()) {
            return 2;
        }
        CutoffPolicy policy = found.get();
        if (!Files.isRegularFile(record)) {
            err.println("psyscreen explain: cannot read " + record);
            return 2;
        }
        JsonNode root = YAMLMapper.builder().build().readTree(Files.readString(record));
        // The instruments the record answers, screened exactly as the batch screens a row.
        Map<String, ScoringPlan> plans = new LinkedHashMap<>();
        for (var e : root.path("answers").properties()) {
            var compiled = bundle.plan(e.getKey());
            if (compiled.isEmpty()) {
                err.println("psyscreen explain: unknown instrument '" + e.getKey() + "' in " + record);
                return 2;
            }
            plans.put(e.getKey(), compiled.get());
        }
        Screener screener = Screener.builder()
                .instruments(plans)
                .norms(norms)
                .policy(policy)
                .policyVersions(bundle.policyVersions(policy.id()))
                .build();
        StudentInput in = screener.newInput();
        JsonNode s = root.path("student");
        Map<String, StudentField> fields = new LinkedHashMap<>();
        fields.put("id", StudentField.STUDENT_ID);
        fields.put("school", StudentField.SCHOOL);
        fields.put("class", StudentField.CLASS);
        fields.put("grade", StudentField.GRADE);
        fields.put("sex", StudentField.SEX);
        fields.put("birthDate", StudentField.BIRTH_DATE);
        fields.put("testDate", StudentField.TEST_DATE);
        fields.put("region", StudentField.REGION);
        fields.forEach((name, field) -> in.set(field, text(s.get(name))));
        root.path("attributes").properties().forEach(e -> in.attribute(e.getKey(), text(e.getValue())));
        for (var e : root.path("answers").properties()) {
            for (var a : e.getValue().properties()) {
                if (screener.plan(e.getKey()).orElseThrow().itemIndex(a.getKey()) < 0) {
                    err.println("psyscreen explain: " + e.getKey() + " has no item '" + a.getKey() + "'");
                    return 2;
                }
                in.answer(e.getKey(), a.getKey(), text(a.getValue()));
            }
        }
        ScreeningResult result = in.screen();
        print(out, result.policy().orElseThrow(), result);
        out.flush();
        return 0;
    }

    /** A YAML scalar as the text a file would hold; {@code null} for absent or null. */
    private static String text(JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode() ? null : n.asString();
    }

    private static void print(java.io.PrintWriter out, CutoffPolicy policy, ScreeningResult result) {
        TierDecision d = result.decision().orElseThrow();
        Map<String, ScoredResponse> forms = result.forms();
        if (d.tier() == null && d.noRiskIdentified()) {
            out.println("决定 Decision: 未发现风险 / no risk identified");
        } else if (d.tier() == null) {
            out.println("决定 Decision: 未定级，需复核 / no tier, to be reviewed (a rule could not be evaluated)");
        } else {
            out.println("决定 Decision: " + d.tier().label().zh() + " / "
                    + d.tier().label().en());
            out.println("行动 Action:   " + d.tier().action().zh() + " / "
                    + d.tier().action().en());
        }
        if (!d.followUps().isEmpty()) {
            out.println("需跟进 Follow-up:");
            for (FollowUp f : d.followUps()) {
                out.println("  - " + FOLLOW_UP_ZH.get(f) + " / " + f.name());
            }
        }
        out.println("触发的规则 Rules that fired:" + (d.fired().isEmpty() ? " 无 / none" : ""));
        int n = 1;
        for (RuleFiring f : d.fired()) {
            String tierLabel = policy.tiers().stream()
                    .filter(t -> t.id().equals(f.tierId()))
                    .findFirst()
                    .map(t -> t.label().zh() + " / " + t.label().en())
                    .orElse(f.tierId());
            out.println("  " + n++ + ". " + f.ruleId() + " -> " + tierLabel);
            out.println("     " + f.description());
            f.readings().forEach(r -> out.println("     读取 read: " + r));
            out.println("     依据 source: " + f.source());
        }
        if (!d.unevaluated().isEmpty()) {
            out.println("未能评估 Could not evaluate (a value was unavailable): " + String.join(", ", d.unevaluated()));
        }
        if (!result.problems().isEmpty()) {
            out.println("记录问题 Record problems:");
            result.problems()
                    .forEach(p -> out.println("  - " + p + " — " + p.code().summary()));
        }
        out.println("量表 Forms:");
        for (var e : forms.entrySet()) {
            ScoredResponse r = e.getValue();
            StringBuilder sb = new StringBuilder("  " + r.instrumentKey() + " " + r.status());
            r.scales()
                    .forEach(sc -> sb.append(", ")
                            .append(sc.id())
                            .append(' ')
                            .append(sc.scored() ? Numbers.format(sc.value()) : "n/a"));
            r.criticalIds()
                    .forEach(c -> sb.append(", critical ").append(c).append(' ').append(r.critical(c)));
            if (!r.reasons().isEmpty()) {
                sb.append(" (").append(r.reasons()).append(')');
            }
            out.println(sb);
        }
        String name = policy instanceof DeclarativePolicy p
                ? p.name().zh() + " / " + p.name().en()
                : policy.getClass().getName();
        out.println("策略 Policy: " + d.policyKey() + " — " + name);
        if (!d.policySha256().isEmpty()) {
            out.println("             sha256 " + d.policySha256());
        }
        if (!d.normTables().isEmpty()) {
            out.println("常模 Norms: " + String.join(", ", d.normTables()));
        }
        out.println("引擎 Engine: psyscreen " + d.engineVersion());
        out.println("本结果支持受过培训的人员决策，不是诊断。 This result supports trained staff; it is not a diagnosis.");
    }
}
