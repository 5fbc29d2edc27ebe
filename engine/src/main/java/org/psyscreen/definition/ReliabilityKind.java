package org.psyscreen.definition;

/** Which reliability coefficient a {@link Reliability} declares ({@code alpha}, {@code test-retest}). */
public enum ReliabilityKind {
    /** Cronbach's alpha (internal consistency). */
    ALPHA,
    /** A test–retest correlation. */
    TEST_RETEST
}
