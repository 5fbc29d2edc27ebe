package org.psyscreen.norm;

import java.util.List;

/**
 * The outcome of one norm lookup: a T-score and percentile from exactly one cell, or the reason
 * there is none. Either way it names the table used, so every later decision can cite it.
 */
public sealed interface NormResult permits NormResult.Normed, NormResult.NoNorm {

    /** {@return {@code id@version} of the table} */
    String tableKey();

    /**
     * Warnings about the student's data that did not prevent the lookup, e.g. an implausible age.
     *
     * @return the warnings, empty when none
     */
    List<String> flags();

    /**
     * A standard score.
     *
     * @param tableKey table used
     * @param groupId the group (cell) used
     * @param raw the raw score looked up
     * @param t reported T-score (rounded as the table says)
     * @param percentile reported percentile (rounded as the table says)
     * @param tExact T before rounding (parametric; equals {@code t} for lookup tables)
     * @param percentileExact percentile before rounding
     * @param verified whether the table's numbers were checked against the publication
     * @param synthetic whether the table is synthetic (never for decisions)
     * @param flags data warnings
     */
    record Normed(
            String tableKey,
            String groupId,
            double raw,
            double t,
            double percentile,
            double tExact,
            double percentileExact,
            boolean verified,
            boolean synthetic,
            List<String> flags)
            implements NormResult {
        /**
         * Copies the collections.
         *
         * @param tableKey table used
         * @param groupId the group (cell) used
         * @param raw the raw score looked up
         * @param t reported T-score (rounded as the table says)
         * @param percentile reported percentile (rounded as the table says)
         * @param tExact T before rounding (parametric; equals {@code t} for lookup tables)
         * @param percentileExact percentile before rounding
         * @param verified whether the table's numbers were checked against the publication
         * @param synthetic whether the table is synthetic (never for decisions)
         * @param flags data warnings
         */
        public Normed {
            flags = List.copyOf(flags);
        }
    }

    /**
     * No norm applies. The raw score is still reported by the scorer; a NO_NORM student is never
     * treated as low risk.
     *
     * @param tableKey table tried
     * @param reason why
     * @param flags data warnings
     */
    record NoNorm(String tableKey, Reason reason, List<String> flags) implements NormResult {
        /**
         * Copies the collections.
         *
         * @param tableKey table tried
         * @param reason why
         * @param flags data warnings
         */
        public NoNorm {
            flags = List.copyOf(flags);
        }
    }

    /** Why no norm applies. */
    enum Reason {
        /** The scale has no score (incomplete form). */
        SCALE_NOT_SCORED,
        /** The table needs a grade, sex or age the record does not have. */
        MISSING_DEMOGRAPHIC,
        /** The student's grade, sex or age falls in no group of the table. */
        NO_GROUP,
        /** The raw score is outside every row of the group. */
        RAW_OUT_OF_TABLE,
        /** A fractional (prorated) raw score cannot be looked up in a table of whole scores. */
        RAW_NOT_WHOLE
    }
}
