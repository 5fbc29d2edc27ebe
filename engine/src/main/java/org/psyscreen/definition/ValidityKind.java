package org.psyscreen.definition;

/** Kinds of validity check. */
public enum ValidityKind {
    /** A lie or impression scale: the form is invalid when the scale's score meets the condition. */
    LIE_SCALE,
    /**
     * Inconsistent pairs: a pair is inconsistent when its keyed values differ by more than
     * {@code maxDifference}; the form is invalid when the count of inconsistent pairs meets the
     * condition.
     */
    INCONSISTENT_PAIRS,
    /**
     * Longest run of identical answers over the listed items (all items when none listed), in
     * order; the form is invalid when the run length meets the condition.
     */
    LONGEST_RUN
}
