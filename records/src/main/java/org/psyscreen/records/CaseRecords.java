package org.psyscreen.records;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What people record on a warning case, inside the store's write transaction: a follow-up (the
 * parents' notice among them), a report from a teacher, peer, parent, counsellor or the student, a
 * second-stage assessment, the case's owner and plan, and a home visit. Each is checked, kept as a
 * fact, and the student's case replayed from all its facts ({@link Cases}).
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

    /** Records a follow-up on the student's open or monitored case under the policy in scope. */
    WarningCase followUp(Scope scope, String token, org.psyscreen.tier.CutoffPolicy policy, FollowUp f)
            throws SQLException {
        CaseRoles.require(policy, f.kind(), f.role());
        Object[] row = caseRow(store, scope, token, policy.id(), true);
        if (row == null) {
            throw refused(
                    org.psyscreen.diagnostic.ProblemCode.CASE_NOT_OPEN,
                    "this student has no open or monitored warning case under " + policy.id() + " in " + scope
                            + " (a closed case takes no events): a case opens when a screening or a report flags"
                            + " the student");
        }
        long caseId = num(row[0]);
        // Not refused when dated before the case's known opening: a wave imported later may show the case
        // open then, and the replay puts the event in its place (cases never depend on import order).
        if (f.kind() == EventKind.PARENT_ACKNOWLEDGED
                && store.rows(
                                "SELECT 1 FROM case_event WHERE case_id = ? AND kind = ? AND event_date <= ?",
                                List.of(
                                        caseId,
                                        EventKind.PARENT_NOTIFIED.word(),
                                        f.date().toString()))
                        .isEmpty()) {
            throw refused(
                    org.psyscreen.diagnostic.ProblemCode.CASE_NOT_NOTIFIED,
                    "the parents' acknowledgement is dated before any notice to them on this case: record the"
                            + " notice (parent-notified) first");
        }
        CaseState next = Cases.after(CaseState.of((String) row[2]), f.kind());
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
        CaseRoles.require(policy, EventKind.REPORTED, r.role());
        int rank = rank(policy, r.tier());
        long student = schoolStudent(scope, token);
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
        CaseRoles.require(policy, EventKind.ASSESSED, a.role());
        int rank = rank(policy, a.tier());
        long[] open = openCase(scope, token, policy);
        long caseId = open[0];
        long student = open[1];
        requireNotBeforeOpening(caseId, a.date(), "the assessment");
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

    /** Records who follows the student's open or monitored case and how; the case's state is unchanged. */
    WarningCase plan(Scope scope, String token, org.psyscreen.tier.CutoffPolicy policy, CasePlan p)
            throws SQLException {
        CaseRoles.require(policy, EventKind.PLANNED, p.role());
        long caseId = openCase(scope, token, policy)[0];
        requireNotBeforeOpening(caseId, p.date(), "the plan");
        store.update(
                "INSERT INTO case_event (id, case_id, kind, event_date, role, outcome, recorded_at, owner, due_date)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                store.nextId("case_event"),
                caseId,
                EventKind.PLANNED.word(),
                p.date().toString(),
                p.role().word(),
                p.plan(),
                store.now(),
                p.owner(),
                p.nextContact() == null ? null : p.nextContact().toString());
        return new Queries(store).caseById(caseId);
    }

    /** Records a home visit to a student of {@code scope}'s school. */
    void visit(Scope scope, String token, HomeVisit v) throws SQLException {
        if (scope.school() == null) {
            throw new IllegalArgumentException("a home visit is recorded by one school: give the school's scope");
        }
        store.update(
                "INSERT INTO home_visit (id, student_id, region, school, visit_date, kind, role, recorded_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                store.nextId("home_visit"),
                schoolStudent(scope, token),
                scope.region(),
                scope.school(),
                v.date().toString(),
                v.kind().word(),
                v.role().word(),
                store.now());
    }

    /** The student's id when {@code scope}'s school has them on its roster or screened them (PSY-3101). */
    private long schoolStudent(Scope scope, String token) throws SQLException {
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
        return num(known.get(0)[0]);
    }

    /** The student's open or monitored case under the policy in scope: {case id, student id} (PSY-3104). */
    private long[] openCase(Scope scope, String token, org.psyscreen.tier.CutoffPolicy policy) throws SQLException {
        Object[] row = caseRow(store, scope, token, policy.id(), true);
        if (row == null) {
            throw refused(
                    org.psyscreen.diagnostic.ProblemCode.CASE_NOT_OPEN,
                    "this student has no open or monitored case under " + policy.id() + " in " + scope);
        }
        return new long[] {num(row[0]), num(row[1])};
    }

    /**
     * {@return the student's case under the policy in scope as {@code {case id, student id, state}}, or
     * {@code null}} A student has one case per policy.
     *
     * @param openOnly whether a closed case counts as none
     */
    static Object[] caseRow(RecordStore store, Scope scope, String token, String policyId, boolean openOnly)
            throws SQLException {
        List<Object> params = new ArrayList<>(List.of(token, policyId));
        String where = scope.where("c", params);
        List<Object[]> rows = store.rows(
                "SELECT c.id, c.student_id, c.state FROM warning_case c JOIN student st ON st.id = c.student_id"
                        + " WHERE st.token = ? AND c.policy_id = ?" + (openOnly ? " AND c.state <> 'closed'" : "")
                        + " AND " + where + " ORDER BY c.id DESC",
                params);
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** Refuses what is dated before the case was last (re-)opened (PSY-3103). */
    private void requireNotBeforeOpening(long caseId, java.time.LocalDate date, String what) throws SQLException {
        List<Object[]> opened = store.rows(
                "SELECT MAX(event_date) FROM case_event WHERE case_id = ? AND kind IN ('opened', 'reopened')",
                List.of(caseId));
        String since = opened.isEmpty() ? null : (String) opened.get(0)[0];
        if (since != null && date.toString().compareTo(since) < 0) {
            throw refused(
                    org.psyscreen.diagnostic.ProblemCode.CASE_EVENT_BEFORE_OPENING,
                    what + " is dated before the case was (re-)opened on " + since);
        }
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
