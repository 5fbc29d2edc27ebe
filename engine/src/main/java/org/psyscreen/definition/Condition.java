package org.psyscreen.definition;

import jakarta.validation.constraints.NotNull;

/**
 * A comparison against a fixed threshold, e.g. {@code >= 1}.
 *
 * @param op the operator
 * @param value the threshold
 */
public record Condition(@NotNull Comparison op, @NotNull Double value) {

    /**
     * {@return whether {@code x} meets the condition}
     *
     * @param x the value read
     */
    public boolean test(double x) {
        return op.test(x, value);
    }

    @Override
    public String toString() {
        return op.symbol() + " " + Numbers.format(value);
    }
}
