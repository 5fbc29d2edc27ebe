package org.psyscreen.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.psyscreen.definition.LocalizedText;
import org.psyscreen.definition.Numbers;
import org.psyscreen.score.ScoredResponse;
import org.psyscreen.screening.ScreeningResult;
import org.psyscreen.tier.CutoffPolicy;
import org.psyscreen.tier.DeclarativePolicy;
import org.psyscreen.tier.FollowUp;
import org.psyscreen.tier.Reading;
import org.psyscreen.tier.Tier;
import org.psyscreen.tier.TierDecision;

/**
 * Why a student got their tier, as data with Chinese and English labels: the outcome, every
 * follow-up, every rule that fired with what it read (the test, the value, whether it was met, the
 * norm table), the rules that could not be evaluated, the record's problems, the forms, and the
 * policy, norm and engine versions that an auditor needs to reproduce it. Front ends render it
 * (the command line as text, a report as HTML); none decides anything from it.
 *
 * <p>It holds health data (scores, answers' consequences): show it only to people entitled to see it.
 *
 * @param outcome the tier, or none
 * @param followUps why the student needs follow-up beyond any rule
 * @param fired every rule that fired, most severe tier first, then in policy order
 * @param unevaluated ids of rules that read an unavailable value (unknown, never false)
 * @param problems the record's problems: code, field and what the code means
 * @param forms every form: status, reasons, scales and critical items
 * @param policy the policy version that decided
 * @param normTables norm tables the decision read, as {@code id@version}
 * @param engineVersion the engine that decided
 */
public record DecisionExplanation(
        Outcome outcome,
        List<Labelled> followUps,
        List<FiredRule> fired,
        List<String> unevaluated,
        List<Labelled> problems,
        List<Form> forms,
        PolicyVersion policy,
        List<String> normTables,
        String engineVersion) {

    /** The note every rendering carries. */
    public static final LocalizedText DISCLAIMER =
            new LocalizedText("This result supports trained staff; it is not a diagnosis.", "本结果支持受过培训的人员决策，不是诊断。");

    /**
     * Copies the collections; checks the parts.
     *
     * @param outcome the tier, or none
     * @param followUps why the student needs follow-up beyond any rule
     * @param fired every rule that fired, most severe tier first, then in policy order
     * @param unevaluated ids of rules that read an unavailable value (unknown, never false)
     * @param problems the record's problems: code, field and what the code means
     * @param forms every form: status, reasons, scales and critical items
     * @param policy the policy version that decided
     * @param normTables norm tables the decision read, as {@code id@version}
     * @param engineVersion the engine that decided
     */
    public DecisionExplanation {
        followUps = List.copyOf(followUps);
        fired = List.copyOf(fired);
        unevaluated = List.copyOf(unevaluated);
        problems = List.copyOf(problems);
        forms = List.copyOf(forms);
        normTables = List.copyOf(normTables);
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(policy, "policy");
    }

    /**
     * The outcome.
     *
     * @param tierId the tier's id, or {@code null}
     * @param label the tier's label, or what having no tier means
     * @param action what the tier asks staff to do, or {@code null}
     * @param noRiskIdentified no tier, no follow-up and every rule evaluated
     */
    public record Outcome(String tierId, LocalizedText label, LocalizedText action, boolean noRiskIdentified) {}

    /**
     * A code with what it means.
     *
     * @param code e.g. {@code INCOMPLETE} or {@code PSY-2106}
     * @param subject the field or form it concerns, or empty
     * @param label what it means
     */
    public record Labelled(String code, String subject, LocalizedText label) {}

    /**
     * A rule that fired.
     *
     * @param ruleId the rule
     * @param tier the tier it gives (its label)
     * @param tierId the tier's id
     * @param text what the rule says
     * @param readings what it read: test, value, met, norm table
     * @param source the citation of its threshold
     */
    public record FiredRule(
            String ruleId,
            String tierId,
            LocalizedText tier,
            LocalizedText text,
            List<Reading> readings,
            String source) {
        /**
         * Copies the collections.
         *
         * @param ruleId the rule
         * @param tierId the tier's id
         * @param tier the tier it gives (its label)
         * @param text what the rule says
         * @param readings what it read: test, value, met, norm table
         * @param source the citation of its threshold
         */
        public FiredRule {
            readings = List.copyOf(readings);
        }
    }

    /**
     * One scored form.
     *
     * @param instrument {@code id@version}
     * @param status SCORED, INCOMPLETE, INVALID or NOT_ADMINISTERED
     * @param reasons why it is not SCORED
     * @param scales each scale as {@code id value} ({@code n/a} when unscored)
     * @param critical each critical item as {@code id STATE}
     */
    public record Form(
            String instrument, String status, List<String> reasons, List<String> scales, List<String> critical) {
        /**
         * Copies the collections.
         *
         * @param instrument {@code id@version}
         * @param status SCORED, INCOMPLETE, INVALID or NOT_ADMINISTERED
         * @param reasons why it is not SCORED
         * @param scales each scale as {@code id value} ({@code n/a} when unscored)
         * @param critical each critical item as {@code id STATE}
         */
        public Form {
            reasons = List.copyOf(reasons);
            scales = List.copyOf(scales);
            critical = List.copyOf(critical);
        }
    }

    /**
     * The policy version that decided.
     *
     * @param key {@code id@version}
     * @param name its display name ({@code null} for a Java policy without one)
     * @param implementation the Java class of a policy that is not declarative, else empty
     * @param sha256 the policy file's SHA-256, or empty
     */
    public record PolicyVersion(String key, LocalizedText name, String implementation, String sha256) {}

    /**
     * Explains a screened student.
     *
     * @param r the student's screening result
     * @return the decision explained: tier, fired rules with what they read, follow-ups, unevaluated rules
     * @throws IllegalArgumentException when the student was screened without a policy
     */
    public static DecisionExplanation of(ScreeningResult r) {
        TierDecision d = r.decision()
                .orElseThrow(() -> new IllegalArgumentException("screened without a policy: nothing was decided"));
        CutoffPolicy policy = r.policy().orElseThrow();
        Outcome outcome = d.tier() == null
                ? new Outcome(null, d.outcomeLabel(), null, d.noRiskIdentified())
                : new Outcome(d.tier().id(), d.tier().label(), d.tier().action(), false);
        List<Labelled> followUps = new ArrayList<>();
        for (FollowUp f : d.followUps()) {
            followUps.add(new Labelled(f.name(), "", f.label()));
        }
        List<FiredRule> fired = new ArrayList<>();
        d.fired().stream()
                .sorted(java.util.Comparator.comparingInt(f -> severity(policy, f.tierId())))
                .forEach(f -> fired.add(new FiredRule(
                        f.ruleId(),
                        f.tierId(),
                        policy.tier(f.tierId()).map(Tier::label).orElse(new LocalizedText(f.tierId(), f.tierId())),
                        f.label(),
                        f.readings(),
                        f.source())));
        List<Labelled> problems = new ArrayList<>();
        r.problems()
                .forEach(p -> problems.add(new Labelled(
                        p.code().id(),
                        p.field(),
                        new LocalizedText(
                                p.code().summary(),
                                p.code().summaryZh() == null
                                        ? p.code().summary()
                                        : p.code().summaryZh()))));
        List<Form> forms = new ArrayList<>();
        for (ScoredResponse f : r.forms().values()) {
            List<String> scales = new ArrayList<>();
            f.scales().forEach(s -> scales.add(s.id() + " " + (s.scored() ? Numbers.format(s.value()) : "n/a")));
            List<String> critical = new ArrayList<>();
            f.criticalIds().forEach(c -> critical.add(c + " " + f.critical(c)));
            forms.add(new Form(
                    f.instrumentKey(),
                    f.status().name(),
                    f.reasons().stream().map(Object::toString).toList(),
                    scales,
                    critical));
        }
        PolicyVersion version = policy instanceof DeclarativePolicy p
                ? new PolicyVersion(d.policyKey(), p.name(), "", d.policySha256())
                : new PolicyVersion(d.policyKey(), null, policy.getClass().getName(), d.policySha256());
        return new DecisionExplanation(
                outcome,
                followUps,
                fired,
                d.unevaluated(),
                problems,
                forms,
                version,
                d.normTables(),
                d.engineVersion());
    }

    private static int severity(CutoffPolicy policy, String tierId) {
        return policy.tier(tierId).map(Tier::severity).orElse(Integer.MAX_VALUE);
    }
}
