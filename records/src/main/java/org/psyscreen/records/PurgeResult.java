package org.psyscreen.records;

import java.util.List;

/**
 * What a retention purge did ({@link RecordStore#purge}). It names no student.
 *
 * @param yearsAfterLeaving the store's retention period, in school years after leaving
 * @param firstYearKept the first school year kept, e.g. {@code 2027-2028}: a student of whom nothing
 *     is recorded from then on has left long enough ago
 * @param studentsDeleted students deleted with everything the store held on them
 * @param rowsDeleted rows deleted, theirs and those of old waves left empty
 * @param keptForOpenCase students who left long enough ago but are kept, because a case of theirs is
 *     still open: close it (with a reason) first
 * @param earlierExports what left the store before the purge and may still hold deleted students (the
 *     audit log's exports, district forms and named lists, oldest first): delete those copies too.
 *     Backups of the store are the deployment's and are not known here.
 */
public record PurgeResult(
        int yearsAfterLeaving,
        String firstYearKept,
        long studentsDeleted,
        long rowsDeleted,
        long keptForOpenCase,
        List<AuditEntry> earlierExports) {
    /**
     * Keeps an unmodifiable copy of the exports.
     *
     * @param yearsAfterLeaving the retention period, in school years after leaving
     * @param firstYearKept the first school year kept
     * @param studentsDeleted students deleted
     * @param rowsDeleted rows deleted
     * @param keptForOpenCase students kept because a case of theirs is open
     * @param earlierExports the exports made earlier that may hold deleted students
     */
    public PurgeResult {
        earlierExports = List.copyOf(earlierExports);
    }
}
