package org.psyscreen.records;

/**
 * A records operation that could not be done, with one message that says why and what to do. It
 * names places (files, waves, fields), never a student's token, id or answers. Nothing was changed.
 */
public final class RecordStoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RecordStoreException(String message) {
        super(message);
    }

    public RecordStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
