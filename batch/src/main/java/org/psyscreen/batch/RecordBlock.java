package org.psyscreen.batch;

/**
 * Consecutive non-blank records of a response file. Immutable once read; scored on any thread.
 * Fields are decoded only when asked for, on the thread that asks.
 */
interface RecordBlock {
    /** Number of records. */
    int size();

    /** The line record {@code i} starts on (1-based, the header is line 1). */
    long line(int i);

    /** Every field of record {@code i}, as many as the record has. */
    String[] fields(int i);

    /** Field {@code column} of record {@code i}, or {@code ""} when the record is shorter or the column is negative. */
    String field(int i, int column);

    /** Records already cut into cells (JSON Lines, a workbook): each with the line or sheet row it starts on. */
    record OfCells(java.util.List<String[]> records, long[] lines) implements RecordBlock {
        @Override
        public int size() {
            return records.size();
        }

        @Override
        public long line(int i) {
            return lines[i];
        }

        @Override
        public String[] fields(int i) {
            return records.get(i).clone();
        }

        @Override
        public String field(int i, int column) {
            String[] r = records.get(i);
            return column >= 0 && column < r.length ? r[column] : "";
        }
    }
}
