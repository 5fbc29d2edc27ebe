package org.psyscreen.norm;

/** Sex as norm tables split it. */
public enum Sex {
    FEMALE,
    MALE
}
