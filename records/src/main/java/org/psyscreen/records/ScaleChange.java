package org.psyscreen.records;

/**
 * One scale between two waves: the scores, the change, and the Jacobson–Truax reliable change index
 * when the instrument definition declares a cited reliability and SD for the scale. Without them the
 * index is {@code null} and {@link #rciNote()} says why: never a guessed reliability.
 *
 * @param instrument instrument id
 * @param scale scale id
 * @param from the earlier score, or {@code null} when not scored
 * @param to the later score, or {@code null} when not scored
 * @param rci (to − from) / S_diff, S_diff = √2 · SD · √(1 − r) (Jacobson &amp; Truax 1991), or {@code null}
 * @param rciNote why there is no index, or the reliability used (kind, r, SD, citation)
 */
public record ScaleChange(String instrument, String scale, Double from, Double to, Double rci, String rciNote) {

    /** |RCI| at or above this is a reliable change at the 5% level (two-sided). */
    public static final double RELIABLE = 1.96;

    /** {@return the change, or {@code null} when either score is missing} */
    public Double change() {
        return from == null || to == null ? null : to - from;
    }

    /** {@return whether the change is reliable; {@code null} when no index could be computed} */
    public Boolean reliable() {
        return rci == null ? null : Math.abs(rci) >= RELIABLE;
    }

    /**
     * {@return the reliable change index for two scores, a reliability {@code r} and an SD}
     *
     * @param from the earlier score
     * @param to the later score
     * @param r the scale's reliability
     * @param sd the standard deviation the reliability was estimated with
     */
    public static double index(double from, double to, double r, double sd) {
        return (to - from) / (Math.sqrt(2) * sd * Math.sqrt(1 - r));
    }
}
