package org.psyscreen.records;

import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.psyscreen.diagnostic.ProblemCode;
import org.psyscreen.tier.CutoffPolicy;
import org.psyscreen.tier.Tier;

/**
 * When each open or monitored case is next due for a contact ({@link CaseDue}), from its events, its
 * plan and the student's home visits, by the policy's follow-up interval for the case's tier.
 */
final class Overdue {
    private Overdue() {}

    /**
     * {@return every open or monitored case in scope under the policy with its due date, most severe
     * tier first, then the longest overdue}
     *
     * @throws RecordStoreException PSY-3108 when the policy declares no interval for a tier: nothing
     *     could be called overdue there, and an empty list would say nobody is
     */
    static List<CaseDue> of(RecordStore store, Scope scope, CutoffPolicy policy, LocalDate asOf) throws SQLException {
        requireIntervals(policy);
        List<Object> p = new ArrayList<>(List.of(policy.id()));
        String where = scope.where("c", p);
        Map<Long, Object[]> cases = new HashMap<>();
        List<Long> order = new ArrayList<>();
        for (Object[] r : store.rows(
                "SELECT c.id, st.token, c.region, c.school, c.grade, c.tier, c.state, c.student_id FROM warning_case c"
                        + " JOIN student st ON st.id = c.student_id WHERE c.policy_id = ? AND c.state <> 'closed'"
                        + " AND " + where,
                p)) {
            long id = ((Number) r[0]).longValue();
            cases.put(id, r);
            order.add(id);
        }
        Map<Long, FollowUpClock> clocks = new HashMap<>();
        List<Object> q = new ArrayList<>(List.of(policy.id()));
        String whereEvents = scope.where("c", q);
        for (Object[] r : store.rows(
                "SELECT e.case_id, e.kind, e.event_date, e.owner, e.due_date FROM case_event e JOIN warning_case c ON"
                        + " c.id = e.case_id WHERE c.policy_id = ? AND c.state <> 'closed' AND " + whereEvents
                        + " ORDER BY e.event_date, e.id",
                q)) {
            clocks.computeIfAbsent(((Number) r[0]).longValue(), k -> new FollowUpClock())
                    .event(EventKind.ofWord((String) r[1]), (String) r[2], (String) r[3], (String) r[4]);
        }
        List<Object> v = new ArrayList<>(List.of(policy.id()));
        String whereVisits = scope.where("c", v);
        for (Object[] r : store.rows(
                "SELECT c.id, MAX(h.visit_date) FROM home_visit h JOIN warning_case c ON c.student_id = h.student_id"
                        + " WHERE c.policy_id = ? AND c.state <> 'closed' AND " + whereVisits + " GROUP BY c.id",
                v)) {
            FollowUpClock c = clocks.get(((Number) r[0]).longValue());
            if (c != null) { // a visit before the case opened is not a contact on it
                c.contact((String) r[1]);
            }
        }
        List<CaseDue> out = new ArrayList<>();
        for (long id : order) {
            Object[] r = cases.get(id);
            FollowUpClock c = clocks.get(id);
            if (c == null || !c.running()) {
                continue; // a case without its opening event was left by a deletion; it has nothing to follow
            }
            Tier tier = policy.tier((String) r[5])
                    .orElseThrow(() -> new RecordStoreException(
                            "a case's tier is not one of " + policy.key() + "'s: the store was edited"));
            LocalDate due = c.due(tier.followUpDays());
            out.add(new CaseDue(
                    (String) r[1],
                    (String) r[2],
                    (String) r[3],
                    (String) r[4],
                    (String) r[5],
                    CaseState.of((String) r[6]),
                    c.owner(),
                    LocalDate.parse(c.lastContact()),
                    due,
                    ChronoUnit.DAYS.between(due, asOf)));
        }
        out.sort(Comparator.comparingInt((CaseDue d) -> policy.rank(d.tier()))
                .thenComparing(Comparator.comparingLong(CaseDue::daysOverdue).reversed())
                .thenComparing(CaseDue::token));
        return out;
    }

    /**
     * Refuses a policy without an interval on every tier.
     *
     * @throws RecordStoreException PSY-3108 when the policy declares no interval for a tier
     */
    static void requireIntervals(CutoffPolicy policy) {
        List<String> undeclared = policy.tiers().stream()
                .filter(t -> t.followUpInterval().isEmpty())
                .map(Tier::id)
                .toList();
        if (!undeclared.isEmpty()) {
            throw new RecordStoreException(ProblemCode.CASE_NO_INTERVAL.id() + " " + policy.key()
                    + " declares no follow-up interval for " + String.join(", ", undeclared)
                    + ": nothing can be called overdue at such a tier; declare followUpDays on every tier of the"
                    + " policy");
        }
    }
}
