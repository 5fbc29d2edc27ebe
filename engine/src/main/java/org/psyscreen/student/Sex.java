package org.psyscreen.student;

/** Sex as norm tables split it. */
public enum Sex {
    FEMALE,
    MALE
}
