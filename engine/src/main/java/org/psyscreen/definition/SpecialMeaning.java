package org.psyscreen.definition;

/** Why an answer is a declared non-answer. All count as missing when scoring. */
public enum SpecialMeaning {
    /** The student declined to answer. */
    REFUSED,
    /** The student did not know. */
    DONT_KNOW,
    /** The question did not apply. */
    NOT_APPLICABLE
}
