package org.psyscreen.batch;

import org.psyscreen.student.Cells;

/** Header names and spreadsheet-safe output cells; reading cells is {@link Cells}' job. */
final class Text {
    private Text() {}

    /**
     * Header normalisation: byte-order marks and zero-width characters removed (a repeated header may
     * start with a BOM), half-width, trimmed, lower-case (Locale.ROOT: no Turkish dotless i).
     */
    static String header(String s) {
        return Cells.normalise(Cells.withoutInvisibles(s)).toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Makes a text cell safe to open in a spreadsheet: a cell starting with {@code = + - @}, tab,
     * CR or NUL gets a leading apostrophe (OWASP CSV injection). Numbers are never passed here.
     */
    static String spreadsheetSafe(String s) {
        if (s == null || s.isEmpty()) {
            return s;
        }
        char c = s.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' || c == '\0' ? "'" + s : s;
    }
}
