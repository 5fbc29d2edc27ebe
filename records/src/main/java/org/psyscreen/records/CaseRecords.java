package org.psyscreen.records;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What people record on a warning case, inside the store's write transaction: a follow-up, a report
 * from a teacher, peer, parent, counsellor or the student, and a second-stage assessment. Each is
 * checked, kept as a fact, and the student's case replayed from all its facts ({@link Cases}).
 */
final class CaseRecords {
    private final RecordStore store;
    private final Cases cases;

    CaseRecords(RecordStore store) {
        this.store = store;
        this.cases = new Cases(store);
    }

    private static long num(Object o) {
        return ((Number) o).longValue();
    }

    /** Records a follow-up on the student's open or monitored case in scope. */
    WarningCase followUp(Scope scope, String token, FollowUp f) throws SQLException {
        List<Object> params = new ArrayList<>();
        params.add(token);
        String where = scope.where("c", params);
        List<Object[]> rows = store.rows(
                "SELECT c.id, c.state FROM warning_case c JOIN student s ON s.id = c.student_id WHERE s.token = ?"
                        + " AND c.state <> 'closed' AND " + where + " ORDER BY c.id DESC",
                params);
        if (rows.isEmpty()) {
            throw new RecordStoreException("this student has no open or monitored warning case in " + scope
                    + ": a case opens when a screening flags the student");
        }
        long caseId = ((Number) rows.get(0)[0]).longValue();
        CaseState next = Cases.after(CaseState.of((String) rows.get(0)[1]), f.kind());
        store.update(
                "INSERT INTO case_event (id, case_id, kind, event_date, role, outcome, recorded_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                store.nextId("case_event"),
                caseId,
                f.kind().word(),
                f.date().toString(),
                f.role().word(),
                f.outcome(),
                store.now());
        store.update("UPDATE warning_case SET state = ?, updated_at = ? WHERE id = ?", next.sql(), store.now(), caseId);
        // An event dated before a screening already imported (recorded late) is replayed into place.
        Object[] c = store.rows("SELECT policy_id, student_id FROM warning_case WHERE id = ?", List.of(caseId))
                .get(0);
        cases.replay((String) c[0], num(c[1]));
        return new Queries(store).caseById(caseId);
    }

    /** Records a report on a student of {@code scope}'s school and replays the student's case. */
    WarningCase report(Scope scope, String token, org.psyscreen.tier.CutoffPolicy policy, CaseReport r)
            throws SQLException {
        if (scope.school() == null) {
            throw new IllegalArgumentException("a report is recorded by one school: give the school's scope");
        }
        int rank = rank(policy, r.tier());
        List<Object[]> known = store.rows(
                "SELECT st.id FROM student st WHERE st.token = ? AND (EXISTS (SELECT 1 FROM roster_entry e WHERE"
                        + " e.student_id = st.id AND e.region = ? AND e.school = ?) OR EXISTS (SELECT 1 FROM screening"
                        + " s WHERE s.student_id = st.id AND s.region = ? AND s.school = ?))",
                List.of(token, scope.region(), scope.school(), scope.region(), scope.school()));
        if (known.isEmpty()) {
            throw refused(
                    org.psyscreen.diagnostic.ProblemCode.CASE_UNKNOWN_STUDENT,
                    "this student is neither on " + scope + "'s roster nor screened there: import the school's"
                            + " roster first");
        }
        long student = num(known.get(0)[0]);
        store.update(
                "INSERT INTO case_report (id, student_id, region, school, grade, policy_id, source, tier, tier_rank,"
                        + " report_date, role, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                store.nextId("case_report"),
                student,
                scope.region(),
                scope.school(),
                r.grade(),
                policy.id(),
                r.source().word(),
                r.tier(),
                rank,
                r.date().toString(),
                r.role().word(),
                store.now());
        cases.replay(policy.id(), student);
        return new Queries(store).caseOf(student, policy.id());
    }

    /** Records a second-stage assessment on the student's open or monitored case and replays it. */
    WarningCase assess(Scope scope, String token, org.psyscreen.tier.CutoffPolicy policy, Assessment a)
            throws SQLException {
        if (!a.byAssessor()) {
            throw refused(
                    org.psyscreen.diagnostic.ProblemCode.CASE_ROLE_NOT_ALLOWED,
                    "a " + a.role().word() + " may not assess a case: a counsellor, a doctor or the regional centre"
                            + " does");
        }
        int rank = rank(policy, a.tier());
        List<Object> params = new ArrayList<>(List.of(token, policy.id()));
        String where = scope.where("c", params);
        List<Object[]> rows = store.rows(
                "SELECT c.id, c.student_id FROM warning_case c JOIN student st ON st.id = c.student_id WHERE"
                        + " st.token = ? AND c.policy_id = ? AND c.state <> 'closed' AND " + where,
                params);
        if (rows.isEmpty()) {
            throw refused(
                    org.psyscreen.diagnostic.ProblemCode.CASE_NOT_OPEN,
                    "this student has no open or monitored case under " + policy.id() + " in " + scope);
        }
        long caseId = num(rows.get(0)[0]);
        long student = num(rows.get(0)[1]);
        List<Object[]> opened = store.rows(
                "SELECT MAX(event_date) FROM case_event WHERE case_id = ? AND kind IN ('opened', 'reopened')",
                List.of(caseId));
        String since = opened.isEmpty() ? null : (String) opened.get(0)[0];
        if (since != null && a.date().toString().compareTo(since) < 0) {
            throw refused(
                    org.psyscreen.diagnostic.ProblemCode.CASE_EVENT_BEFORE_OPENING,
                    "the assessment is dated before the case was (re-)opened on " + since);
        }
        store.update(
                "INSERT INTO case_assessment (id, student_id, policy_id, tier, tier_rank, reason, assessed_on, role,"
                        + " recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                store.nextId("case_assessment"),
                student,
                policy.id(),
                a.tier(),
                rank,
                a.reason(),
                a.date().toString(),
                a.role().word(),
                store.now());
        cases.replay(policy.id(), student);
        return new Queries(store).caseById(caseId);
    }

    private static int rank(org.psyscreen.tier.CutoffPolicy policy, String tier) {
        int rank = policy.tierIds().indexOf(tier);
        if (rank < 0) {
            throw refused(
                    org.psyscreen.diagnostic.ProblemCode.CASE_UNKNOWN_TIER,
                    "the tier is not one of " + policy.id() + "'s: " + String.join(", ", policy.tierIds()));
        }
        return rank;
    }

    private static RecordStoreException refused(org.psyscreen.diagnostic.ProblemCode code, String what) {
        return new RecordStoreException(code.id() + " " + what + "; nothing was recorded");
    }
}
