package org.psyscreen.report;

/**
 * A run folder a report cannot be drawn from: a damaged or edited {@code scores.csv} or
 * {@code scores.jsonl}, a column the report needs that is missing, a count that disagrees with
 * {@code summary.json}. The message names the file, line and column, never a value.
 */
public final class ReportInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * A refusal.
     *
     * @param message where, and what to do
     */
    public ReportInputException(String message) {
        super(message);
    }
}
