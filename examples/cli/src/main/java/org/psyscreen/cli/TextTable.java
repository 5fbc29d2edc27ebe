package org.psyscreen.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows printed in columns as wide as their widest cell, measured as a terminal shows them (a CJK
 * character takes two columns), so no long id pushes the rest of its row out of line.
 */
final class TextTable {
    private final String indent;
    private final List<String[]> rows = new ArrayList<>();

    TextTable(String indent) {
        this.indent = indent;
    }

    TextTable row(String... cells) {
        rows.add(cells.clone());
        return this;
    }

    void print(PrintWriter out) {
        int columns = rows.stream().mapToInt(r -> r.length).max().orElse(0);
        int[] width = new int[columns];
        for (String[] r : rows) {
            for (int c = 0; c < r.length - 1; c++) {
                width[c] = Math.max(width[c], width(r[c]));
            }
        }
        for (String[] r : rows) {
            StringBuilder b = new StringBuilder(indent);
            for (int c = 0; c < r.length; c++) {
                b.append(r[c]);
                if (c < r.length - 1) {
                    b.append(" ".repeat(width[c] - width(r[c]) + 2));
                }
            }
            out.println(b);
        }
    }

    /** Terminal columns of {@code s}: two for East Asian wide characters, one otherwise. */
    static int width(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            Character.UnicodeBlock b = Character.UnicodeBlock.of(cp);
            boolean wide = b == Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS
                    || b == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                    || b == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS && cp < 0xFF61;
            w += wide ? 2 : 1;
            i += Character.charCount(cp);
        }
        return w;
    }
}
