package org.psyscreen.records;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    private static final class Row {
        final long id;
        int rank;
        CaseState state;

        Row(long id, int rank, CaseState state) {
            this.id = id;
            this.rank = rank;
            this.state = state;
        }
    }

    private String policyId;
    private List<String> tiers;
    private String wave;
    private final Map<Long, Row> latest = new HashMap<>();
    private final Counts counts = new Counts();
    private PreparedStatement insert;
    private PreparedStatement change;
    private PreparedStatement event;
    private long nextCase;
    private long nextEvent;

    Cases(RecordStore store) {
        this.store = store;
    }

    /** Prepares to apply one import's flags under a policy. */
    Cases forImport(String policyId, List<String> tiers, String wave) throws SQLException {
        this.policyId = policyId;
        this.tiers = tiers;
        this.wave = wave;
        for (Object[] r : store.rows(
                "SELECT student_id, id, tier_rank, state FROM warning_case WHERE policy_id = ? ORDER BY id",
                List.of(policyId))) {
            latest.put(
                    ((Number) r[0]).longValue(),
                    new Row(((Number) r[1]).longValue(), ((Number) r[2]).intValue(), CaseState.of((String) r[3])));
        }
        nextCase = store.nextId("warning_case");
        nextEvent = store.nextId("case_event");
        var c = store.connection();
        insert = c.prepareStatement(
                "INSERT INTO warning_case (id, student_id, region, school, grade, policy_id, tier,"
                        + " tier_rank, state, opened_wave, last_wave, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?)");
        change =
                c.prepareStatement("UPDATE warning_case SET region = ?, school = ?, grade = ?, tier = ?, tier_rank = ?,"
                        + " state = ?, last_wave = ?, updated_at = ? WHERE id = ?");
        event = c.prepareStatement("INSERT INTO case_event (id, case_id, kind, event_date, role, outcome, recorded_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)");
        return this;
    }

    /** A screening of this import, tested on {@code tested} (ISO, or null), flagged the student at tier {@code rank}. */
    void flagged(long studentId, String region, String school, String grade, String tier, int rank, String tested)
            throws SQLException {
        Row row = latest.get(studentId);
        String now = store.now();
        if (row == null) {
            long id = nextCase++;
            insert.setLong(1, id);
            insert.setLong(2, studentId);
            insert.setString(3, region);
            insert.setString(4, school);
            insert.setString(5, grade);
            insert.setString(6, policyId);
            insert.setString(7, tier);
            insert.setInt(8, rank);
            insert.setString(9, wave);
            insert.setString(10, wave);
            insert.setString(11, now);
            insert.addBatch();
            latest.put(studentId, new Row(id, rank, CaseState.OPEN));
            event(id, EventKind.OPENED, tier, tested);
            counts.opened++;
            return;
        }
        EventKind kind = null;
        if (row.state == CaseState.CLOSED) {
            kind = EventKind.REOPENED;
            row.rank = rank;
            row.state = CaseState.OPEN;
            counts.reopened++;
        } else if (rank < row.rank) {
            kind = EventKind.ESCALATED;
            row.rank = rank;
            row.state = CaseState.OPEN;
            counts.escalated++;
        }
        change.setString(1, region);
        change.setString(2, school);
        change.setString(3, grade);
        change.setString(4, tiers.get(row.rank));
        change.setInt(5, row.rank);
        change.setString(6, row.state.sql());
        change.setString(7, wave);
        change.setString(8, now);
        change.setLong(9, row.id);
        change.addBatch();
        if (kind != null) {
            event(row.id, kind, tier, tested);
        }
    }

    /** A store event, dated on the screening's test date (the import date when it has none). */
    private void event(long caseId, EventKind kind, String outcome, String tested) throws SQLException {
        event.setLong(1, nextEvent++);
        event.setLong(2, caseId);
        event.setString(3, kind.word());
        event.setString(4, tested == null ? store.today().toString() : tested);
        event.setString(5, Role.SYSTEM.word());
        event.setString(6, outcome);
        event.setString(7, store.now());
        event.addBatch();
    }

    void flush() throws SQLException {
        insert.executeBatch();
        change.executeBatch();
        event.executeBatch();
    }

    void close() throws SQLException {
        flush();
        insert.close();
        change.close();
        event.close();
    }

    Counts counts() {
        return counts;
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
        CaseState state = CaseState.of((String) rows.get(0)[1]);
        CaseState next = switch (f.kind()) {
            case MONITORING -> CaseState.MONITORING;
            case CLOSURE -> CaseState.CLOSED;
            case REFERRAL -> CaseState.OPEN;
            default -> state;
        };
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
        return new Queries(store).caseById(caseId);
    }
}
