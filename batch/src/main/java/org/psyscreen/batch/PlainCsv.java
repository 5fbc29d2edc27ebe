package org.psyscreen.batch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The fast path for plain CSV: UTF-8 with no quote character, LF or CRLF line ends and lines of at
 * most {@link #MAX_LINE} bytes, which is what survey platforms export. In such a file a record is a
 * line and a field is what lies between commas, so the reading thread only finds line ends and
 * copies bytes; fields are cut and decoded (strictly) on the scoring threads. Any other file goes
 * to FastCSV ({@link RecordSource.FastCsv}); {@code PlainCsvTest} demands identical records from both.
 */
final class PlainCsv implements RecordSource {
    /** Longest line taken on the fast path; longer lines go to FastCSV, which has the same field limit. */
    static final int MAX_LINE = 1 << 20;

    private final InputStream in;
    private byte[] buf = new byte[4 * MAX_LINE];
    private int pos;
    private int lim;
    private boolean eof;
    private long lines; // lines consumed so far
    private long blank;
    private int start; // where the current line's content starts
    private int end; // where it ends, before any CR

    PlainCsv(Path file, int skip) throws IOException {
        this.in = Files.newInputStream(file);
        in.skipNBytes(skip);
    }

    @Override
    public String[] header() throws IOException {
        if (!nextLine()) {
            return null;
        }
        return Block.split(buf, start, end);
    }

    @Override
    public RecordBlock next(int max) throws IOException {
        byte[] data = new byte[Math.min(max, 4096) * 128];
        int[] bounds = new int[Math.min(max, 4096) * 2];
        long[] starts = new long[Math.min(max, 4096)];
        int n = 0;
        int size = 0;
        while (n < max && nextLine()) {
            int len = end - start;
            if (len == 0) {
                blank++;
                continue;
            }
            if (n == starts.length) {
                starts = Arrays.copyOf(starts, n * 2);
                bounds = Arrays.copyOf(bounds, n * 4);
            }
            if (size + len > data.length) {
                data = Arrays.copyOf(data, Math.max(data.length * 2, size + len));
            }
            System.arraycopy(buf, start, data, size, len);
            bounds[2 * n] = size;
            bounds[2 * n + 1] = size + len;
            starts[n] = lines;
            size += len;
            n++;
        }
        return n == 0 ? null : new Block(data, bounds, starts, n);
    }

    @Override
    public long blankLines() {
        return blank;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Moves to the next line; false at the end of the file. */
    private boolean nextLine() throws IOException {
        while (true) {
            for (int i = pos; i < lim; i++) {
                if (buf[i] == '\n') {
                    start = pos;
                    end = i > pos && buf[i - 1] == '\r' ? i - 1 : i;
                    pos = i + 1;
                    lines++;
                    return true;
                }
            }
            if (eof) {
                if (pos == lim) {
                    return false;
                }
                start = pos; // a last line without a line end
                end = lim;
                pos = lim;
                lines++;
                return true;
            }
            fill();
        }
    }

    private void fill() throws IOException {
        int kept = lim - pos;
        if (kept > MAX_LINE) {
            // the byte pass measured every line; a longer one means the file changed under us
            throw new UncheckedIOException(new IOException("a line is longer than the byte pass found"));
        }
        System.arraycopy(buf, pos, buf, 0, kept);
        pos = 0;
        lim = kept;
        int n = in.readNBytes(buf, lim, buf.length - lim);
        lim += n;
        eof = lim < buf.length;
    }

    /** Records as byte ranges of one array; fields are cut and decoded on demand. */
    private record Block(byte[] data, int[] bounds, long[] starts, int size) implements RecordBlock {
        @Override
        public long line(int i) {
            return starts[i];
        }

        @Override
        public String[] fields(int i) {
            return split(data, bounds[2 * i], bounds[2 * i + 1]);
        }

        @Override
        public String field(int i, int column) {
            if (column < 0) {
                return "";
            }
            int from = bounds[2 * i];
            int to = bounds[2 * i + 1];
            for (int c = 0; c < column; c++) {
                int comma = comma(data, from, to);
                if (comma == to) {
                    return "";
                }
                from = comma + 1;
            }
            return decode(data, from, comma(data, from, to));
        }

        static String[] split(byte[] b, int from, int to) {
            RepeatedCells repeated = REPEATED.get();
            // one pass finds every comma; the fields are then cut between them
            int[] ends = repeated.ends;
            int n = 0;
            for (int i = from; i < to; i++) {
                if (b[i] == ',') {
                    if (n == ends.length) {
                        ends = repeated.ends = Arrays.copyOf(ends, 2 * n);
                    }
                    ends[n++] = i;
                }
            }
            if (ends.length > KEPT_ENDS) {
                repeated.ends = new int[KEPT_ENDS]; // an unusually wide line's array is not kept for the thread's life
            }
            String[] f = new String[n + 1];
            for (int k = 0; k <= n; k++) {
                int end = k < n ? ends[k] : to;
                int len = end - from;
                f[k] = len >= 2 && len <= RepeatedCells.LONGEST ? repeated.of(b, from, end) : decode(b, from, end);
                from = end + 1;
            }
            return f;
        }

        private static final ThreadLocal<RepeatedCells> REPEATED = ThreadLocal.withInitial(RepeatedCells::new);

        /** The most comma positions a thread keeps between lines (a hostile line may have a million). */
        private static final int KEPT_ENDS = 1 << 12;

        /**
         * Short cells seen lately on this thread, one string each: schools, classes, grades and dates
         * repeat on nearly every row, and one shared string per value is decoded once, hashes once (a
         * roll-up looks every record's class up among tens of thousands) and compares by identity.
         * A fixed table: a value that does not repeat only replaces another.
         */
        private static final class RepeatedCells {
            static final int LONGEST = 10;
            private static final int SIZE = 1 << 12;
            private final String[] cells = new String[SIZE];

            /** The bytes of each kept cell, compared with a new cell's in one call (no character walk). */
            private final byte[][] bytes = new byte[SIZE][];

            /** Where the fields of the line being cut end (its commas), kept for the next line. */
            int[] ends = new int[256];

            String of(byte[] b, int from, int to) {
                int h = 0;
                for (int i = from; i < to; i++) {
                    if (b[i] < 0) {
                        return decode(b, from, to); // not ASCII: decoded strictly, not kept
                    }
                    h = 31 * h + b[i];
                }
                int slot = (h ^ (h >>> 12)) & (SIZE - 1);
                byte[] kept = bytes[slot];
                if (kept != null && Arrays.equals(kept, 0, kept.length, b, from, to)) {
                    return cells[slot];
                }
                String s = new String(b, from, to - from, StandardCharsets.ISO_8859_1);
                cells[slot] = s;
                bytes[slot] = Arrays.copyOfRange(b, from, to);
                return s;
            }
        }

        private static int comma(byte[] b, int from, int to) {
            for (int i = from; i < to; i++) {
                if (b[i] == ',') {
                    return i;
                }
            }
            return to;
        }

        /**
         * One string for each ASCII character: most cells are one digit, and sharing these saves
         * some sixty strings a record.
         */
        private static final String[] ONE_CHAR = new String[128];

        static {
            for (int c = 0; c < ONE_CHAR.length; c++) {
                ONE_CHAR[c] = String.valueOf((char) c);
            }
        }

        /** ASCII as is; anything else strictly as UTF-8 (the byte pass checked it, a changed file still fails). */
        private static String decode(byte[] b, int from, int to) {
            if (to - from <= 1) {
                if (to == from) {
                    return "";
                }
                if (b[from] >= 0) {
                    return ONE_CHAR[b[from]];
                }
            }
            for (int i = from; i < to; i++) {
                if (b[i] < 0) {
                    try {
                        return StandardCharsets.UTF_8
                                .newDecoder()
                                .onMalformedInput(CodingErrorAction.REPORT)
                                .onUnmappableCharacter(CodingErrorAction.REPORT)
                                .decode(ByteBuffer.wrap(b, from, to - from))
                                .toString();
                    } catch (CharacterCodingException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
            return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
        }
    }
}
