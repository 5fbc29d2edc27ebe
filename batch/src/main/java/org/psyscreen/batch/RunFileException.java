package org.psyscreen.batch;

/**
 * A run file ({@code scores.csv}, {@code scores.jsonl}, {@code summary.json}) that is not what
 * psyscreen wrote: cut, damaged, edited, or written in another format version. The message names the
 * file, the line and the field, never a value.
 */
public final class RunFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** {@inheritDoc} */
    RunFileException(String message) {
        super(message);
    }
}
