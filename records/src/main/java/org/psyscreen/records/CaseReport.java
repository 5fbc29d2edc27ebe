package org.psyscreen.records;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A report that puts a student on the warning list without a screening: from a teacher, a peer, the
 * parents, the counsellor's observation or the student. It opens a case at its tier (or re-opens or
 * escalates one, as a screening would); it needs no screening.
 *
 * @param source where the warning came from
 * @param tier the tier the report puts the student in (a tier id of the policy)
 * @param date when it was reported
 * @param role who recorded it, as a role (never a name)
 * @param grade the student's grade code at the time ({@code 7}, {@code v1})
 */
public record CaseReport(ReportSource source, String tier, LocalDate date, Role role, String grade) {
    /**
     * Checks that every part is given.
     *
     * @param source where the warning came from
     * @param tier the tier id
     * @param date when
     * @param role who recorded it
     * @param grade the grade code
     */
    public CaseReport {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(grade, "grade");
        if (role == Role.SYSTEM) {
            throw new IllegalArgumentException("the role 'system' is the store's own");
        }
    }
}
