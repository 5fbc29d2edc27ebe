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
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            String f = fields.get(i);
            if (f == null || f.isEmpty()) {
                continue;
            }
            boolean quote = i == 0 && f.charAt(0) == '#';
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
        out.write('\n');
    }
}
