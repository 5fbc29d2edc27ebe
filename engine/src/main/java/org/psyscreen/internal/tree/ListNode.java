package org.psyscreen.internal.tree;

import java.util.List;
import org.psyscreen.diagnostic.SourceLocation;

/**
 * A sequence.
 *
 * @param location where the list starts
 * @param elements its elements
 */
public record ListNode(SourceLocation location, List<Node> elements) implements Node {

    public ListNode {
        elements = List.copyOf(elements);
    }

    @Override
    public String kindName() {
        return "a list";
    }
}
