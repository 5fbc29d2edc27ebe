package org.psyscreen.internal.tree;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.psyscreen.diagnostic.SourceLocation;

/**
 * A mapping, keys in file order.
 *
 * @param location where the mapping starts
 * @param entries values by key
 * @param keyLocations where each key is written
 */
public record MapNode(SourceLocation location, Map<String, Node> entries, Map<String, SourceLocation> keyLocations)
        implements Node {

    public MapNode {
        entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        keyLocations = Collections.unmodifiableMap(new LinkedHashMap<>(keyLocations));
    }

    @Override
    public String kindName() {
        return "a mapping";
    }
}
