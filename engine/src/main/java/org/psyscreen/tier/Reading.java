package org.psyscreen.tier;

/**
 * One value a rule read: what it is, its value (or why it has none), and the norm table that
 * produced it when it is a T-score or percentile.
 *
 * @param variable e.g. {@code phqa.total}, {@code phqa.total:t}, {@code phqa.q9}, {@code critical phqa.self_harm}
 * @param value the value as text (a number, a state), or {@code unavailable: REASON}
 * @param normTable {@code id@version} of the norm table used, or {@code null}
 */
public record Reading(String variable, String value, String normTable) {
    @Override
    public String toString() {
        return variable + " = " + value + (normTable == null ? "" : " [" + normTable + "]");
    }
}
