package org.psyscreen.student;

/** Sex as norm tables split it. */
public enum Sex {
    /** Female. */
    FEMALE,
    /** Male. */
    MALE
}
