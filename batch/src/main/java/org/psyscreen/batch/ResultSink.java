package org.psyscreen.batch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A destination for a run's results beside the files every run writes ({@code scores.csv},
 * {@code scores.jsonl}, {@code rollup.csv}, {@code summary.json}): a spreadsheet, a database table,
 * a queue. The batch opens it with the run's facts, hands it every record in input order on one
 * thread, and finishes it with the run's counts; what it writes into the run's folder is published
 * with the run, in one switch, or not at all. A run refused after scoring (a file problem only the
 * whole file shows) or one that fails is {@linkplain #abandon abandoned}, and the folder with it.
 *
 * <p>Each record reaches a sink exactly once, with the same result {@code scores.csv} holds, so
 * counts in equal counts out for every sink. A sink is used for one run; make a new one per run.
 */
public interface ResultSink {

    /**
     * What a sink is told when a run starts.
     *
     * @param folder the run's private staging folder: files written here are published with the run
     * @param columns the columns of {@code scores.csv}, in order
     * @param policy the policy's {@code id@version}, or empty for a run without tiers
     */
    record Start(Path folder, List<String> columns, String policy) {}

    /**
     * The run has been checked and scoring starts.
     *
     * @param start the run's facts
     * @throws IOException when the sink cannot start: the run fails and nothing is published
     */
    void open(Start start) throws IOException;

    /**
     * One record, in input order.
     *
     * @param record the record: its number, line, student (the keyed pseudonym, or the raw id of a run
     *     without a key) and the screening result
     * @param cells its {@code scores.csv} cells in {@link Start#columns()} order, spreadsheet-safe
     * @throws IOException when the sink cannot take it: the run fails and nothing is published
     */
    void accept(BatchScorer.ScreenedRecord record, List<String> cells) throws IOException;

    /**
     * Every record has been given and the run will be published.
     *
     * @param summary the run's counts (its list of outputs is not final yet)
     * @return the names of the files this sink wrote into the folder, listed in {@code summary.json}
     * @throws IOException when the sink cannot finish: the run fails and nothing is published
     */
    List<String> finish(RunSummary summary) throws IOException;

    /** The run was refused or failed: release what the sink holds; its files are discarded with the folder. */
    default void abandon() {}
}
