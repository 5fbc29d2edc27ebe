package org.psyscreen.tier;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.psyscreen.definition.LocalizedText;
import org.psyscreen.score.CriticalState;
import org.psyscreen.score.FormStatus;
import org.psyscreen.score.ScoredResponse;
import org.psyscreen.version.EngineVersion;

/**
 * Runs a policy safely. The engine, not the policy, handles the unsafe cases: critical items are
 * evaluated first and put the student in the most severe tier whatever the policy says; a form
 * that is not scored, a missing instrument, an unknown critical item or an unavailable norm becomes
 * a follow-up mapped to a tier by the policy; a policy that throws, returns nothing or returns a
 * tier it does not declare becomes POLICY_ERROR. A student is given the lowest outcome only when
 * every expected form was scored and nothing above applies.
 */
public final class Policies {
    private Policies() {}

    /**
     * Decides for one student: the only way a policy is run. Never throws for a policy failure: it
     * becomes a POLICY_ERROR decision in the policy's (or, failing that, the most severe) tier.
     *
     * @param policy the policy
     * @param screening the student's screening
     * @return the decision, never null
     */
    public static TierDecision decide(CutoffPolicy policy, Screening screening) {
        Tier mostSevere = mostSevere(policy); // a loop, not a stream: this runs for every student
        List<RuleFiring> fired = new ArrayList<>();
        Set<FollowUp> followUps = EnumSet.noneOf(FollowUp.class);

        // 1. Critical items, first and always.
        for (String inst : policy.instruments()) {
            ScoredResponse form = screening.forms().get(inst);
            if (form == null) {
                followUps.add(FollowUp.MISSING_INSTRUMENT);
                continue;
            }
            List<String> criticalIds = form.criticalIds();
            for (int k = 0; k < criticalIds.size(); k++) {
                String c = criticalIds.get(k);
                CriticalState state = form.critical(k); // by index: no lookup of the id per student
                if (state == CriticalState.POSITIVE) {
                    fired.add(new RuleFiring(
                            "critical:" + inst + "." + c,
                            mostSevere.id(),
                            "critical item " + inst + "." + c + " is positive",
                            "instrument definition " + form.instrumentKey(),
                            List.of(new Reading(
                                    "critical " + inst + "." + c,
                                    "POSITIVE",
                                    null,
                                    "critical " + inst + "." + c + " is POSITIVE",
                                    true)),
                            new LocalizedText(
                                    "critical item " + inst + "." + c + " is positive: most severe tier, always",
                                    "关键条目 " + inst + "." + c + " 阳性：一律最高级别")));
                } else if (state == CriticalState.UNKNOWN) {
                    followUps.add(FollowUp.CRITICAL_UNKNOWN);
                }
            }
            // 2. Forms that are not scored need follow-up.
            FormStatus st = form.status();
            if (st == FormStatus.INCOMPLETE) {
                followUps.add(FollowUp.INCOMPLETE);
            } else if (st == FormStatus.INVALID) {
                followUps.add(FollowUp.INVALID);
            } else if (st == FormStatus.NOT_ADMINISTERED) {
                followUps.add(FollowUp.NOT_ADMINISTERED);
            }
        }

        // 3. The policy's own rules, guarded.
        CutoffPolicy.Verdict verdict;
        try {
            verdict = policy.evaluate(screening);
            if (verdict == null || (verdict.tier() != null && !policy.tiers().contains(verdict.tier()))) {
                verdict = null;
            }
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            verdict = null;
        }
        List<String> unevaluated = List.of();
        List<String> normTables = List.of();
        if (verdict == null) {
            followUps.add(FollowUp.POLICY_ERROR);
        } else {
            fired.addAll(verdict.fired());
            unevaluated = verdict.unevaluated();
            normTables = verdict.normTables();
            if (verdict.normMissing()) {
                followUps.add(FollowUp.NO_NORM);
            }
        }

        // 4. The tier: the most severe of fired rules and follow-up mappings.
        List<String> firedTiers = new ArrayList<>(fired.size());
        for (RuleFiring f : fired) {
            firedTiers.add(f.tierId());
        }
        Tier tier = tier(policy, firedTiers, followUps);
        return new TierDecision(
                tier,
                List.copyOf(followUps), // an EnumSet: each once, in declaration order
                fired,
                unevaluated,
                policy.key(),
                policy.sha256(),
                normTables,
                EngineVersion.VALUE);
    }

    /**
     * The tier a decision under {@code policy} must have, given the tiers of the rules that fired and
     * the follow-ups: the most severe of them, a follow-up the policy cannot map (or a fired rule's
     * unknown tier) counting as the most severe; {@code null} when nothing fired and nothing needs
     * follow-up. The one rule {@link #decide} applies, public so that a decision read back from a file
     * can be checked against it rather than believed.
     *
     * @param policy the policy the decision was made under
     * @param firedTierIds the tier id of every rule that fired
     * @param followUps the follow-ups
     * @return the tier, or {@code null}
     */
    public static Tier tier(
            CutoffPolicy policy, java.util.Collection<String> firedTierIds, java.util.Collection<FollowUp> followUps) {
        Tier mostSevere = mostSevere(policy);
        Tier tier = null;
        for (String id : firedTierIds) {
            Tier t = policy.tier(id).orElse(null);
            tier = moreSevere(tier, t == null ? mostSevere : t);
        }
        for (FollowUp f : followUps) {
            Tier t;
            try {
                t = policy.tierFor(f);
                t = t != null && policy.tiers().contains(t) ? t : null;
            } catch (RuntimeException e) {
                t = null;
            }
            tier = moreSevere(tier, t == null ? mostSevere : t);
        }
        return tier;
    }

    /**
     * The policy's most severe tier (lowest severity number).
     *
     * @param policy a policy
     * @return its most severe tier
     * @throws java.util.NoSuchElementException when the policy has no tiers
     */
    public static Tier mostSevere(CutoffPolicy policy) {
        Tier mostSevere = null;
        for (Tier t : policy.tiers()) {
            if (mostSevere == null || t.severity() < mostSevere.severity()) {
                mostSevere = t;
            }
        }
        if (mostSevere == null) {
            throw new java.util.NoSuchElementException("policy " + policy.key() + " has no tiers");
        }
        return mostSevere;
    }

    /** The tier of {@code tiers} with this id, or {@code null}. */
    static Tier tierById(List<Tier> tiers, String id) {
        for (Tier t : tiers) {
            if (t.id().equals(id)) {
                return t;
            }
        }
        return null;
    }

    private static Tier moreSevere(Tier a, Tier b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return b.severity() < a.severity() ? b : a;
    }
}
