package org.psyscreen.batch;

import java.util.List;
import java.util.Map;
import org.psyscreen.score.ScoredResponse;
import org.psyscreen.screening.RecordProblem;
import org.psyscreen.tier.TierDecision;

/**
 * One output record: where it came from, the student (as token or id), flags, every form's result
 * and the decision. Never printed: it holds health data.
 *
 * @param recordNo 1-based record number (blank lines not counted)
 * @param line physical line the record starts on
 * @param student token, or raw id when no key is used
 * @param demographics school, class, region, grade, sex as read (spreadsheet-safe when written)
 * @param problems record-level problems
 * @param problemTexts each problem as written to the output: its code and the column it concerns
 * @param forms results by instrument id
 * @param norms norm lookups by table id (T-score and percentile, or why none)
 * @param decision the tier decision, or {@code null} when no policy
 * @param testDate the test date as read, or {@code null} when absent or unreadable
 * @param result the screening result the rest was taken from (for result sinks)
 */
record RowOutcome(
        long recordNo,
        long line,
        String student,
        Demographics demographics,
        List<RecordProblem> problems,
        List<String> problemTexts,
        Map<String, ScoredResponse> forms,
        Map<String, org.psyscreen.norm.NormResult> norms,
        TierDecision decision,
        java.time.LocalDate testDate,
        org.psyscreen.screening.ScreeningResult result) {

    /**
     * Where a student belongs, as read: fields, not a map (one map per record was a visible share of a
     * batch's allocation). {@code ""} when not given.
     */
    record Demographics(String school, String klass, String region, String grade, String sex) {}

    /** True when a problem made the record unscorable (its answers were not read by position). */
    boolean unscorable() {
        for (RecordProblem p : problems) {
            if (p.unscorable()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "RowOutcome[record " + recordNo + "]";
    }
}
