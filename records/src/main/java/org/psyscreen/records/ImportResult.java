package org.psyscreen.records;

/**
 * What an import did. Counts are of records of the run; {@code recordsIn == stored + withoutId}.
 *
 * @param wave the wave imported into
 * @param alreadyImported the same input under the same policy was in the wave already: nothing added
 * @param redecision the wave already held this input under another policy version: only its decisions
 *     were added, beside the old ones
 * @param recordsIn records in the run
 * @param stored records stored (screenings, or decisions for a re-decision)
 * @param withoutId records with no student id: kept in the run's files, not in the records (there is
 *     no one to attach them to)
 * @param casesOpened warning cases opened
 * @param casesEscalated open cases moved to a more severe tier
 * @param casesReopened closed cases re-opened by a flagged screening
 */
public record ImportResult(
        String wave,
        boolean alreadyImported,
        boolean redecision,
        long recordsIn,
        long stored,
        long withoutId,
        long casesOpened,
        long casesEscalated,
        long casesReopened) {}
