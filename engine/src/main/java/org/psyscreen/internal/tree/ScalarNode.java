package org.psyscreen.internal.tree;

import java.util.Objects;
import org.psyscreen.diagnostic.SourceLocation;

/**
 * A single value as written.
 *
 * @param location where it is written
 * @param type what the parser made of it
 * @param text the text as written ({@code null} for a null)
 */
public record ScalarNode(SourceLocation location, Type type, String text) implements Node {

    /** Scalar types as the parser reports them. */
    public enum Type {
        STRING,
        INTEGER,
        DECIMAL,
        BOOLEAN,
        NULL
    }

    public ScalarNode {
        Objects.requireNonNull(location);
        Objects.requireNonNull(type);
    }

    @Override
    public String kindName() {
        return switch (type) {
            case STRING -> "text";
            case INTEGER -> "a whole number";
            case DECIMAL -> "a decimal number";
            case BOOLEAN -> "true/false";
            case NULL -> "nothing (null)";
        };
    }
}
