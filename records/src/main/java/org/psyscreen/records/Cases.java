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
            EventKind event,
            String source, // "screening", or a report's source word
            String note, // an assessment's reason and role
            boolean assessment) {
        boolean report() {
            return !source.isEmpty() && !source.equals(SCREENING);
        }

        /** A person's event (interview, closure, ...), after the day's screenings and reports. */
        static Step event(String date, long id, EventKind kind) {
            return new Step(date, 1, "", id, 0, "", "", "", "", -1, "", kind, "", "", false);
        }

        /** An assessment, after the day's people's events. */
        static Step assessment(String date, long id, int rank, String tier, String note) {
            return new Step(date, 2, "", id, 0, "", "", "", "", rank, tier, null, "", note, true);
        }
    }

    /** The source of a case opened by a screening. */
    static final String SCREENING = "screening";

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
                            null,
                            SCREENING,
                            "",
                            false));
        }
        for (Object[] r : store.rows(
                "SELECT student_id, report_date, id, region, school, grade, tier_rank, tier, source FROM case_report"
                        + " WHERE policy_id = ? AND student_id IN " + touched,
                List.of(policyId, touchedParam))) {
            timelines
                    .computeIfAbsent(num(r[0]), k -> new ArrayList<>())
                    .add(new Step(
                            (String) r[1],
                            0,
                            "",
                            num(r[2]),
                            0,
                            "",
                            (String) r[3],
                            (String) r[4],
                            (String) r[5],
                            (int) num(r[6]),
                            (String) r[7],
                            null,
                            (String) r[8],
                            "",
                            false));
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
                t.add(Step.event((String) r[1], num(r[2]), EventKind.ofWord((String) r[3])));
            }
        }
        for (Object[] r : store.rows(
                "SELECT student_id, assessed_on, id, tier_rank, tier, reason, role FROM case_assessment"
                        + " WHERE policy_id = ? AND student_id IN " + touched,
                List.of(policyId, touchedParam))) {
            List<Step> t = timelines.get(num(r[0]));
            if (t != null) { // an assessment stands on a case, which a screening or a report opened
                t.add(Step.assessment((String) r[1], num(r[2]), (int) num(r[3]), (String) r[4], r[5] + ", " + r[6]));
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
                        + " grade, policy_id, tier, tier_rank, state, opened_wave, last_wave, updated_at, source,"
                        + " screened_tier) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement change = c.prepareStatement("UPDATE warning_case SET region = ?, school = ?,"
                        + " grade = ?, tier = ?, tier_rank = ?, state = ?, opened_wave = ?, last_wave = ?,"
                        + " updated_at = ?, source = ?, screened_tier = ? WHERE id = ?");
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
                String source = SCREENING;
                String lastWave = "";
                String screenedTier = null;
                int screenedRank = -1;
                for (Step s : steps) {
                    if (s.event() != null) {
                        if (state != null) {
                            state = after(state, s.event());
                        }
                        continue;
                    }
                    if (s.assessment()) {
                        if (state == null || state == CaseState.CLOSED) {
                            continue; // the store refuses these; a deletion may leave one without its case
                        }
                        String how = s.rank() < rank ? "raised" : s.rank() > rank ? "lowered" : "confirmed";
                        rank = s.rank();
                        tier = s.tier();
                        addEvent(
                                event,
                                nextEvent++,
                                id,
                                EventKind.ASSESSED,
                                s.date(),
                                tier + " " + how + " (" + s.note() + ")",
                                now);
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
                    String outcome = s.tier() + (s.report() ? " (" + s.source() + " report)" : "");
                    if (kind == EventKind.OPENED || kind == EventKind.REOPENED) {
                        source = s.source();
                        screenedRank = -1;
                    }
                    if (screenedRank < 0 || s.rank() < screenedRank) {
                        screenedRank = s.rank();
                        screenedTier = s.tier();
                    }
                    if (kind == null && s.report()) {
                        addEvent(event, nextEvent++, id, EventKind.REPORTED, s.date(), outcome, now);
                    }
                    if (kind != null) {
                        state = CaseState.OPEN;
                        rank = s.rank();
                        tier = s.tier();
                        addEvent(event, nextEvent++, id, kind, s.date(), outcome, now);
                        if (s.waveId() == countWave) {
                            switch (kind) {
                                case OPENED -> counts.opened++;
                                case ESCALATED -> counts.escalated++;
                                default -> counts.reopened++;
                            }
                        }
                    }
                    last = s;
                    lastWave = s.waveName().isEmpty() ? lastWave : s.waveName();
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
                w.setString(k++, lastWave); // the latest wave that flagged it; "" when only reports did
                w.setString(k++, now);
                w.setString(k++, source);
                w.setString(k++, screenedTier);
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

    /** Batches one of the store's own events on a case. */
    private static void addEvent(
            PreparedStatement event, long eventId, long caseId, EventKind kind, String date, String outcome, String now)
            throws SQLException {
        event.setLong(1, eventId);
        event.setLong(2, caseId);
        event.setString(3, kind.word());
        event.setString(4, date);
        event.setString(5, Role.SYSTEM.word());
        event.setString(6, outcome);
        event.setString(7, now);
        event.addBatch();
    }

    /** The first day of a term when neither the screening nor its wave has a test date. */
    private static String termStart(String schoolYear, long term) {
        int year = Integer.parseInt(schoolYear.substring(0, 4));
        return term == 1 ? year + "-09-01" : (year + 1) + "-02-01";
    }

    private static long num(Object o) {
        return ((Number) o).longValue();
    }

    /** Replays one student's case under the policy (after a person recorded something on it). */
    void replay(String policyId, long studentId) throws SQLException {
        rebuild(policyId, "(?)", studentId, -1);
    }
}
