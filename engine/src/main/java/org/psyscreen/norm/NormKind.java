package org.psyscreen.norm;

/** How a table converts raw scores. */
public enum NormKind {
    /** Raw score ranges to T and percentile, as manuals print them. */
    LOOKUP,
    /**
     * Mean and SD per group: linear T = 50 + 10·z with z = (raw − mean)/SD, and the percentile
     * 100·Φ(z) from the standard normal distribution.
     */
    PARAMETRIC
}
