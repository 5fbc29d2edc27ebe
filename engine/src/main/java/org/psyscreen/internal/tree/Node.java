package org.psyscreen.internal.tree;

import org.psyscreen.diagnostic.SourceLocation;

/** A YAML/JSON value with the place it was written. */
public sealed interface Node permits MapNode, ListNode, ScalarNode {
    /** Where the value starts. */
    SourceLocation location();

    /** A word for messages: "a mapping", "a list", "text", "a number" ... */
    String kindName();
}
