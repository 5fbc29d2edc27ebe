package org.psyscreen.records;

import java.util.List;

/**
 * A student on the warning list (一人一案): the tier of the most severe screening since the case
 * opened, its state and its events, oldest first.
 *
 * @param token the student's pseudonym
 * @param region region of the school that holds the case
 * @param school the school that holds the case
 * @param grade the grade at the latest screening
 * @param policyId the tier policy the case follows
 * @param tier tier id
 * @param tierRank 0 for the most severe tier
 * @param state open, monitoring or closed
 * @param openedWave the wave that opened it
 * @param lastWave the latest wave that flagged it
 * @param events what happened, oldest first
 */
public record WarningCase(
        String token,
        String region,
        String school,
        String grade,
        String policyId,
        String tier,
        int tierRank,
        CaseState state,
        String openedWave,
        String lastWave,
        List<CaseEvent> events) {
    /**
     * Copies the events.
     *
     * @param token the student's pseudonym
     * @param region region of the school that holds the case
     * @param school the school that holds the case
     * @param grade the grade at the latest screening
     * @param policyId the tier policy the case follows
     * @param tier tier id
     * @param tierRank 0 for the most severe tier
     * @param state open, monitoring or closed
     * @param openedWave the wave that opened it
     * @param lastWave the latest wave that flagged it
     * @param events what happened, oldest first
     */
    public WarningCase {
        events = List.copyOf(events);
    }
}
