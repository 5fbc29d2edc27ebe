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
 *
 * <p>Order of calls: {@link #open}, {@link #accept} for each record, {@link #finish}, then
 * {@link #published} once the run's folder has been switched into place; or {@link #abandon} at any
 * point before {@code published} when the run is refused or fails. A sink that writes elsewhere
 * than the folder (a database) keeps its writes uncommitted until {@code published}, so a run that
 * is not published leaves nothing there either.
 */
public interface ResultSink {

    /**
     * What a sink is told when a run starts.
     *
     * @param folder the run's private staging folder: files written here are published with the run
     * @param columns the columns of {@code scores.csv}, in order
     * @param policy the policy's {@code id@version}, or empty for a run without tiers
     * @param inputSha256 the input file's SHA-256, hex (the run's identity, as in {@code summary.json})
     * @param keyId the pseudonymisation key's id, or empty for a run without a key (students are raw ids)
     * @param engineVersion the engine version that scores the run
     * @param instruments each instrument's {@code id@version} and definition hash, by instrument id (as in
     *     {@code summary.json})
     */
    record Start(
            Path folder,
            List<String> columns,
            String policy,
            String inputSha256,
            String keyId,
            String engineVersion,
            java.util.Map<String, SummaryJson.Definition> instruments) {}

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
     * @param row the record: its screening result, its {@code scores.csv} cells and its audit-trail entry
     * @throws IOException when the sink cannot take it: the run fails and nothing is published
     */
    void accept(ResultRow row) throws IOException;

    /**
     * Every record has been given and the run will be published.
     *
     * @param summary the run's counts (its list of outputs is not final yet)
     * @return the names of the files this sink wrote into the folder, listed in {@code summary.json}
     * @throws IOException when the sink cannot finish: the run fails and nothing is published
     */
    List<String> finish(RunSummary summary) throws IOException;

    /**
     * The run's folder has been published: a sink that holds uncommitted writes commits them now. When
     * this throws, the folder stands and this sink's writes are not kept; the run's caller gets the
     * exception.
     *
     * @throws IOException when the writes cannot be committed
     */
    default void published() throws IOException {}

    /** The run was refused or failed: release what the sink holds; its files are discarded with the folder. */
    default void abandon() {}
}
