package org.psyscreen.records;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The warning cases (一人一案) and their rules:
 *
 * <ul>
 *   <li>a flagged screening opens a case at its tier when the student has none under the policy;
 *   <li>an open or monitored case moves to a more severe tier when a later screening is worse, and
 *       back to open; a milder or unflagged screening changes nothing — only a closing event closes;
 *   <li>a closed case is re-opened (at the new tier) by any later flagged screening;
 *   <li>the case follows the school of the latest screening that flagged it.
 * </ul>
 *
 * <p>A case is a function of the data, never of the order files arrive in: after every import, the
 * case of each student the import screened is replayed from all of that student's screenings under
 * the policy (each with the decision made first, "as decided then"), in the order they were taken
 * (school year, term, test date, record), together with the people's events (interview, monitoring,
 * closure, ...) by their dates; on one day a screening comes before the events recorded on it. The
 * store's own events (opened, escalated, reopened) are written anew by the replay, dated on the
 * screening's test date. Importing waves in any order, or two imports at once (they queue on the
 * store's write lock, and the second replays the first's screenings too), gives the same cases.
 * Re-decisions under another policy version leave cases as they were decided.
 */
final class Cases {
    private final RecordStore store;

    /** How many cases an import opened, escalated and re-opened. */
    static final class Counts {
        long opened;
        long escalated;
        long reopened;
    }

    /** One step of a student's timeline: a flagged screening or a person's event. */
    private record Step(
            String date,
            int order, // 0: a screening, 1: a person's event, on the same date
            String yearTerm,
            long sequence,
            long waveId,
            String waveName,
            String region,
            String school,
            String grade,
            int rank,
            String tier,
            EventKind event) {}

    Cases(RecordStore store) {
        this.store = store;
    }

    /**
     * Replays the cases of every student screened in wave {@code waveId} under {@code policyId}.
     *
     * @return what the replay opened, escalated and re-opened on this wave's screenings
     */
    Counts rebuild(String policyId, long waveId) throws SQLException {
        return rebuild(policyId, "(SELECT student_id FROM screening WHERE wave_id = ?)", waveId, waveId);
    }

    /** The state a person's event leaves a case in: the one rule for recording and for replaying. */
    static CaseState after(CaseState state, EventKind kind) {
        return switch (kind) {
            case MONITORING -> CaseState.MONITORING;
            case CLOSURE -> CaseState.CLOSED;
            case REFERRAL -> CaseState.OPEN;
            default -> state;
        };
    }

    /**
     * Replays the cases of the students {@code touched} selects ({@code (subquery)} with one parameter).
     *
     * @param countWave the wave whose screenings' events are counted
     */
    private Counts rebuild(String policyId, String touched, Object touchedParam, long countWave) throws SQLException {

        Map<Long, List<Step>> timelines = new TreeMap<>();
        for (Object[] r : store.rows(
                "SELECT s.student_id, s.test_date, w.first_test_date, w.school_year, w.term, s.record_no, s.id,"
                        + " w.id, w.name, s.region, s.school, s.grade, d.tier_rank, d.tier"
                        + " FROM screening s JOIN wave w ON w.id = s.wave_id JOIN decision d ON d.screening_id = s.id"
                        + " WHERE s.student_id IN " + touched + " AND d.tier IS NOT NULL"
                        + " AND d.id = (SELECT MIN(d2.id) FROM decision d2 WHERE d2.screening_id = s.id"
                        + " AND d2.policy LIKE ?)",
                List.of(touchedParam, policyId + "@%"))) {
            String date =
                    r[1] != null ? (String) r[1] : r[2] != null ? (String) r[2] : termStart((String) r[3], num(r[4]));
            timelines
                    .computeIfAbsent(num(r[0]), k -> new ArrayList<>())
                    .add(new Step(
                            date,
                            0,
                            r[3] + "-" + num(r[4]),
                            num(r[5]) * 1_000_000_000L + num(r[6]) % 1_000_000_000L,
                            num(r[7]),
                            (String) r[8],
                            (String) r[9],
                            (String) r[10],
                            (String) r[11],
                            (int) num(r[12]),
                            (String) r[13],
                            null));
        }
        Map<Long, Long> caseOf = new HashMap<>();
        for (Object[] r : store.rows(
                "SELECT student_id, id FROM warning_case WHERE policy_id = ? AND student_id IN " + touched,
                List.of(policyId, touchedParam))) {
            caseOf.put(num(r[0]), num(r[1]));
        }
        for (Object[] r : store.rows(
                "SELECT c.student_id, e.event_date, e.id, e.kind FROM case_event e JOIN warning_case c ON"
                        + " c.id = e.case_id WHERE c.policy_id = ? AND e.role <> ? AND c.student_id IN " + touched,
                List.of(policyId, Role.SYSTEM.word(), touchedParam))) {
            List<Step> t = timelines.get(num(r[0]));
            if (t != null) {
                t.add(new Step(
                        (String) r[1], 1, "", num(r[2]), 0, "", "", "", "", -1, "", EventKind.ofWord((String) r[3])));
            }
        }
        if (!caseOf.isEmpty()) {
            store.update(
                    "DELETE FROM case_event WHERE role = ? AND case_id IN (SELECT id FROM warning_case WHERE"
                            + " policy_id = ? AND student_id IN " + touched + ")",
                    Role.SYSTEM.word(),
                    policyId,
                    touchedParam);
        }
        Counts counts = new Counts();
        long nextCase = store.nextId("warning_case");
        long nextEvent = store.nextId("case_event");
        String now = store.now();
        var c = store.connection();
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO warning_case (id, student_id, region, school,"
                        + " grade, policy_id, tier, tier_rank, state, opened_wave, last_wave, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement change = c.prepareStatement("UPDATE warning_case SET region = ?, school = ?,"
                        + " grade = ?, tier = ?, tier_rank = ?, state = ?, opened_wave = ?, last_wave = ?,"
                        + " updated_at = ? WHERE id = ?");
                PreparedStatement event = c.prepareStatement("INSERT INTO case_event (id, case_id, kind,"
                        + " event_date, role, outcome, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (var e : timelines.entrySet()) {
                List<Step> steps = e.getValue();
                steps.sort(Comparator.comparing(Step::date)
                        .thenComparingInt(Step::order)
                        .thenComparing(Step::yearTerm)
                        .thenComparingLong(Step::sequence));
                Long existing = caseOf.get(e.getKey());
                long id = existing != null ? existing : nextCase++;
                CaseState state = null; // no case yet
                int rank = -1;
                String tier = null;
                Step opened = null;
                Step last = null;
                for (Step s : steps) {
                    if (s.event() != null) {
                        if (state != null) {
                            state = after(state, s.event());
                        }
                        continue;
                    }
                    EventKind kind = null;
                    if (state == null) {
                        kind = EventKind.OPENED;
                        opened = s;
                    } else if (state == CaseState.CLOSED) {
                        kind = EventKind.REOPENED;
                    } else if (s.rank() < rank) {
                        kind = EventKind.ESCALATED;
                    }
                    if (kind != null) {
                        state = CaseState.OPEN;
                        rank = s.rank();
                        tier = s.tier();
                        event.setLong(1, nextEvent++);
                        event.setLong(2, id);
                        event.setString(3, kind.word());
                        event.setString(4, s.date());
                        event.setString(5, Role.SYSTEM.word());
                        event.setString(6, s.tier());
                        event.setString(7, now);
                        event.addBatch();
                        if (s.waveId() == countWave) {
                            switch (kind) {
                                case OPENED -> counts.opened++;
                                case ESCALATED -> counts.escalated++;
                                default -> counts.reopened++;
                            }
                        }
                    }
                    last = s;
                }
                if (opened == null) {
                    continue; // no flagged screening under this policy
                }
                PreparedStatement w = existing == null ? insert : change;
                int k = 1;
                if (existing == null) {
                    w.setLong(k++, id);
                    w.setLong(k++, e.getKey());
                }
                w.setString(k++, last.region());
                w.setString(k++, last.school());
                w.setString(k++, last.grade());
                if (existing == null) {
                    w.setString(k++, policyId);
                }
                w.setString(k++, tier);
                w.setInt(k++, rank);
                w.setString(k++, state.sql());
                w.setString(k++, opened.waveName());
                w.setString(k++, last.waveName());
                w.setString(k++, now);
                if (existing != null) {
                    w.setLong(k, id);
                }
                w.addBatch();
            }
            insert.executeBatch();
            change.executeBatch();
            event.executeBatch();
        }
        return counts;
    }

    /** The first day of a term when neither the screening nor its wave has a test date. */
    private static String termStart(String schoolYear, long term) {
        int year = Integer.parseInt(schoolYear.substring(0, 4));
        return term == 1 ? year + "-09-01" : (year + 1) + "-02-01";
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
        CaseState next = after(CaseState.of((String) rows.get(0)[1]), f.kind());
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
        rebuild((String) c[0], "(?)", num(c[1]), -1);
        return new Queries(store).caseById(caseId);
    }
}
