package org.psyscreen.records;

/** Where a warning case stands. */
public enum CaseState {
    /** Flagged and not yet resolved: on the warning list. */
    OPEN,
    /** Seen, and followed at a lower intensity: still on the warning list. */
    MONITORING,
    /** Closed by a closing event; a later flagged screening re-opens it. */
    CLOSED;

    String sql() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static CaseState of(String sql) {
        return valueOf(sql.toUpperCase(java.util.Locale.ROOT));
    }
}
