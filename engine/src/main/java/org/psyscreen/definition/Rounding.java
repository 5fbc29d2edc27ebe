package org.psyscreen.definition;

/** How a prorated score is rounded. */
public enum Rounding {
    /** Keep the exact fraction (printed with two decimals). */
    NONE,
    /** Round to the nearest whole number, halves away from zero (6.5 → 7). */
    HALF_UP
}
