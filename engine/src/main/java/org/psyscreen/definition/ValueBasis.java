package org.psyscreen.definition;

/** Which value of an item a critical condition reads. Required, so there is no ambiguity. */
public enum ValueBasis {
    /** The value of the answer code as given, before reverse keying. */
    RAW,
    /** The value after reverse keying. */
    KEYED
}
