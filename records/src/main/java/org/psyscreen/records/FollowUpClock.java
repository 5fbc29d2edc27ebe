package org.psyscreen.records;

import java.time.LocalDate;

/**
 * The follow-up clock of one case, fed its steps in date order: the one rule for when a case's next
 * contact is due, for the overdue list ({@link Overdue}) and for checking back step by step
 * ({@link CaseTimeline}). The clock starts when the case opens, re-opens or escalates, and restarts at
 * every contact (an interview, a parents' contact or notice, a referral, a return-to-school assessment,
 * monitoring, an assessment, a home visit while the case runs). The next contact is due the tier's
 * interval after it, or at the plan's next contact when a plan set since then names an earlier day. A
 * closure stops the clock.
 */
final class FollowUpClock {
    private String last;
    private String owner;
    private String planDate;
    private String planNext;

    /** The case opened, re-opened or escalated on {@code date}. */
    void start(String date) {
        last = later(last, date);
    }

    /** A contact on {@code date}: counts only while the case runs. */
    void contact(String date) {
        if (last != null) {
            last = later(last, date);
        }
    }

    /** A plan recorded on {@code date} by its owner, with its next contact or {@code null}. */
    void plan(String date, String owner, String nextContact) {
        this.owner = owner;
        this.planDate = date;
        this.planNext = nextContact;
    }

    /** The case closed: nothing is due until it re-opens. */
    void close() {
        last = null;
    }

    /** Feeds one of the case's events. */
    void event(EventKind kind, String date, String owner, String nextContact) {
        if (kind == EventKind.OPENED || kind == EventKind.REOPENED || kind == EventKind.ESCALATED) {
            start(date);
        } else if (kind == EventKind.PLANNED) {
            plan(date, owner, nextContact);
        } else if (kind == EventKind.CLOSURE) {
            close();
        } else if (kind != null && kind.contact()) {
            contact(date);
        }
    }

    /** {@return whether the clock runs (the case opened and is not closed)} */
    boolean running() {
        return last != null;
    }

    /** {@return the last contact or the opening, or {@code null} when the clock does not run} */
    String lastContact() {
        return last;
    }

    /** {@return the current plan's owner, or {@code ""}} */
    String owner() {
        return owner == null ? "" : owner;
    }

    /**
     * {@return when the next contact is due at a tier with this interval, or {@code null} when the clock
     * does not run}
     *
     * @param followUpDays the tier's interval
     */
    LocalDate due(int followUpDays) {
        if (last == null) {
            return null;
        }
        LocalDate due = LocalDate.parse(last).plusDays(followUpDays);
        if (planNext != null && planDate.compareTo(last) >= 0) { // the plan's next contact, set since then
            LocalDate planned = LocalDate.parse(planNext);
            due = planned.isBefore(due) ? planned : due;
        }
        return due;
    }

    private static String later(String a, String b) {
        return a == null || b.compareTo(a) > 0 ? b : a;
    }
}
