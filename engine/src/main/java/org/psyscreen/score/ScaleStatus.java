package org.psyscreen.score;

/** Whether a scale has a score. */
public enum ScaleStatus {
    /** The missing-data rule was met; the scale has a value. */
    SCORED,
    /** Too many members missing; no value. */
    INCOMPLETE
}
