package org.psyscreen.records;

import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.psyscreen.tier.CutoffPolicy;

/**
 * A student's case checked back step by step (倒查): each step in date order with the tier the case was
 * at, when a contact was due before it and how many days late it came, and where the case stands on
 * the day asked about. The due dates are the overdue list's ({@link FollowUpClock}): a step that came
 * after the due day is late by the days between.
 *
 * @param kase the case
 * @param steps its steps and the student's home visits while it ran, oldest first
 * @param due when the next contact is due on {@code asOf}, or {@code null} for a closed case
 * @param daysOverdue days past {@code due} on {@code asOf}; 0 or less when not overdue or closed
 */
public record CaseTimeline(WarningCase kase, List<Step> steps, LocalDate due, long daysOverdue) {
    /**
     * Copies the steps.
     *
     * @param kase the case
     * @param steps its steps, oldest first
     * @param due the next contact's due date, or {@code null}
     * @param daysOverdue days past it
     */
    public CaseTimeline {
        steps = List.copyOf(steps);
    }

    /**
     * One step of a case.
     *
     * @param date when
     * @param what the event's word ({@code opened}, {@code interview}, …) or {@code home-visit}
     * @param role who, as a role
     * @param tier the case's tier after the step
     * @param due when a contact was due before the step, or {@code null} (the case was not running)
     * @param daysLate days the step came after {@code due}; 0 when on time
     */
    public record Step(String date, String what, Role role, String tier, LocalDate due, long daysLate) {
        /** {@return whether the step came after a contact was due} */
        public boolean late() {
            return daysLate > 0;
        }
    }

    /** {@return the steps that came late} */
    public List<Step> lateSteps() {
        return steps.stream().filter(Step::late).toList();
    }

    /** The student's case under the policy in scope, checked back as of {@code asOf}. */
    static Optional<CaseTimeline> of(RecordStore store, Scope scope, String token, CutoffPolicy policy, LocalDate asOf)
            throws SQLException {
        Overdue.requireIntervals(policy);
        Object[] row = CaseRecords.caseRow(store, scope, token, policy.id(), false);
        if (row == null) {
            return Optional.empty();
        }
        WarningCase c = new Queries(store).caseById(((Number) row[0]).longValue());
        record Raw(String date, int order, CaseEvent event, Role visitRole) {}
        List<Raw> raw = new ArrayList<>();
        for (int i = 0; i < c.events().size(); i++) {
            CaseEvent e = c.events().get(i);
            raw.add(new Raw(e.date(), i, e, null));
        }
        String since = c.events().isEmpty() ? null : c.events().get(0).date();
        List<Object> v = new ArrayList<>(List.of(token));
        String whereVisits = scope.where("h", v);
        for (Object[] r : store.rows(
                "SELECT h.visit_date, h.role FROM home_visit h JOIN student st ON st.id = h.student_id WHERE"
                        + " st.token = ? AND " + whereVisits + " ORDER BY h.visit_date, h.id",
                v)) {
            String date = (String) r[0];
            if (since != null && date.compareTo(since) >= 0) { // a visit before the case opened is not on it
                raw.add(new Raw(date, Integer.MAX_VALUE, null, Role.ofWord((String) r[1])));
            }
        }
        raw.sort(Comparator.comparing(Raw::date).thenComparingInt(Raw::order));
        FollowUpClock clock = new FollowUpClock();
        String tier = "";
        List<Step> steps = new ArrayList<>();
        for (Raw r : raw) {
            LocalDate due = tier.isEmpty() ? null : clock.due(interval(policy, tier));
            long late = due == null ? 0 : Math.max(0, ChronoUnit.DAYS.between(due, LocalDate.parse(r.date())));
            String what;
            Role role;
            if (r.event() == null) {
                clock.contact(r.date());
                what = "home-visit";
                role = r.visitRole();
            } else {
                CaseEvent e = r.event();
                clock.event(e.kind(), e.date(), e.owner(), e.nextContact().isEmpty() ? null : e.nextContact());
                if (setsTier(e.kind())) {
                    tier = e.outcome().split(" ", 2)[0];
                }
                what = e.kind().word();
                role = e.role();
            }
            steps.add(new Step(r.date(), what, role, tier, due, late));
        }
        LocalDate due = clock.due(interval(policy, c.tier()));
        return Optional.of(new CaseTimeline(c, steps, due, due == null ? 0 : ChronoUnit.DAYS.between(due, asOf)));
    }

    private static boolean setsTier(EventKind kind) {
        return kind == EventKind.OPENED
                || kind == EventKind.REOPENED
                || kind == EventKind.ESCALATED
                || kind == EventKind.ASSESSED;
    }

    private static int interval(CutoffPolicy policy, String tier) {
        return policy.tier(tier)
                .orElseThrow(() -> new RecordStoreException(
                        "a case's tier is not one of " + policy.key() + "'s: the store was edited"))
                .followUpDays();
    }
}
