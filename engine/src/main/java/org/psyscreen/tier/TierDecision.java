package org.psyscreen.tier;

import java.util.List;
import java.util.Objects;
import org.psyscreen.definition.LocalizedText;

/**
 * A decision about one student under one policy version: the tier (or none), the follow-ups the
 * student needs whatever the tier, every rule that fired (not only the winner) with the values it
 * read, the rules that could not be evaluated, and everything needed to reproduce it years later.
 *
 * <p>Invariant, checked on construction: "no risk identified" (no tier and no follow-up) is only
 * possible when every form was scored, no critical item is unknown, and the policy did not fail.
 *
 * @param tier the tier, or {@code null} when none applies ({@link #outcomeId()} says which of no risk
 *     identified and undetermined that is)
 * @param followUps follow-ups needed (empty only for a fully scored screening)
 * @param fired every rule that fired, critical rules first
 * @param unevaluated rule ids that read an unavailable value (incomplete scale, no norm, ...)
 * @param policyKey {@code id@version} of the policy
 * @param policySha256 SHA-256 of the policy file, or empty for a Java policy
 * @param normTables {@code id@version} of every norm table read
 * @param engineVersion psyscreen engine version
 */
public record TierDecision(
        Tier tier,
        List<FollowUp> followUps,
        List<RuleFiring> fired,
        List<String> unevaluated,
        String policyKey,
        String policySha256,
        List<String> normTables,
        String engineVersion) {

    /** The outcome id every output writes for "no risk identified" ({@code scores.csv}, summaries). */
    public static final String NO_RISK_ID = "none";

    /** The outcome id of a decision with no tier because a rule could not be evaluated: to review. */
    public static final String UNDETERMINED_ID = "unevaluated";

    /** The label of {@link #NO_RISK_ID}. */
    public static final LocalizedText NO_RISK_LABEL = new LocalizedText("no risk identified", "未发现风险");

    /** The label of {@link #UNDETERMINED_ID}. */
    public static final LocalizedText UNDETERMINED_LABEL =
            new LocalizedText("no tier, to be reviewed (a rule could not be evaluated)", "未定级，需复核");

    /**
     * Copies the collections; checks the parts.
     *
     * @param tier the tier, or {@code null} when none applies ({@link #outcomeId()} says which of no risk identified and undetermined that is)
     * @param followUps follow-ups needed (empty only for a fully scored screening)
     * @param fired every rule that fired, critical rules first
     * @param unevaluated rule ids that read an unavailable value (incomplete scale, no norm, ...)
     * @param policyKey {@code id@version} of the policy
     * @param policySha256 SHA-256 of the policy file, or empty for a Java policy
     * @param normTables {@code id@version} of every norm table read
     * @param engineVersion psyscreen engine version
     */
    public TierDecision {
        followUps = List.copyOf(followUps);
        fired = List.copyOf(fired);
        unevaluated = List.copyOf(unevaluated);
        normTables = List.copyOf(normTables);
        Objects.requireNonNull(policyKey, "policyKey");
        Objects.requireNonNull(policySha256, "policySha256");
        Objects.requireNonNull(engineVersion, "engineVersion");
        if (tier == null && !fired.isEmpty()) {
            throw new IllegalArgumentException("rules fired but no tier was given");
        }
    }

    /**
     * {@return true when the student gets the lowest outcome: no tier, no follow-up, and every rule evaluated} A rule that could not be evaluated (an attribute not supplied, a value unavailable) is unknown,
     * and unknown is never "no risk".
     */
    public boolean noRiskIdentified() {
        return tier == null && followUps.isEmpty() && unevaluated.isEmpty();
    }

    /**
     * {@return the outcome as one word, never blank: the tier's id, {@link #NO_RISK_ID} when
     * {@linkplain #noRiskIdentified() no risk is identified}, else {@link #UNDETERMINED_ID}}
     */
    public String outcomeId() {
        return tier != null ? tier.id() : noRiskIdentified() ? NO_RISK_ID : UNDETERMINED_ID;
    }

    /** {@return the label of {@link #outcomeId()}: the tier's, or that of no risk identified or undetermined} */
    public LocalizedText outcomeLabel() {
        return tier != null ? tier.label() : noRiskIdentified() ? NO_RISK_LABEL : UNDETERMINED_LABEL;
    }

    /** {@return the winning rule (most severe tier; first in policy order among equals), or {@code null}} */
    public RuleFiring winner() {
        return fired.stream()
                .filter(f -> f.tierId().equals(tier == null ? null : tier.id()))
                .findFirst()
                .orElse(null);
    }
}
