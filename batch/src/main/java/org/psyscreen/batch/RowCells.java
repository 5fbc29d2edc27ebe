package org.psyscreen.batch;

import java.util.List;

/**
 * Where the cells of one {@code scores.csv} row go, in column order: straight into the output's
 * bytes ({@link CsvLines.Line}) or into a list ({@link #into}) for front ends that take cells (Spark).
 * One row builder serves both, so they cannot differ.
 */
interface RowCells {
    /** The next cell; {@code null} is an empty cell. */
    void add(String cell);

    /**
     * The next cell, known to be printable ASCII without a comma or quote (an enum's name, a fixed
     * status text), so it needs no check for quoting.
     */
    default void addPlain(String cell) {
        add(cell);
    }

    /** The next cell, a whole number. */
    default void add(long v) {
        add(Long.toString(v));
    }

    /** Cells collected into {@code list}. */
    static RowCells into(List<String> list) {
        return list::add;
    }
}
