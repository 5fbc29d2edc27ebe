package org.psyscreen.records;

/**
 * What checking the audit log's chain found.
 *
 * @param entries the entries read
 * @param firstBroken the id of the first entry that was changed, removed before, or moved; 0 when the
 *     chain holds
 * @param why what is wrong with it, or {@code ""}
 */
public record AuditCheck(long entries, long firstBroken, String why) {
    /** {@return whether every entry is as it was written, none missing, in order} */
    public boolean intact() {
        return firstBroken == 0;
    }
}
