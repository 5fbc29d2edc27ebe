package org.psyscreen.records;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.psyscreen.batch.ScoresJsonl;
import org.psyscreen.plan.ScoringPlan;
import org.psyscreen.score.ScoredResponse;
import org.psyscreen.student.StudentProfile;
import org.psyscreen.tier.CutoffPolicy;
import org.psyscreen.tier.DeclarativePolicy;
import org.psyscreen.tier.FollowUp;
import org.psyscreen.tier.Policies;
import org.psyscreen.tier.PolicyRule;
import org.psyscreen.tier.Screening;
import org.psyscreen.tier.Tier;

/**
 * A decision read back from {@code scores.jsonl} is checked, never believed: against the policy it
 * names (loaded from the bundle, by id, version and SHA-256) and against the facts the same record
 * holds. A positive critical item must have fired its rule and put the student in the most severe
 * tier; an unknown critical item and every form that is not scored must have their follow-ups; every
 * tier and rule must be the policy's; and the tier must be the one {@link Policies#tier} gives for the
 * rules that fired and the follow-ups. The outcomes are counted, and the run's {@code summary.json}
 * must count the same. A record that fails is named by its number, never by its content.
 */
final class DecisionCheck {
    /** The tier-count key the batch gives a header repeated inside a file (not a student). */
    static final String NOT_A_STUDENT = "repeated header (not a student)";

    private final CutoffPolicy policy;
    private final Set<String> tierIds = new HashSet<>();
    private final Set<String> ruleIds; // null: a Java policy, whose rule ids are its own
    private final Map<String, Long> outcomes = new TreeMap<>();

    private final Map<String, ScoringPlan> plans;

    DecisionCheck(CutoffPolicy policy, Map<String, ScoringPlan> plans) {
        this.policy = policy;
        this.plans = plans;
        policy.tiers().forEach(t -> tierIds.add(t.id()));
        if (policy instanceof DeclarativePolicy d) {
            ruleIds = new HashSet<>();
            for (PolicyRule r : d.rules()) {
                ruleIds.add(r.id());
            }
        } else {
            ruleIds = null;
        }
    }

    /** Checks one record's decision and counts its outcome. */
    void check(ScoresJsonl.Entry n) {
        long record = n.record();
        if (n.repeatedHeader()) {
            outcomes.merge(NOT_A_STUDENT, 1L, Long::sum);
            return;
        }
        ScoresJsonl.Decision d = n.decision();
        if (d == null) {
            throw refused(record, "has no decision");
        }
        if (!d.policy().equals(policy.key())
                || (!policy.sha256().isEmpty() && !d.policySha256().equals(policy.sha256()))) {
            throw refused(record, "was decided under another policy, or another content of " + policy.key());
        }
        String tier = d.tier();
        if (tier != null && !tierIds.contains(tier)) {
            throw refused(record, "names a tier the policy does not have");
        }
        List<String> firedRules = new ArrayList<>();
        List<String> firedTiers = new ArrayList<>();
        for (ScoresJsonl.Firing f : d.fired()) {
            if (!tierIds.contains(f.tier())) {
                throw refused(record, "has a fired rule whose tier the policy does not have");
            }
            if (!f.rule().startsWith("critical:") && ruleIds != null && !ruleIds.contains(f.rule())) {
                throw refused(record, "has a fired rule the policy does not have");
            }
            firedRules.add(f.rule());
            firedTiers.add(f.tier());
        }
        Set<FollowUp> followUps = new LinkedHashSet<>(d.followUps());
        Set<FollowUp> needed = new HashSet<>();
        Tier mostSevere = Policies.mostSevere(policy);
        for (String instrument : policy.instruments()) {
            ScoresJsonl.Form form = n.forms().get(instrument);
            if (form == null) {
                needed.add(FollowUp.MISSING_INSTRUMENT);
                continue;
            }
            switch (form.status()) {
                case SCORED -> {}
                case INCOMPLETE -> needed.add(FollowUp.INCOMPLETE);
                case INVALID -> needed.add(FollowUp.INVALID);
                case NOT_ADMINISTERED -> needed.add(FollowUp.NOT_ADMINISTERED);
            }
            for (var c : form.critical().entrySet()) {
                switch (c.getValue()) {
                    case POSITIVE -> {
                        if (!firedRules.contains("critical:" + instrument + "." + c.getKey())
                                || !mostSevere.id().equals(tier)) {
                            throw refused(record, "has a positive critical item but not the most severe tier");
                        }
                    }
                    case UNKNOWN -> needed.add(FollowUp.CRITICAL_UNKNOWN);
                    case NEGATIVE -> {}
                }
            }
        }
        if (!followUps.containsAll(needed)) {
            throw refused(
                    record, "lacks the follow-up its own forms need (an unscored form or an unknown critical item)");
        }
        rederive(n, firedRules);
        Tier expected = Policies.tier(policy, firedTiers, followUps);
        if (!java.util.Objects.equals(expected == null ? null : expected.id(), tier)) {
            throw refused(record, "has a tier other than the one its fired rules and follow-ups give");
        }
        outcomes.merge(d.outcomeId(), 1L, Long::sum);
    }

    /**
     * Runs the policy's own rules again on what the record holds (statuses, scale values, critical
     * items; answers, attributes and norms are not in the audit trail, so a rule reading them is
     * UNKNOWN). A rule that now fires must have fired; a rule recorded as fired must fire again, or be
     * one that cannot be re-derived from the record (UNKNOWN now).
     */
    private void rederive(ScoresJsonl.Entry n, List<String> firedRules) {
        long record = n.record();
        Map<String, ScoredResponse> forms = new java.util.LinkedHashMap<>();
        for (String instrument : policy.instruments()) {
            ScoresJsonl.Form form = n.forms().get(instrument);
            ScoringPlan plan = plans.get(instrument);
            if (form == null || plan == null || !plan.key().equals(form.instrument())) {
                return; // another version than the policy pins: the definitions' check refuses it elsewhere
            }
            Map<String, Double> scales = new java.util.HashMap<>();
            form.scales().forEach((scale, value) -> {
                if (!Double.isNaN(value)) {
                    scales.put(scale, value);
                }
            });
            try {
                forms.put(instrument, plan.recorded(form.status(), form.reasons(), scales, form.critical()));
            } catch (IllegalArgumentException e) {
                throw refused(record, "has a form whose status and reasons contradict each other");
            }
        }
        CutoffPolicy.Verdict again;
        try {
            again = policy.evaluate(
                    new Screening(forms, new StudentProfile(null, null, null, null), Map.of(), Map.of()));
        } catch (RuntimeException e) {
            return; // a Java policy that cannot run on a record without answers: nothing to compare
        }
        if (again == null) {
            return;
        }
        Set<String> now = new HashSet<>();
        again.fired().forEach(f -> now.add(f.ruleId()));
        for (String rule : now) {
            if (!firedRules.contains(rule)) {
                throw refused(record, "lacks a rule its own scores fire");
            }
        }
        for (String rule : firedRules) {
            if (!rule.startsWith("critical:")
                    && !now.contains(rule)
                    && !again.unevaluated().contains(rule)) {
                throw refused(record, "has a fired rule its own scores do not fire");
            }
        }
    }

    /** Refuses the run unless {@code summary.json}'s tier counts are the ones counted here. */
    void checkCounts(Map<String, Long> tierCounts) {
        Map<String, Long> said = new TreeMap<>();
        tierCounts.forEach((outcome, count) -> {
            if (count != 0) {
                said.put(outcome, count);
            }
        });
        if (!said.equals(outcomes)) {
            throw new RecordStoreException("summary.json's tierCounts " + said + " differ from the decisions in"
                    + " scores.jsonl " + outcomes + ": the run folder was damaged or edited; score the file again");
        }
    }

    private static RecordStoreException refused(long record, String what) {
        return new RecordStoreException("scores.jsonl record " + record + " " + what
                + ": a decision is checked against its policy and its own record, never believed; the run folder"
                + " was damaged or edited — score the file again; nothing was imported");
    }
}
