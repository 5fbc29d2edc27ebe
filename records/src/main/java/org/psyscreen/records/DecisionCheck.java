package org.psyscreen.records;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.psyscreen.diagnostic.ProblemCode;
import org.psyscreen.plan.ScoringPlan;
import org.psyscreen.score.CriticalState;
import org.psyscreen.score.FormStatus;
import org.psyscreen.score.ScoredResponse;
import org.psyscreen.score.StatusReason;
import org.psyscreen.student.StudentProfile;
import org.psyscreen.tier.CutoffPolicy;
import org.psyscreen.tier.DeclarativePolicy;
import org.psyscreen.tier.FollowUp;
import org.psyscreen.tier.Policies;
import org.psyscreen.tier.PolicyRule;
import org.psyscreen.tier.Screening;
import org.psyscreen.tier.Tier;
import org.psyscreen.tier.TierDecision;
import tools.jackson.databind.JsonNode;

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
    /** A status reason as scores.jsonl writes it: {@code CODE(subject)}. */
    private static final java.util.regex.Pattern REASON = java.util.regex.Pattern.compile("([A-Z_]+)\\((.*)\\)");

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
    void check(long record, JsonNode n) {
        if (n.path("problems").toString().contains(ProblemCode.ROW_HEADER_REPEATED.id())) {
            outcomes.merge(NOT_A_STUDENT, 1L, Long::sum);
            return;
        }
        JsonNode d = n.path("decision");
        if (!d.isObject()) {
            throw refused(record, "has no decision");
        }
        if (!d.path("policy").asString("").equals(policy.key())
                || (!policy.sha256().isEmpty()
                        && !d.path("policySha256").asString("").equals(policy.sha256()))) {
            throw refused(record, "was decided under another policy, or another content of " + policy.key());
        }
        JsonNode tierNode = d.path("tier");
        String tier = tierNode.isString() ? tierNode.asString() : null;
        if (!tierNode.isNull() && !tierNode.isMissingNode() && !tierNode.isString()) {
            throw refused(record, "has a tier that is not a tier id");
        }
        if (tier != null && !tierIds.contains(tier)) {
            throw refused(record, "names a tier the policy does not have");
        }
        List<String> firedRules = new ArrayList<>();
        List<String> firedTiers = new ArrayList<>();
        for (JsonNode f : d.path("fired")) {
            String rule = f.path("rule").asString("");
            String t = f.path("tier").asString("");
            if (!tierIds.contains(t)) {
                throw refused(record, "has a fired rule whose tier the policy does not have");
            }
            if (!rule.startsWith("critical:") && ruleIds != null && !ruleIds.contains(rule)) {
                throw refused(record, "has a fired rule the policy does not have");
            }
            firedRules.add(rule);
            firedTiers.add(t);
        }
        Set<FollowUp> followUps = new LinkedHashSet<>();
        for (JsonNode f : d.path("followUps")) {
            try {
                followUps.add(FollowUp.valueOf(f.asString("")));
            } catch (IllegalArgumentException e) {
                throw refused(record, "has a follow-up psyscreen does not know");
            }
        }
        Set<FollowUp> needed = new HashSet<>();
        Tier mostSevere = Policies.mostSevere(policy);
        for (String instrument : policy.instruments()) {
            JsonNode form = n.path("forms").path(instrument);
            if (!form.isObject()) {
                needed.add(FollowUp.MISSING_INSTRUMENT);
                continue;
            }
            switch (form.path("status").asString("")) {
                case "SCORED" -> {}
                case "INCOMPLETE" -> needed.add(FollowUp.INCOMPLETE);
                case "INVALID" -> needed.add(FollowUp.INVALID);
                case "NOT_ADMINISTERED" -> needed.add(FollowUp.NOT_ADMINISTERED);
                default -> throw refused(record, "has a form status psyscreen does not know");
            }
            for (var c : form.path("critical").properties()) {
                switch (c.getValue().asString("")) {
                    case "POSITIVE" -> {
                        if (!firedRules.contains("critical:" + instrument + "." + c.getKey())
                                || !mostSevere.id().equals(tier)) {
                            throw refused(record, "has a positive critical item but not the most severe tier");
                        }
                    }
                    case "UNKNOWN" -> needed.add(FollowUp.CRITICAL_UNKNOWN);
                    case "NEGATIVE" -> {}
                    default -> throw refused(record, "has a critical item state psyscreen does not know");
                }
            }
        }
        if (!followUps.containsAll(needed)) {
            throw refused(
                    record, "lacks the follow-up its own forms need (an unscored form or an unknown critical item)");
        }
        rederive(record, n, firedRules);
        Tier expected = Policies.tier(policy, firedTiers, followUps);
        if (!java.util.Objects.equals(expected == null ? null : expected.id(), tier)) {
            throw refused(record, "has a tier other than the one its fired rules and follow-ups give");
        }
        String outcome = tier != null
                ? tier
                : d.path("unevaluated").isEmpty() ? TierDecision.NO_RISK_ID : TierDecision.UNDETERMINED_ID;
        outcomes.merge(outcome, 1L, Long::sum);
    }

    /**
     * Runs the policy's own rules again on what the record holds (statuses, scale values, critical
     * items; answers, attributes and norms are not in the audit trail, so a rule reading them is
     * UNKNOWN). A rule that now fires must have fired; a rule recorded as fired must fire again, or be
     * one that cannot be re-derived from the record (UNKNOWN now).
     */
    private void rederive(long record, JsonNode n, List<String> firedRules) {
        Map<String, ScoredResponse> forms = new java.util.LinkedHashMap<>();
        for (String instrument : policy.instruments()) {
            JsonNode form = n.path("forms").path(instrument);
            ScoringPlan plan = plans.get(instrument);
            if (!form.isObject()
                    || plan == null
                    || !plan.key().equals(form.path("instrument").asString(""))) {
                return; // another version than the policy pins: the definitions' check refuses it elsewhere
            }
            Map<String, Double> scales = new java.util.HashMap<>();
            for (var s : form.path("scales").properties()) {
                if (s.getValue().isNumber()) {
                    scales.put(s.getKey(), s.getValue().asDouble());
                }
            }
            Map<String, CriticalState> critical = new java.util.HashMap<>();
            for (var c : form.path("critical").properties()) {
                critical.put(c.getKey(), CriticalState.valueOf(c.getValue().asString("UNKNOWN")));
            }
            List<StatusReason> reasons = new ArrayList<>();
            for (JsonNode r : form.path("reasons")) {
                var m = REASON.matcher(r.asString(""));
                if (!m.matches()) {
                    throw refused(record, "has a form reason psyscreen does not write");
                }
                try {
                    reasons.add(new StatusReason(StatusReason.Code.valueOf(m.group(1)), m.group(2)));
                } catch (IllegalArgumentException e) {
                    throw refused(record, "has a form reason psyscreen does not know");
                }
            }
            try {
                forms.put(
                        instrument,
                        plan.recorded(FormStatus.valueOf(form.path("status").asString()), reasons, scales, critical));
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
    void checkCounts(JsonNode tierCounts) {
        Map<String, Long> said = new TreeMap<>();
        for (var e : tierCounts.properties()) {
            if (!e.getValue().isIntegralNumber()) {
                throw new RecordStoreException("summary.json's tierCounts are damaged; nothing was imported");
            }
            if (e.getValue().asLong() != 0) {
                said.put(e.getKey(), e.getValue().asLong());
            }
        }
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
