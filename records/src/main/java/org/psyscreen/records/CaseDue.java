package org.psyscreen.records;

import java.time.LocalDate;

/**
 * An open or monitored case and when its next contact is due: its tier's follow-up interval (the
 * policy's {@code followUpDays}) after its last contact, or the plan's next contact when that is
 * earlier. A contact is an interview, a parents' contact or notice, a referral, a return-to-school
 * assessment, a move to monitoring, a second-stage assessment or a home visit; the clock starts when
 * the case opens, re-opens or escalates.
 *
 * @param token the student's pseudonym
 * @param region the region of the school that holds the case
 * @param school the school that holds the case
 * @param grade the grade at the latest screening or report
 * @param tier the case's tier
 * @param state open or monitoring
 * @param owner the current plan's owner (a staff code), or {@code ""} when the case has no plan
 * @param lastContact the last contact (or the opening) date
 * @param due when the next contact is due
 * @param daysOverdue days past {@code due} on the day asked about; 0 or less when not overdue
 */
public record CaseDue(
        String token,
        String region,
        String school,
        String grade,
        String tier,
        CaseState state,
        String owner,
        LocalDate lastContact,
        LocalDate due,
        long daysOverdue) {
    /** {@return whether the next contact is past due} */
    public boolean overdue() {
        return daysOverdue > 0;
    }
}
