package org.psyscreen.score;

/** What an item's answer turned out to be. */
public enum AnswerState {
    /** A declared answer code; it has a value. */
    ANSWERED,
    /** Nothing given. Never counts as 0. */
    BLANK,
    /** A declared non-answer (refused, don't know); counts as missing. */
    SPECIAL,
    /** Something that is not a declared code (out of range, not a number, full-width digit ...). */
    INVALID
}
