package org.psyscreen.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.psyscreen.definition.Numbers;
import org.psyscreen.norm.Grade;
import org.psyscreen.norm.NormTable;
import org.psyscreen.norm.Sex;
import org.psyscreen.norm.StudentProfile;
import org.psyscreen.plan.ScoringPlan;
import org.psyscreen.score.ResponseRow;
import org.psyscreen.score.ScoredResponse;
import org.psyscreen.tier.CutoffPolicy;
import org.psyscreen.tier.DeclarativePolicy;
import org.psyscreen.tier.FollowUp;
import org.psyscreen.tier.Policies;
import org.psyscreen.tier.RuleFiring;
import org.psyscreen.tier.Screening;
import org.psyscreen.tier.TierDecision;
import picocli.CommandLine.Command;
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

    @Option(names = "--policy", required = true, description = "Policy id (bundled or from a provider).")
    String policyId;

    @Parameters(paramLabel = "RECORD", description = "The student's record (YAML).")
    Path record;

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        Bundle bundle = new Bundle(ExplainCommand.class.getClassLoader());
        Map<String, NormTable> norms = bundle.norms;
        var found = bundle.policy(policyId, "explain", err);
        if (found.isEmpty()) {
            return 2;
        }
        CutoffPolicy policy = found.get();
        if (!Files.isRegularFile(record)) {
            err.println("psyscreen explain: cannot read " + record);
            return 2;
        }
        JsonNode root = YAMLMapper.builder().build().readTree(Files.readString(record));
        JsonNode s = root.path("student");
        StudentProfile student = new StudentProfile(
                s.hasNonNull("grade") ? Grade.parse(s.get("grade").asString()) : null,
                s.hasNonNull("sex") ? Sex.valueOf(s.get("sex").asString().toUpperCase(Locale.ROOT)) : null,
                s.hasNonNull("birthDate") ? LocalDate.parse(s.get("birthDate").asString()) : null,
                s.hasNonNull("testDate") ? LocalDate.parse(s.get("testDate").asString()) : null);
        Map<String, Boolean> attributes = new LinkedHashMap<>();
        root.path("attributes")
                .properties()
                .forEach(e -> attributes.put(e.getKey(), e.getValue().asBoolean()));
        Map<String, ScoredResponse> forms = new LinkedHashMap<>();
        for (var e : root.path("answers").properties()) {
            var compiled = bundle.plan(e.getKey());
            if (compiled.isEmpty()) {
                err.println("psyscreen explain: unknown instrument '" + e.getKey() + "' in " + record);
                return 2;
            }
            ScoringPlan plan = compiled.get();
            String[] row = new String[plan.itemCount()];
            for (var a : e.getValue().properties()) {
                int i = plan.itemIndex(a.getKey());
                if (i < 0) {
                    err.println("psyscreen explain: " + e.getKey() + " has no item '" + a.getKey() + "'");
                    return 2;
                }
                row[i] = a.getValue().isNull() ? null : a.getValue().asString();
            }
            forms.put(e.getKey(), plan.score(ResponseRow.of(row)));
        }
        TierDecision d = Policies.decide(policy, new Screening(forms, student, attributes, norms));
        print(out, policy, d, forms);
        out.flush();
        return 0;
    }

    private static void print(
            java.io.PrintWriter out, CutoffPolicy policy, TierDecision d, Map<String, ScoredResponse> forms) {
        if (d.tier() == null) {
            out.println("决定 Decision: 未发现风险 / no risk identified");
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
