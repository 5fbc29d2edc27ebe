package org.psyscreen.records;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.psyscreen.diagnostic.ProblemCode;

/**
 * How long a store keeps a student after they leave school, and the purge that applies it. A student
 * has left when, from the first day of the first school year kept on, nothing is recorded of them (no
 * screening, no place on a roster, no case step, report, assessment or home visit) and no case of
 * theirs is open: a student still in school keeps their whole history (one record across the years),
 * and a student still followed is never purged. Everything of a student who has left is deleted in
 * one transaction, set-wise; old waves left empty go with them.
 */
final class Retention {
    static final int LONGEST = 30;

    private final RecordStore store;

    Retention(RecordStore store) {
        this.store = store;
    }

    /** Sets the period, replacing any earlier one. */
    void set(int yearsAfterLeaving) throws SQLException {
        if (yearsAfterLeaving < 0 || yearsAfterLeaving > LONGEST) {
            throw new RecordStoreException(ProblemCode.RETENTION_OUT_OF_RANGE.id() + " a retention period is 0 to "
                    + LONGEST + " school years after leaving");
        }
        store.update("DELETE FROM store_retention");
        store.update(
                "INSERT INTO store_retention (years_after_leaving, set_at, set_by) VALUES (?, ?, ?)",
                yearsAfterLeaving,
                store.now(),
                store.principal());
    }

    /** The period, or empty when none was set. */
    OptionalInt years() throws SQLException {
        List<Object[]> rows = store.rows("SELECT years_after_leaving FROM store_retention", List.of());
        if (rows.size() > 1) {
            throw new RecordStoreException(store.label() + " names " + rows.size() + " retention periods"
                    + " (store_retention was edited): set the period again with records retention --years");
        }
        return rows.isEmpty() ? OptionalInt.empty() : OptionalInt.of(((Number) rows.get(0)[0]).intValue());
    }

    /** Deletes every student who left more than the period before {@code today}'s school year. */
    PurgeResult purge(LocalDate today) throws SQLException {
        OptionalInt years = years();
        if (years.isEmpty()) {
            throw new RecordStoreException(ProblemCode.RETENTION_NOT_SET.id() + " " + store.label()
                    + " has no retention period, so nothing is past it: set one first (records retention --years N,"
                    + " the data owner's rule); nothing was deleted");
        }
        String kept = RecordStore.schoolYearBefore(today, years.getAsInt());
        String since = kept.substring(0, 4) + "-09-01"; // a school year starts on 1 September
        List<Object> params = new ArrayList<>();
        String left = "SELECT st.id FROM student st WHERE " + notSeenSince(kept, since, params);
        long keptOpen = count(
                "SELECT COUNT(*) FROM (" + left + ") g WHERE EXISTS (SELECT 1 FROM warning_case c WHERE"
                        + " c.student_id = g.id AND c.state <> 'closed')",
                params);
        String gone = left + " AND NOT EXISTS (SELECT 1 FROM warning_case c WHERE c.student_id = st.id AND c.state"
                + " <> 'closed')";
        // the set is fixed before anything is deleted: each deletion below would change what "left" selects
        store.update("CREATE TEMPORARY TABLE purged_student (id "
                + store.dialect().types().get("bigint") + " PRIMARY KEY)");
        try {
            store.update("INSERT INTO purged_student (id) " + gone, params.toArray());
            long students = count("SELECT COUNT(*) FROM purged_student", List.of());
            Deletion deletion = new Deletion(store);
            long rows = deletion.students("SELECT id FROM purged_student") + deletion.emptyWavesBefore(kept);
            deletion.log("retention purge before " + kept, rows);
            return new PurgeResult(years.getAsInt(), kept, students, rows, keptOpen, AuditLog.exports(store));
        } finally {
            store.update("DROP TABLE purged_student");
        }
    }

    /**
     * The condition that nothing is recorded of student {@code st} from school year {@code kept}
     * (first day {@code since}) on; adds its parameters to {@code params}.
     */
    private static String notSeenSince(String kept, String since, List<Object> params) {
        params.addAll(List.of(kept, kept, since, since, since, since));
        return "NOT EXISTS (SELECT 1 FROM screening s JOIN wave w ON w.id = s.wave_id WHERE s.student_id = st.id"
                + " AND w.school_year >= ?)"
                + " AND NOT EXISTS (SELECT 1 FROM roster_entry r JOIN roster_import ri ON ri.id = r.roster_id JOIN wave w"
                + " ON w.id = ri.wave_id WHERE r.student_id = st.id AND w.school_year >= ?)"
                + " AND NOT EXISTS (SELECT 1 FROM case_event e JOIN warning_case c ON c.id = e.case_id WHERE"
                + " c.student_id = st.id AND e.event_date >= ?)"
                + " AND NOT EXISTS (SELECT 1 FROM case_report r WHERE r.student_id = st.id AND r.report_date >= ?)"
                + " AND NOT EXISTS (SELECT 1 FROM case_assessment a WHERE a.student_id = st.id AND a.assessed_on >= ?)"
                + " AND NOT EXISTS (SELECT 1 FROM home_visit h WHERE h.student_id = st.id AND h.visit_date >= ?)";
    }

    private long count(String sql, List<Object> params) throws SQLException {
        return ((Number) store.rows(sql, params).get(0)[0]).longValue();
    }
}
