package org.psyscreen.tier;

/**
 * One value a rule read, as data: what it is, its value (or why it has none), the norm table that
 * produced it when it is a T-score or percentile, the test the rule applied to it, and whether the
 * test was met.
 *
 * @param variable e.g. {@code phqa.total}, {@code phqa.total:t}, {@code phqa.q9}, {@code critical phqa.self_harm}
 * @param value the value as text (a number, a state), or {@code unavailable: REASON}
 * @param normTable {@code id@version} of the norm table used, or {@code null}
 * @param test the test applied, e.g. {@code phqa.total >= 11}; empty when the reading is only reported
 * @param met whether the test was met; {@code null} when the value was unavailable (unknown, never false)
 */
public record Reading(String variable, String value, String normTable, String test, Boolean met) {
    /**
     * Checks the parts.
     *
     * @param variable e.g. {@code phqa.total}, {@code phqa.total:t}, {@code phqa.q9}, {@code critical phqa.self_harm}
     * @param value the value as text (a number, a state), or {@code unavailable: REASON}
     * @param normTable {@code id@version} of the norm table used, or {@code null}
     * @param test the test applied, e.g. {@code phqa.total >= 11}; empty when the reading is only reported
     * @param met whether the test was met; {@code null} when the value was unavailable (unknown, never false)
     */
    public Reading {
        test = test == null ? "" : test;
    }

    /**
     * A reading reported without a test of its own.
     *
     * @param variable what was read ({@code phqa.total}, {@code phqa.q9}, …)
     * @param value the value read, as text
     * @param normTable the norm table behind a T-score or percentile, or {@code ""}
     */
    public Reading(String variable, String value, String normTable) {
        this(variable, value, normTable, "", null);
    }

    @Override
    public String toString() {
        return variable + " = " + value + (normTable == null ? "" : " [" + normTable + "]");
    }
}
