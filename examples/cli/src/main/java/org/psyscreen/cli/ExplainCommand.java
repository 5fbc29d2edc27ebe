package org.psyscreen.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.psyscreen.explain.DecisionExplanation;
import org.psyscreen.load.Bundle;
import org.psyscreen.norm.NormTable;
import org.psyscreen.plan.ScoringPlan;
import org.psyscreen.screening.Screener;
import org.psyscreen.screening.StudentField;
import org.psyscreen.screening.StudentInput;
import org.psyscreen.tier.CutoffPolicy;
import org.psyscreen.tier.Reading;
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
        if (Files.size(record) > 1024 * 1024) {
            err.println("psyscreen explain: " + record + " is larger than 1 MiB: not one student's record");
            return 2;
        }
        JsonNode root;
        try {
            root = YAMLMapper.builder().build().readTree(Files.readString(record));
        } catch (tools.jackson.core.JacksonException | java.nio.charset.MalformedInputException e) {
            // The parser's message may quote the record (answers): give the place only.
            String where = e instanceof tools.jackson.core.JacksonException j && j.getLocation() != null
                    ? ":" + j.getLocation().getLineNr() + ":" + j.getLocation().getColumnNr()
                    : "";
            err.println("psyscreen explain: " + record + where + ": not a readable YAML record (check the syntax"
                    + " there; the file must be UTF-8)");
            return 2;
        }
        // The instruments the policy pins (one the record does not answer is a blank form, as a blank
        // column is in the batch), and any other the record answers, screened as the batch screens a row.
        Optional<Map<String, ScoringPlan>> pinned = BundleOption.plans(bundle, policy, "explain", err);
        if (pinned.isEmpty()) {
            return 2;
        }
        Map<String, ScoringPlan> plans = new LinkedHashMap<>(pinned.get());
        for (var e : root.path("answers").properties()) {
            if (plans.containsKey(e.getKey())) {
                continue;
            }
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
        print(out, DecisionExplanation.of(in.screen()));
        out.flush();
        return 0;
    }

    /** A YAML scalar as the text a file would hold; {@code null} for absent or null. */
    private static String text(JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode() ? null : n.asString();
    }

    /** Renders the engine's explanation as text; every fact and label comes from the engine. */
    private static void print(java.io.PrintWriter out, DecisionExplanation e) {
        out.println("决定 Decision: " + both(e.outcome().label()));
        if (e.outcome().action() != null) {
            out.println("行动 Action:   " + both(e.outcome().action()));
        }
        if (!e.followUps().isEmpty()) {
            out.println("需跟进 Follow-up:");
            e.followUps().forEach(f -> out.println("  - " + f.label().zh() + " / " + f.code()));
        }
        out.println("触发的规则 Rules that fired:" + (e.fired().isEmpty() ? " 无 / none" : ""));
        int n = 1;
        for (DecisionExplanation.FiredRule f : e.fired()) {
            out.println("  " + n++ + ". " + f.ruleId() + " -> " + both(f.tier()));
            out.println("     " + f.text().en()
                    + (f.text().zh().equals(f.text().en())
                            ? ""
                            : " / " + f.text().zh()));
            for (Reading r : f.readings()) {
                out.println("     读取 read: " + r + (r.test().isEmpty() ? "" : "  (" + r.test() + ": " + met(r) + ")"));
            }
            out.println("     依据 source: " + f.source());
        }
        if (!e.unevaluated().isEmpty()) {
            out.println("未能评估 Could not evaluate (a value was unavailable): " + String.join(", ", e.unevaluated()));
        }
        if (!e.problems().isEmpty()) {
            out.println("记录问题 Record problems:");
            e.problems()
                    .forEach(
                            p -> out.println("  - " + p.code() + (p.subject().isEmpty() ? "" : " (" + p.subject() + ")")
                                    + " — " + p.label().zh() + " / " + p.label().en()));
        }
        out.println("量表 Forms:");
        for (DecisionExplanation.Form f : e.forms()) {
            StringBuilder sb = new StringBuilder("  " + f.instrument() + " " + f.status());
            f.scales().forEach(x -> sb.append(", ").append(x));
            f.critical().forEach(c -> sb.append(", critical ").append(c));
            if (!f.reasons().isEmpty()) {
                sb.append(" (").append(f.reasons()).append(')');
            }
            out.println(sb);
        }
        var p = e.policy();
        out.println("策略 Policy: " + p.key() + " — " + (p.name() == null ? p.implementation() : both(p.name())));
        if (!p.sha256().isEmpty()) {
            out.println("             sha256 " + p.sha256());
        }
        if (!e.normTables().isEmpty()) {
            out.println("常模 Norms: " + String.join(", ", e.normTables()));
        }
        out.println("引擎 Engine: psyscreen " + e.engineVersion());
        out.println(DecisionExplanation.DISCLAIMER.zh() + " " + DecisionExplanation.DISCLAIMER.en());
    }

    private static String both(org.psyscreen.definition.LocalizedText t) {
        return t.zh() + " / " + t.en();
    }

    private static String met(Reading r) {
        return r.met() == null ? "未知 unknown" : r.met() ? "满足 met" : "未满足 not met";
    }
}
