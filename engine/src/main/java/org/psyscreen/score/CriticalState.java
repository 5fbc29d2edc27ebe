package org.psyscreen.score;

/** The state of a critical item. UNKNOWN is never treated as negative. */
public enum CriticalState {
    /** Answered and meets the condition: needs action whatever the rest of the form says. */
    POSITIVE,
    /** Answered and does not meet the condition. */
    NEGATIVE,
    /** Blank, refused or invalid: cannot be ruled out. */
    UNKNOWN
}
