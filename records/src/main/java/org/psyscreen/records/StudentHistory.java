package org.psyscreen.records;

import java.util.List;
import java.util.Map;

/**
 * One student's record across waves, as far as the caller's scope reaches: every screening, oldest
 * first, with the change on every scale since the previous one, and the student's warning cases.
 *
 * @param token the student's pseudonym
 * @param screenings oldest first
 * @param cases the student's warning cases, oldest first
 */
public record StudentHistory(String token, List<Screening> screenings, List<WarningCase> cases) {
    /**
     * Copies the lists.
     *
     * @param token the student's pseudonym
     * @param screenings oldest first
     * @param cases the student's warning cases, oldest first
     */
    public StudentHistory {
        screenings = List.copyOf(screenings);
        cases = List.copyOf(cases);
    }

    /**
     * One screening of the student.
     *
     * @param wave wave name
     * @param schoolYear e.g. 2026-2027
     * @param term 1 or 2
     * @param region region
     * @param school school
     * @param schoolClass class
     * @param grade grade code
     * @param testDate ISO date, or {@code null}
     * @param problems the record's problems (codes and columns)
     * @param forms by instrument id
     * @param norms by norm table id
     * @param decisions every decision on this screening: the one made at import first ("as decided
     *     then"), then re-decisions under other policy versions
     * @param changes every scale against the student's previous screening in scope (empty for the first)
     */
    public record Screening(
            String wave,
            String schoolYear,
            int term,
            String region,
            String school,
            String schoolClass,
            String grade,
            String testDate,
            String problems,
            Map<String, Form> forms,
            Map<String, Norm> norms,
            List<Decision> decisions,
            List<ScaleChange> changes) {}

    /**
     * One form.
     *
     * @param instrumentKey id@version
     * @param definitionSha256 the definition's hash
     * @param status SCORED, INCOMPLETE, INVALID or NOT_ADMINISTERED
     * @param reasons why not scored
     * @param scales scale scores in definition order ({@code null} values: not scored)
     * @param critical critical items, {@code item=STATE ...}
     */
    public record Form(
            String instrumentKey,
            String definitionSha256,
            String status,
            String reasons,
            Map<String, Double> scales,
            String critical) {}

    /**
     * One norm lookup.
     *
     * @param tableKey id@version
     * @param status NORMED, NORMED_UNVERIFIED, NORMED_SYNTHETIC or NO_NORM with the reason
     * @param t T-score or {@code null}
     * @param percentile percentile or {@code null}
     */
    public record Norm(String tableKey, String status, Double t, Double percentile) {}

    /**
     * A tier decision.
     *
     * @param policy id@version
     * @param tier tier id, or {@code null} when no risk was identified (or it could not be)
     * @param undetermined rules could not be evaluated and no tier was reached: never "no risk"
     * @param followUps follow-up codes
     * @param explanation JSON: the rules that fired with what they read, and the unevaluated rules
     */
    public record Decision(String policy, String tier, boolean undetermined, String followUps, String explanation) {}
}
