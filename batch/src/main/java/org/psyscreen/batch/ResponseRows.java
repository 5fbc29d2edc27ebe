package org.psyscreen.batch;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * Responses a caller already holds as cells: a header of column names and one list of cells per
 * student, in the header's order, as text ({@code null} is an empty cell). They are scored exactly
 * as the same cells read from a CSV: the same header resolution and mapping, the same record checks
 * (a row longer or shorter than the header, a repeated header, duplicate ids), the same problem codes
 * and outputs. A row with no cells, or one empty cell, is a blank line: skipped and counted.
 *
 * <p>A run reads the rows three or four times (their hash, a checking pass, the scoring pass, and a
 * recount when ids may repeat), so {@code rows} must give the same rows each time it is iterated; a run whose
 * rows changed count between passes is refused (PSY-2010). The run's identity, {@code inputSha256}
 * in its summary, is the SHA-256 of the header and rows, each row written as its cell count and each
 * cell as its UTF-8 length and bytes (4-byte big-endian integers).
 */
public final class ResponseRows implements ResponseInput {
    private final String name;
    private final List<String> header;
    private final Iterable<? extends List<String>> rows;

    private ResponseRows(String name, List<String> header, Iterable<? extends List<String>> rows) {
        this.name = Objects.requireNonNull(name, "name");
        this.header = List.copyOf(header);
        this.rows = Objects.requireNonNull(rows, "rows");
    }

    /**
     * {@return rows to score}
     *
     * @param name what to call them in messages and the summary (a table or query name; never data)
     * @param header the column names, as a response file's header gives them
     * @param rows each student's cells in header order; iterated once per pass, the same each time
     */
    public static ResponseRows of(String name, List<String> header, Iterable<? extends List<String>> rows) {
        return new ResponseRows(name, header, rows);
    }

    @Override
    public String name() {
        return name;
    }

    /** {@return the column names} */
    public List<String> header() {
        return header;
    }

    @Override
    public String toString() {
        return "ResponseRows[" + name + ", " + header.size() + " columns]"; // never the cells
    }

    /** The hash and size of the header and rows, as the summary gives a file's. */
    ResponseFileScan.Bytes digest() {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long size = add(sha, header);
        for (List<String> row : rows) {
            size += add(sha, row);
        }
        return new ResponseFileScan.Bytes(
                HexFormat.of().formatHex(sha.digest()), size, StandardCharsets.UTF_8, 0, "rows", false, 0);
    }

    private static long add(MessageDigest sha, List<String> row) {
        sha.update(ByteBuffer.allocate(4).putInt(row.size()).array());
        long size = 4;
        for (String cell : row) {
            byte[] b = (cell == null ? "" : cell).getBytes(StandardCharsets.UTF_8);
            sha.update(ByteBuffer.allocate(4).putInt(b.length).array());
            sha.update(b);
            size += 4 + b.length;
        }
        return size;
    }

    /** The rows as a record source: the header, then blocks of records with their line numbers. */
    RecordSource open() {
        Iterator<? extends List<String>> it = rows.iterator();
        return new RecordSource() {
            private long line = 1; // the header is line 1, as in a file
            private long blank;

            @Override
            public String[] header() {
                return cells(header);
            }

            @Override
            public RecordBlock next(int max) {
                List<String[]> records = new ArrayList<>();
                List<Long> lines = new ArrayList<>();
                while (records.size() < max && it.hasNext()) {
                    List<String> row = it.next();
                    line++;
                    if (row == null
                            || row.isEmpty()
                            || (row.size() == 1
                                    && (row.get(0) == null || row.get(0).isEmpty()))) {
                        blank++;
                        continue;
                    }
                    records.add(cells(row));
                    lines.add(line);
                }
                return records.isEmpty()
                        ? null
                        : new RecordBlock.OfCells(
                                records,
                                lines.stream().mapToLong(Long::longValue).toArray());
            }

            @Override
            public long blankLines() {
                return blank;
            }

            @Override
            public void close() {}
        };
    }

    private static String[] cells(List<String> row) {
        String[] out = new String[row.size()];
        for (int i = 0; i < out.length; i++) {
            String c = row.get(i);
            out[i] = c == null ? "" : c;
        }
        return out;
    }
}
