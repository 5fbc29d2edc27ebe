package org.psyscreen.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

/**
 * The fuzz tests' privacy invariant: psyscreen's messages name places, never values. Seeds carry
 * {@link #SENTINEL} where a value goes (an id, a name, an answer); whenever the fuzzed input still
 * holds it, no message may.
 */
public final class Leaks {
    /** A value that must never be echoed. */
    public static final String SENTINEL = "Q7SENTINEL";

    private Leaks() {}

    /** Fails when {@code input} holds the sentinel and {@code message} repeats it. */
    public static void assertNotEchoed(byte[] input, String message) {
        if (message != null && new String(input, StandardCharsets.ISO_8859_1).contains(SENTINEL)) {
            assertThat(message).as("a message echoes a value of the input").doesNotContain(SENTINEL);
        }
    }
}
