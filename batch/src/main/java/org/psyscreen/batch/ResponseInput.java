package org.psyscreen.batch;

/**
 * What a run scores: a {@link ResponseFile} (CSV, JSON Lines, a workbook) or {@link ResponseRows}
 * (cells a caller already holds: a database query, a message queue, a Spark partition collected).
 * Every kind gives the scorer a header of column names, then records of cells, so every kind gets
 * the same record checks, the same problem codes and the same counts-in == counts-out contract.
 */
public sealed interface ResponseInput permits ResponseFile, ResponseRows {
    /** {@return the input's name, as messages and the summary give it} */
    String name();
}
