package org.psyscreen.tier;

/**
 * Why a student needs follow-up without (or in addition to) a score-based tier. None of these is
 * ever "no risk".
 */
public enum FollowUp {
    /** A form failed its missing-data rule. */
    INCOMPLETE,
    /** A form failed a validity check or had invalid answers. */
    INVALID,
    /** A form was left blank. */
    NOT_ADMINISTERED,
    /** A norm the policy needs could not be applied (no group, missing grade/sex/age, ...). */
    NO_NORM,
    /** A critical item was blank or invalid: it cannot be ruled out. */
    CRITICAL_UNKNOWN,
    /** An instrument the policy expects was not given. */
    MISSING_INSTRUMENT,
    /** The policy itself failed (a Java policy threw or answered nonsense). */
    POLICY_ERROR
}
