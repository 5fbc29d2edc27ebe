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
 * @param source what opened it: {@code screening}, or a report's source ({@code teacher}, {@code peer}, …)
 * @param screenedTier the most severe tier its screenings and reports reached since it (re-)opened; {@link
 *     #tier} differs from it when a counsellor's assessment raised or lowered the case
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
        List<CaseEvent> events,
        String source,
        String screenedTier) {
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
     * @param source what opened it
     * @param screenedTier the tier its screenings and reports reached
     */
    public WarningCase {
        events = List.copyOf(events);
    }
}
