package org.psyscreen.records;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Deleting a student's records (a PIPL request) and old waves, child rows first, logged without tokens. */
final class Deletion {
    private final RecordStore store;

    Deletion(RecordStore store) {
        this.store = store;
    }

    long student(Scope scope, String token) throws SQLException {
        List<Object> params = new ArrayList<>(List.of(token));
        String screenings =
                "SELECT s.id FROM screening s JOIN student st ON st.id = s.student_id WHERE st.token = ? AND "
                        + scope.where("s", params);
        List<Object> caseParams = new ArrayList<>(List.of(token));
        String cases = "SELECT c.id FROM warning_case c JOIN student st ON st.id = c.student_id WHERE st.token = ? AND "
                + scope.where("c", caseParams);
        long rows = screenings(screenings, params);
        rows += delete("DELETE FROM case_event WHERE case_id IN (" + cases + ")", caseParams);
        rows += delete("DELETE FROM warning_case WHERE id IN (" + cases + ")", caseParams);
        List<Object> reportParams = new ArrayList<>(List.of(token));
        rows += delete(
                "DELETE FROM case_report WHERE student_id IN (SELECT id FROM student WHERE token = ?) AND "
                        + scope.where("case_report", reportParams),
                reportParams);
        // an assessment stands on the student's cases: gone when no case of the student is left
        rows += delete(
                "DELETE FROM case_assessment WHERE student_id IN (SELECT id FROM student WHERE token = ?) AND NOT"
                        + " EXISTS (SELECT 1 FROM warning_case c WHERE c.student_id = case_assessment.student_id)",
                List.of(token));
        List<Object> visitParams = new ArrayList<>(List.of(token));
        rows += delete(
                "DELETE FROM home_visit WHERE student_id IN (SELECT id FROM student WHERE token = ?) AND "
                        + scope.where("home_visit", visitParams),
                visitParams);
        List<Object> rosterParams = new ArrayList<>(List.of(token));
        rows += delete(
                "DELETE FROM roster_entry WHERE student_id IN (SELECT id FROM student WHERE token = ?) AND "
                        + scope.where("roster_entry", rosterParams),
                rosterParams);
        rows += orphans();
        log("student", rows);
        return rows;
    }

    long wavesBefore(String schoolYear) throws SQLException {
        List<Object> params = List.of(schoolYear);
        String screenings = "SELECT s.id FROM screening s JOIN wave w ON w.id = s.wave_id WHERE w.school_year < ?";
        long rows = screenings(screenings, params);
        rows += delete("DELETE FROM import_run WHERE wave_id IN (SELECT id FROM wave WHERE school_year < ?)", params);
        String rosters = "SELECT id FROM roster_import WHERE wave_id IN (SELECT id FROM wave WHERE school_year < ?)";
        rows += delete("DELETE FROM roster_entry WHERE roster_id IN (" + rosters + ")", params);
        rows += delete(
                "DELETE FROM roster_import WHERE wave_id IN (SELECT id FROM wave WHERE school_year < ?)", params);
        rows += delete("DELETE FROM wave WHERE school_year < ?", params);
        // a school year starts on 1 September: visits before the kept years' first day go with them
        rows += delete("DELETE FROM home_visit WHERE visit_date < ?", List.of(schoolYear.substring(0, 4) + "-09-01"));
        // A case whose student has no screening left has nothing to stand on.
        String bare = "SELECT c.id FROM warning_case c WHERE NOT EXISTS (SELECT 1 FROM screening s WHERE s.student_id ="
                + " c.student_id) AND NOT EXISTS (SELECT 1 FROM case_report r WHERE r.student_id = c.student_id)";
        rows += delete("DELETE FROM case_event WHERE case_id IN (" + bare + ")", List.of());
        rows += delete("DELETE FROM warning_case WHERE id IN (" + bare + ")", List.of());
        rows += orphans();
        log("waves before " + schoolYear, rows);
        return rows;
    }

    /**
     * Deletes everything the store holds on the students whose ids {@code selectIds} selects (a query
     * without parameters), their pseudonyms with it, in every scope. Not logged: the caller logs the
     * whole deletion once.
     */
    long students(String selectIds) throws SQLException {
        List<Object> none = List.of();
        long rows = screenings("SELECT id FROM screening WHERE student_id IN (" + selectIds + ")", none);
        rows += delete(
                "DELETE FROM case_event WHERE case_id IN (SELECT id FROM warning_case WHERE student_id IN (" + selectIds
                        + "))",
                none);
        for (String table : List.of("warning_case", "case_report", "case_assessment", "home_visit", "roster_entry")) {
            rows += delete("DELETE FROM " + table + " WHERE student_id IN (" + selectIds + ")", none);
        }
        return rows + delete("DELETE FROM student WHERE id IN (" + selectIds + ")", none);
    }

    /** Deletes the waves of school years before {@code schoolYear} that hold no screening and no roster place. */
    long emptyWavesBefore(String schoolYear) throws SQLException {
        String empty = "SELECT w.id FROM wave w WHERE w.school_year < ? AND NOT EXISTS (SELECT 1 FROM screening s"
                + " WHERE s.wave_id = w.id) AND NOT EXISTS (SELECT 1 FROM roster_entry r JOIN roster_import ri ON"
                + " ri.id = r.roster_id WHERE ri.wave_id = w.id)";
        List<Object> params = List.of(schoolYear);
        long rows = delete("DELETE FROM import_run WHERE wave_id IN (" + empty + ")", params);
        rows += delete("DELETE FROM roster_import WHERE wave_id IN (" + empty + ")", params);
        return rows + delete("DELETE FROM wave WHERE id IN (" + empty + ")", params);
    }

    /** Deletes the screenings a query selects, with everything that hangs on them. */
    private long screenings(String select, List<Object> params) throws SQLException {
        long rows = 0;
        for (String child : List.of("scale_score", "form_result", "norm_result", "decision")) {
            rows += delete("DELETE FROM " + child + " WHERE screening_id IN (" + select + ")", params);
        }
        rows += delete("DELETE FROM screening WHERE id IN (" + select + ")", params);
        return rows;
    }

    /** Students with no screening, no case and no roster row left: their token goes too. */
    private long orphans() throws SQLException {
        return delete(
                "DELETE FROM student WHERE NOT EXISTS (SELECT 1 FROM screening s WHERE s.student_id = student.id)"
                        + " AND NOT EXISTS (SELECT 1 FROM warning_case c WHERE c.student_id = student.id)"
                        + " AND NOT EXISTS (SELECT 1 FROM roster_entry r WHERE r.student_id = student.id)"
                        + " AND NOT EXISTS (SELECT 1 FROM case_report r WHERE r.student_id = student.id)"
                        + " AND NOT EXISTS (SELECT 1 FROM case_assessment a WHERE a.student_id = student.id)"
                        + " AND NOT EXISTS (SELECT 1 FROM home_visit h WHERE h.student_id = student.id)",
                List.of());
    }

    private long delete(String sql, List<Object> params) throws SQLException {
        return store.update(sql, params.toArray());
    }

    /** Writes a line to {@code deletion_log}: what kind of deletion and how many rows, never whose. */
    void log(String what, long rows) throws SQLException {
        store.update(
                "INSERT INTO deletion_log (id, what, rows_deleted, deleted_at) VALUES (?, ?, ?, ?)",
                store.nextId("deletion_log"),
                what,
                rows,
                store.now());
    }
}
