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
                if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                    quote = true;
                } else if (c >= 0x80) {
                    ascii = false;
                }
            }
            if (quote) {
                out.write('"');
                byte[] b = f.replace("\"", "\"\"").getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
                out.write('"');
            } else if (ascii) {
                out.writeAscii(f);
            } else {
                byte[] b = f.getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
            }
        }

        @Override
        public void addPlain(String cell) {
            if (field++ > 0) {
                out.write(',');
            }
            out.writeAscii(cell);
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
