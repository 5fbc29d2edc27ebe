package org.psyscreen.records;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.psyscreen.diagnostic.ProblemCode;
import org.psyscreen.tier.CutoffPolicy;
import org.psyscreen.tier.DeclarativePolicy;
import org.psyscreen.tier.FollowUp;
import org.psyscreen.tier.Policies;
import org.psyscreen.tier.PolicyRule;
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
    /** The tier-count key the batch gives a header repeated inside a file (not a student). */
    static final String NOT_A_STUDENT = "repeated header (not a student)";

    private final CutoffPolicy policy;
    private final Set<String> tierIds = new HashSet<>();
    private final Set<String> ruleIds; // null: a Java policy, whose rule ids are its own
    private final Map<String, Long> outcomes = new TreeMap<>();

    DecisionCheck(CutoffPolicy policy) {
        this.policy = policy;
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
        Tier expected = Policies.tier(policy, firedTiers, followUps);
        if (!java.util.Objects.equals(expected == null ? null : expected.id(), tier)) {
            throw refused(record, "has a tier other than the one its fired rules and follow-ups give");
        }
        String outcome = tier != null
                ? tier
                : d.path("unevaluated").isEmpty() ? TierDecision.NO_RISK_ID : TierDecision.UNDETERMINED_ID;
        outcomes.merge(outcome, 1L, Long::sum);
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
