package org.psyscreen.batch;

import java.util.List;

/**
 * One scored record as a {@link ResultSink} receives it, in every typed form the run writes it: the
 * screening result, its {@code scores.csv} cells and its {@code scores.jsonl} entry. A sink takes
 * what it needs; the entry is built only when asked for. Never printed: it holds health data.
 */
public final class ResultRow {
    private final RowOutcome outcome;
    private final List<String> cells;
    private final List<String> normTableIds;
    private BatchScorer.ScreenedRecord screened;
    private ScoresJsonl.Entry entry;

    ResultRow(RowOutcome outcome, List<String> cells, List<String> normTableIds) {
        this.outcome = outcome;
        this.cells = cells;
        this.normTableIds = normTableIds;
    }

    /** {@return the record: its number, line, student (the keyed pseudonym, or the raw id of a run without a key) and result} */
    public BatchScorer.ScreenedRecord screened() {
        if (screened == null) {
            screened = new BatchScorer.ScreenedRecord(
                    outcome.recordNo(), outcome.line(), outcome.student(), outcome.result());
        }
        return screened;
    }

    /** {@return its {@code scores.csv} cells, in {@link ResultSink.Start#columns()} order, spreadsheet-safe} */
    public List<String> cells() {
        return cells;
    }

    /**
     * {@return the record as {@code scores.jsonl} holds it: the same typed entry {@link ScoresJsonl.Reader}
     * reads back from the file, built from the result itself}
     */
    public ScoresJsonl.Entry entry() {
        if (entry == null) {
            entry = ScoresJsonl.entry(outcome, normTableIds);
        }
        return entry;
    }

    @Override
    public String toString() {
        return "ResultRow[record " + outcome.recordNo() + "]";
    }
}
