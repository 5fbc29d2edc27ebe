package org.psyscreen.records;

/**
 * One event on a warning case.
 *
 * @param kind what happened
 * @param date when (ISO date)
 * @param role who, as a role
 * @param outcome a short code (for store events: the tier)
 */
public record CaseEvent(EventKind kind, String date, Role role, String outcome) {}
