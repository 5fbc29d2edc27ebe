package org.psyscreen.score;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The immutable result of scoring one form: the status with its reasons, every scale, every
 * critical item, every validity check, and each item's answer state and raw value (tier policies
 * may read items). {@link #toString()} prints no answer and no score.
 *
 * <p>Created only by {@link org.psyscreen.plan.ScoringPlan#score} (the constructor takes the plan's
 * raw arrays unchecked, so it is not public).
 */
public final class ScoredResponse {
    private static final AnswerState[] ANSWER_STATES = AnswerState.values();
    private static final CriticalState[] CRITICAL_STATES = CriticalState.values();

    private final String instrumentKey;
    private final List<String> itemIds;
    private final List<String> scaleIds;
    private final List<String> criticalIds;
    private final List<String> validityIds;
    private final byte[] itemState;
    private final int[] itemRaw;
    private final double[] scaleValue;
    private final int[] scaleAnswered;
    private final int[] scaleMissing;
    private final boolean[] scaleProrated;
    private final byte[] critical;
    private final double[] validityMeasure;
    private final boolean[] validityFired;
    private final FormStatus status;
    private final List<StatusReason> reasons;
    /** Per scale, its severity levels or {@code null}; the plan's list, shared by every result. */
    private final List<org.psyscreen.definition.SeverityBands> bands;

    static {
        org.psyscreen.internal.access.Construct.register(ScoredResponse::new);
    }

    /**
     * For scoring plans. Array indexes follow the id lists; a scale is scored exactly when its
     * value is not NaN.
     */
    ScoredResponse(
            String instrumentKey,
            List<String> itemIds,
            List<String> scaleIds,
            List<String> criticalIds,
            List<String> validityIds,
            byte[] itemState,
            int[] itemRaw,
            double[] scaleValue,
            int[] scaleAnswered,
            int[] scaleMissing,
            boolean[] scaleProrated,
            byte[] critical,
            double[] validityMeasure,
            boolean[] validityFired,
            FormStatus status,
            List<StatusReason> reasons,
            List<org.psyscreen.definition.SeverityBands> bands) {
        this.instrumentKey = Objects.requireNonNull(instrumentKey);
        this.itemIds = itemIds;
        this.scaleIds = scaleIds;
        this.criticalIds = criticalIds;
        this.validityIds = validityIds;
        this.itemState = itemState;
        this.itemRaw = itemRaw;
        this.scaleValue = scaleValue;
        this.scaleAnswered = scaleAnswered;
        this.scaleMissing = scaleMissing;
        this.scaleProrated = scaleProrated;
        this.critical = critical;
        this.validityMeasure = validityMeasure;
        this.validityFired = validityFired;
        this.status = Objects.requireNonNull(status);
        this.reasons = List.copyOf(reasons);
        this.bands = bands;
        if (itemState.length != itemIds.size()
                || itemRaw.length != itemIds.size()
                || scaleValue.length != scaleIds.size()
                || scaleAnswered.length != scaleIds.size()
                || scaleMissing.length != scaleIds.size()
                || scaleProrated.length != scaleIds.size()
                || critical.length != criticalIds.size()
                || validityMeasure.length != validityIds.size()
                || validityFired.length != validityIds.size()
                || bands.size() != scaleIds.size()) {
            throw new IllegalArgumentException("array lengths do not match the id lists");
        }
        if ((status == FormStatus.SCORED) != this.reasons.isEmpty()) {
            throw new IllegalArgumentException("a form is SCORED exactly when it has no status reason");
        }
    }

    /**
     * {@return the published severity level of scale {@code s}'s score, or empty when the scale declares
     * none or has no score} The exact score decides it, as it decides tiers.
     *
     * @param s the scale's index
     */
    public java.util.Optional<org.psyscreen.definition.SeverityBand> band(int s) {
        var b = bands.get(s);
        return b == null ? java.util.Optional.empty() : java.util.Optional.ofNullable(b.levelOf(scaleValue[s]));
    }

    /**
     * {@return whether scale {@code s} declares severity levels}
     *
     * @param s the scale's index
     */
    public boolean hasBands(int s) {
        return bands.get(s) != null;
    }

    /**
     * {@return the published severity level of a scale's score, or empty when it declares none or has
     * no score}
     *
     * @param scaleId the scale's id
     */
    public java.util.Optional<org.psyscreen.definition.SeverityBand> band(String scaleId) {
        int s = scaleIds.indexOf(scaleId);
        if (s < 0) {
            throw new IllegalArgumentException("no scale '" + scaleId + "' in " + instrumentKey);
        }
        return band(s);
    }

    /** {@return {@code id@version} of the instrument} */
    public String instrumentKey() {
        return instrumentKey;
    }

    /** {@return the form's status} */
    public FormStatus status() {
        return status;
    }

    /** {@return why the form is not SCORED (empty when it is), in plan order} */
    public List<StatusReason> reasons() {
        return reasons;
    }

    /** {@return scale ids, in definition order} */
    public List<String> scaleIds() {
        return scaleIds;
    }

    /** {@return every scale, in definition order} */
    public List<ScaleScore> scales() {
        List<ScaleScore> out = new ArrayList<>(scaleIds.size());
        for (int s = 0; s < scaleIds.size(); s++) {
            out.add(scale(s));
        }
        return out;
    }

    /**
     * {@return scale by index}
     *
     * @param s the scale's index
     */
    public ScaleScore scale(int s) {
        boolean scored = !Double.isNaN(scaleValue[s]);
        return new ScaleScore(
                scaleIds.get(s),
                scored ? ScaleStatus.SCORED : ScaleStatus.INCOMPLETE,
                scaleValue[s],
                scaleAnswered[s],
                scaleMissing[s],
                scaleProrated[s]);
    }

    /**
     * {@return scale by id}
     *
     * @param id the scale's id
     */
    public ScaleScore scale(String id) {
        return scale(index(scaleIds, id, "scale"));
    }

    /**
     * {@return the score of a scale by id, NaN when incomplete; no allocation (for hot paths)}
     *
     * @param id the scale's id
     */
    public double scaleValue(String id) {
        return scaleValue[index(scaleIds, id, "scale")];
    }

    /**
     * {@return the score of a scale, NaN when incomplete; no allocation (for hot paths)}
     *
     * @param s the scale's index
     */
    public double scaleValue(int s) {
        return scaleValue[s];
    }

    /** {@return critical-item ids, in definition order} */
    public List<String> criticalIds() {
        return criticalIds;
    }

    /**
     * {@return state of a critical item by index}
     *
     * @param k the critical item's index
     */
    public CriticalState critical(int k) {
        return CRITICAL_STATES[critical[k]];
    }

    /**
     * {@return state of a critical item by id}
     *
     * @param id the critical item's id
     */
    public CriticalState critical(String id) {
        return critical(index(criticalIds, id, "critical item"));
    }

    /** {@return true when any critical item is positive} */
    public boolean anyCriticalPositive() {
        for (byte b : critical) {
            if (b == CriticalState.POSITIVE.ordinal()) {
                return true;
            }
        }
        return false;
    }

    /** {@return validity-check ids, in definition order} */
    public List<String> validityIds() {
        return validityIds;
    }

    /**
     * {@return whether a validity check fired}
     *
     * @param id the validity check's id
     */
    public boolean validityFired(String id) {
        return validityFired[index(validityIds, id, "validity check")];
    }

    /**
     * {@return the measure a validity check read (lie score, inconsistent pairs, run length); NaN if not evaluable}
     *
     * @param id the validity check's id
     */
    public double validityMeasure(String id) {
        return validityMeasure[index(validityIds, id, "validity check")];
    }

    /** {@return item ids, in form order} */
    public List<String> itemIds() {
        return itemIds;
    }

    /**
     * {@return what an item's answer was}
     *
     * @param item the item's id
     */
    public AnswerState answerState(String item) {
        return ANSWER_STATES[itemState[index(itemIds, item, "item")]];
    }

    /**
     * {@return what an item's answer was, by index in form order; no allocation (for hot paths)}
     *
     * @param item the item's index in form order
     */
    public AnswerState answerState(int item) {
        return ANSWER_STATES[itemState[item]];
    }

    /**
     * {@return the raw value of item {@code item} (index in form order) when its state is ANSWERED; otherwise
     * meaningless} No allocation (for hot paths).
     *
     * @param item the item's index in form order
     */
    public int rawValueAt(int item) {
        return itemRaw[item];
    }

    /**
     * {@return the raw value of an answered item; empty when blank, special or invalid}
     *
     * @param item the item's id
     */
    public OptionalInt rawValue(String item) {
        int i = index(itemIds, item, "item");
        return itemState[i] == AnswerState.ANSWERED.ordinal() ? OptionalInt.of(itemRaw[i]) : OptionalInt.empty();
    }

    private static int index(List<String> ids, String id, String what) {
        int i = ids.indexOf(id);
        if (i < 0) {
            throw new IllegalArgumentException("no " + what + " '" + id + "' in this instrument");
        }
        return i;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScoredResponse r
                && instrumentKey.equals(r.instrumentKey)
                && status == r.status
                && reasons.equals(r.reasons)
                && Arrays.equals(itemState, r.itemState)
                && Arrays.equals(itemRaw, r.itemRaw)
                && Arrays.equals(scaleValue, r.scaleValue)
                && Arrays.equals(scaleAnswered, r.scaleAnswered)
                && Arrays.equals(scaleMissing, r.scaleMissing)
                && Arrays.equals(scaleProrated, r.scaleProrated)
                && Arrays.equals(critical, r.critical)
                && Arrays.equals(validityMeasure, r.validityMeasure)
                && Arrays.equals(validityFired, r.validityFired);
    }

    @Override
    public int hashCode() {
        return Objects.hash(instrumentKey, status, Arrays.hashCode(itemRaw), Arrays.hashCode(scaleValue));
    }

    /** Instrument and status only: answers and scores are health data and stay out of logs. */
    @Override
    public String toString() {
        return "ScoredResponse[" + instrumentKey + ", " + status + "]";
    }
}
