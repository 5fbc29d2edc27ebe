package org.psyscreen.validation;

/**
 * One item of a scale, keyed as the scale sums it, on the scale's complete respondents (its missing
 * rate counts everyone given the form).
 *
 * @param item item id
 * @param n respondents
 * @param mean mean keyed value
 * @param sd its SD (n − 1)
 * @param missingRate share of respondents given the form who did not answer it (blank, special code
 *     or invalid)
 * @param floor share at the lowest keyed value
 * @param ceiling share at the highest keyed value
 * @param correctedItemTotal correlation with the total of the other items
 * @param alphaIfDeleted alpha of the scale without it
 * @param flag {@code null}, or why the item looks mis-keyed
 */
public record ItemStatistics(
        String item,
        int n,
        double mean,
        double sd,
        double missingRate,
        double floor,
        double ceiling,
        double correctedItemTotal,
        double alphaIfDeleted,
        String flag) {

    /**
     * Below this a corrected item–total correlation is "near zero". Our screening convention, not a
     * published cut-off: item-analysis texts commonly ask for at least 0.2–0.3 of a good item; a
     * value under 0.1 in a symptom scale usually means a key is wrong.
     */
    public static final double NEAR_ZERO = 0.10;

    static String flag(double r) {
        if (Double.isNaN(r)) {
            return "no variance: every respondent gave the same answer";
        }
        if (r < 0) {
            return "negative corrected item-total correlation: probably keyed the wrong way (a reverse key missing"
                    + " or one too many)";
        }
        if (r < NEAR_ZERO) {
            return "near-zero corrected item-total correlation: check the item's key and wording";
        }
        return null;
    }
}
