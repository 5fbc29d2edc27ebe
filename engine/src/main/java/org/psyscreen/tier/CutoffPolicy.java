package org.psyscreen.tier;

import java.util.List;

/**
 * A regional cut-off policy. Declarative policy files and Java implementations (found through
 * {@link org.psyscreen.spi.CutoffPolicyProvider}) both implement it and produce the same
 * {@link TierDecision}.
 *
 * <p>Callers do not call {@link #evaluate} directly: {@link Policies#decide} evaluates critical items
 * first (they always win), guards against a failing or unsafe implementation, and records the
 * engine version.
 */
public interface CutoffPolicy {
    /** {@return policy id} */
    String id();

    /** {@return policy version} */
    String version();

    /** {@return region code} */
    String region();

    /** {@return the three tiers, most severe first} */
    List<Tier> tiers();

    /**
     * {@return who may record what on a warning case: for an action word (a follow-up's kind such as
     * {@code closure}, or {@code assessed}, {@code planned}, {@code reported}), the role words allowed to
     * record it; an action the map does not name keeps the records store's default} The policy file's
     * {@code caseRoles}; the engine checks only their shape, the records store their words. Empty by
     * default.
     */
    default java.util.Map<String, List<String>> caseRoles() {
        return java.util.Map.of();
    }

    /**
     * {@return the tier with id {@code id}, or empty when the policy has none of that id}
     *
     * @param id a tier id
     */
    default java.util.Optional<Tier> tier(String id) {
        return java.util.Optional.ofNullable(Policies.tierById(tiers(), id));
    }

    /** {@return the tier ids, most severe first} */
    default List<String> tierIds() {
        return tiers().stream().map(Tier::id).toList();
    }

    /**
     * {@return every outcome a decision under this policy can have, as outputs count them: the tier ids
     * most severe first, then {@link TierDecision#UNDETERMINED_ID} (no tier, but a rule could not be
     * evaluated: to be reviewed, never counted as no risk), then {@link TierDecision#NO_RISK_ID}}
     */
    default List<String> outcomeIds() {
        List<String> ids = new java.util.ArrayList<>(tierIds());
        ids.add(TierDecision.UNDETERMINED_ID);
        ids.add(TierDecision.NO_RISK_ID);
        return List.copyOf(ids);
    }

    /**
     * {@return the rank of a tier: 0 for the most severe, {@code tiers().size()} for no tier
     * ({@code null}), -1 for an id the policy does not have}
     *
     * @param tierId a tier id, or {@code null} for none
     */
    default int rank(String tierId) {
        return tierId == null ? tiers().size() : tierIds().indexOf(tierId);
    }

    /** {@return instrument ids the policy expects} */
    List<String> instruments();

    /**
     * The tier for a student whose instruments are all available; critical items have already been
     * handled. Return every rule that fired; return {@code null} tier when none did.
     *
     * @param screening the student's screening
     * @return the decision's rule part: tier (or null), fired rules, unevaluated rule ids, norm tables read
     */
    Verdict evaluate(Screening screening);

    /**
     * {@return whether this version is in force on {@code date}: decisions for a test date are made under the
     * version in force then} A Java policy with no effective dates is in force on every day.
     *
     * @param date a test date
     */
    default boolean inForceOn(java.time.LocalDate date) {
        return true;
    }

    /** {@return true when this policy has no effective dates (in force on every day)} */
    default boolean alwaysInForce() {
        return true;
    }

    /**
     * {@return the instruments as {@code id@version} where the policy pins a version (a declarative policy
     * always does), else the bare id: a front end resolves exactly these, never another version}
     */
    default List<String> instrumentKeys() {
        return instruments();
    }

    /** {@return {@code id@version}} */
    default String key() {
        return new org.psyscreen.definition.IdVersion(id(), version()).toString();
    }

    /**
     * {@return the tier for a follow-up (incomplete form, unknown critical item, ...)} Every follow-up must
     * map to a tier: an unscorable student is never left without one.
     *
     * @param followUp why the student needs follow-up
     */
    Tier tierFor(FollowUp followUp);

    /** {@return SHA-256 of the policy file; empty for Java policies} */
    default String sha256() {
        return "";
    }

    /**
     * What {@link #evaluate} found.
     *
     * @param tier the most severe tier of the fired rules, or {@code null}
     * @param fired fired rules in policy order
     * @param unevaluated rules that read an unavailable value
     * @param normTables norm tables read
     * @param normMissing whether a rule could not be evaluated because a norm did not apply
     */
    record Verdict(
            Tier tier, List<RuleFiring> fired, List<String> unevaluated, List<String> normTables, boolean normMissing) {
        /**
         * Copies the collections.
         *
         * @param tier the most severe tier of the fired rules, or {@code null}
         * @param fired fired rules in policy order
         * @param unevaluated rules that read an unavailable value
         * @param normTables norm tables read
         * @param normMissing whether a rule could not be evaluated because a norm did not apply
         */
        public Verdict {
            fired = List.copyOf(fired);
            unevaluated = List.copyOf(unevaluated);
            normTables = List.copyOf(normTables);
        }
    }
}
