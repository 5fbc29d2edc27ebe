package org.psyscreen.batch;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes output CSV lines as UTF-8 bytes, quoting exactly as FastCSV's writer does with its defaults
 * (a field is quoted when it holds a comma, a quote, CR or LF, or when it is the first of a line and
 * starts with {@code #}; quotes are doubled; LF ends the line). FastCSV's writer checked and copied
 * every character through a char buffer and a charset encoder — an eighth of a batch's CPU for
 * lines that are digits and codes; {@code CsvLinesTest} holds this class to FastCSV's bytes.
 */
final class CsvLines {
    private CsvLines() {}

    /** Appends one line. {@code null} is written as an empty field. */
    static void write(List<String> fields, PagedBytes out) {
        Line line = new Line(out);
        for (String f : fields) {
            line.add(f);
        }
        line.end();
    }

    /**
     * One line written field by field straight into the bytes, with the quoting of {@link #write}:
     * the batch writes each {@code scores.csv} row this way, with no list of cells and no string for
     * a whole number.
     */
    static final class Line implements RowCells {
        private final PagedBytes out;
        private int field;

        Line(PagedBytes out) {
            this.out = out;
            Object[][] tables = TABLES.get();
            this.repeated = (String[]) tables[0];
            this.repeatedBytes = (byte[][]) tables[1];
        }

        @Override
        public void add(String f) {
            if (field++ > 0) {
                out.write(',');
            }
            if (f == null || f.isEmpty()) {
                return;
            }
            boolean quote = field == 1 && f.charAt(0) == '#';
            boolean ascii = true;
            for (int k = 0; k < f.length(); k++) {
                char c = f.charAt(k);
                if (needsQuote(c)) {
                    quote = true;
                } else if (c >= 0x80) {
                    ascii = false;
                }
            }
            if (quote) {
                byte[] b = quoted(f);
                out.write(b, 0, b.length);
            } else if (ascii) {
                out.writeAscii(f);
            } else {
                byte[] b = f.getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
            }
        }

        /**
         * The bytes of each cell written with {@link #addRepeated}, by the string's identity: a direct-mapped
         * table, so a cell that does not repeat only replaces another. A hit is the same string object,
         * so its bytes are the bytes {@link #add} writes for it (never as the first field, where a
         * leading {@code #} quotes). One table per thread, kept from chunk to chunk: a run's schools,
         * classes, labels and codes are a few hundred strings.
         */
        private final String[] repeated;

        private final byte[][] repeatedBytes;

        private static final int REPEATED = 1 << 12;

        private static final ThreadLocal<Object[][]> TABLES =
                ThreadLocal.withInitial(() -> new Object[][] {new String[REPEATED], new byte[REPEATED][]});

        @Override
        public void addRepeated(String f) {
            if (field == 0 || f == null || f.isEmpty()) {
                add(f);
                return;
            }
            byte[] b = recurring(f);
            out.write(',');
            field++;
            out.write(b, 0, b.length);
        }

        /** The bytes {@link #add} writes for {@code f} after the first field (without the comma), kept by identity. */
        private byte[] recurring(String f) {
            int slot = System.identityHashCode(f) & (REPEATED - 1);
            if (repeated[slot] != f) {
                repeatedBytes[slot] = quotes(f) ? quoted(f) : f.getBytes(StandardCharsets.UTF_8);
                repeated[slot] = f;
            }
            return repeatedBytes[slot];
        }

        @Override
        public <T> void addJoined(java.util.Collection<T> items, java.util.function.Function<T, String> name) {
            if (field == 0) {
                add(RowCells.join(items, name));
                return;
            }
            for (T item : items) {
                if (quotes(name.apply(item))) {
                    add(RowCells.join(items, name)); // rare: quoted as a whole, as add quotes it
                    return;
                }
            }
            field++;
            out.write(',');
            boolean first = true;
            for (T item : items) {
                if (!first) {
                    out.write(' ');
                }
                first = false;
                byte[] b = recurring(name.apply(item)); // no part needs quoting: its plain bytes
                out.write(b, 0, b.length);
            }
        }

        /** Whether a cell holds a character that makes it quoted. */
        private static boolean quotes(String f) {
            for (int k = 0; k < f.length(); k++) {
                if (needsQuote(f.charAt(k))) {
                    return true;
                }
            }
            return false;
        }

        /** A cell quoted: in quotes, its quotes doubled. */
        private static byte[] quoted(String f) {
            return ('"' + f.replace("\"", "\"\"") + '"').getBytes(StandardCharsets.UTF_8);
        }

        private static boolean needsQuote(char c) {
            return c == ',' || c == '"' || c == '\n' || c == '\r';
        }

        @Override
        public void add(long v) {
            if (field++ > 0) {
                out.write(',');
            }
            out.writeDigits(v);
        }

        /** Ends the line; the next field starts a new one. */
        void end() {
            out.write('\n');
            field = 0;
        }
    }
}
