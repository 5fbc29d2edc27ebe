package org.psyscreen.score;

/**
 * One scale's result.
 *
 * @param id scale id
 * @param status scored or incomplete
 * @param value the score; {@code NaN} when incomplete
 * @param answered members that contributed (items answered, or components scored)
 * @param missing members missing (blank, special, invalid, or incomplete components)
 * @param prorated whether the value was prorated to the full member count
 */
public record ScaleScore(String id, ScaleStatus status, double value, int answered, int missing, boolean prorated) {

    /** {@return true when the scale has a value} */
    public boolean scored() {
        return status == ScaleStatus.SCORED;
    }
}
