package org.psyscreen.records;

/**
 * A records operation that could not be done, with one message that says why and what to do. It
 * names places (files, waves, fields), never a student's token, id or answers. Nothing was changed.
 */
public final class RecordStoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * A refusal.
     *
     * @param message why, and what to do; places only, never a student's data
     */
    public RecordStoreException(String message) {
        super(message);
    }

    /**
     * A refusal caused by another exception.
     *
     * @param message why, and what to do; places only, never a student's data
     * @param cause the exception underneath (its message may quote data: never printed)
     */
    public RecordStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
