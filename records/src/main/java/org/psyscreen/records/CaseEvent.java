package org.psyscreen.records;

/**
 * One event on a warning case.
 *
 * @param kind what happened
 * @param date when (ISO date)
 * @param role who, as a role
 * @param outcome a short code (for store events: the tier; for a plan: the plan; for the parents'
 *     notice: how)
 * @param owner a plan's owner (a staff code), else {@code ""}
 * @param nextContact a plan's next contact (ISO date), else {@code ""}
 */
public record CaseEvent(EventKind kind, String date, Role role, String outcome, String owner, String nextContact) {
    /**
     * An event that is not a plan.
     *
     * @param kind what happened
     * @param date when (ISO date)
     * @param role who, as a role
     * @param outcome a short code
     */
    public CaseEvent(EventKind kind, String date, Role role, String outcome) {
        this(kind, date, role, outcome, "", "");
    }
}
