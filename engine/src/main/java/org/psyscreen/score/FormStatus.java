package org.psyscreen.score;

/**
 * The status of a whole form. Only {@link #SCORED} forms may ever be given the lowest tier; every
 * other status keeps the student visible for follow-up.
 */
public enum FormStatus {
    /** Every required scale scored and no validity check fired. */
    SCORED,
    /** A required scale failed its missing-data rule, or a validity check could not be evaluated. */
    INCOMPLETE,
    /** An answer was not an allowed code, or a validity check (lie scale, inconsistency, run) fired. */
    INVALID,
    /** Every item is blank: the form was not filled in. */
    NOT_ADMINISTERED
}
