package org.psyscreen.definition;

/** How a scale combines its members. */
public enum Aggregate {
    /** Sum of the keyed values. */
    SUM,
    /** Mean of the keyed values of the answered members. */
    MEAN
}
