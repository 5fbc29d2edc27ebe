package org.psyscreen.batch;

import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * Where the cells of one {@code scores.csv} row go, in column order: straight into the output's
 * bytes ({@link CsvLines.Line}) or into a list ({@link #into}) for front ends that take cells (Spark).
 * One row builder serves both, so they cannot differ.
 */
interface RowCells {
    /** The next cell; {@code null} is an empty cell. */
    void add(String cell);

    /**
     * The next cell, a value that recurs from row to row as the same string object (a label, a code,
     * a name, a problem text built once), which a writer of bytes may encode once. The same cell as
     * {@link #add(String)}.
     */
    default void addRepeated(String cell) {
        add(cell);
    }

    /**
     * The next cell: {@code items} named by {@code name} and joined by single spaces ({@code ""} for
     * none), which a writer of bytes may write without building the string. The same cell as
     * {@link #add(String)} of {@link #join}.
     *
     * @param <T> the items' type
     * @param items the items, in order
     * @param name each item's text
     */
    default <T> void addJoined(Collection<T> items, Function<T, String> name) {
        add(join(items, name));
    }

    /**
     * {@return {@code items} named by {@code name} and joined by single spaces, without a stream (one per
     * cell and record)}
     *
     * @param <T> the items' type
     * @param items the items, in order
     * @param name each item's text
     */
    static <T> String join(Collection<T> items, Function<T, String> name) {
        if (items.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        boolean first = true;
        for (T item : items) {
            if (!first) {
                sb.append(' ');
            }
            first = false;
            sb.append(name.apply(item));
        }
        return sb.toString();
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
