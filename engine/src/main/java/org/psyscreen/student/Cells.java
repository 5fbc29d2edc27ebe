package org.psyscreen.student;

/**
 * Whitelist normalisation of text cells, the one every front end uses. Never blanket NFKC: only
 * full-width ASCII (U+FF01..U+FF5E) and the ideographic and no-break spaces are mapped; everything
 * else is left for the scorer or reader to refuse.
 */
public final class Cells {
    private Cells() {}

    /**
     * Trims ASCII, ideographic (U+3000) and no-break (U+00A0) spaces at both ends.
     *
     * @param s a cell
     * @return the cell without those spaces at either end
     */
    public static String trim(String s) {
        int a = 0;
        int b = s.length();
        while (a < b && space(s.charAt(a))) {
            a++;
        }
        while (b > a && space(s.charAt(b - 1))) {
            b--;
        }
        return s.substring(a, b);
    }

    private static boolean space(char c) {
        return c == ' ' || c == '\t' || c == '\u3000' || c == '\u00A0';
    }

    /** True when every character is visible ASCII ({@code !} to {@code ~}), the empty cell included. */
    private static boolean printableAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c >= 0x7F) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@return true when the cell contains a full-width ASCII character}
     *
     * @param s a cell
     */
    public static boolean hasFullWidth(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '\uFF01' && c <= '\uFF5E') {
                return true;
            }
        }
        return false;
    }

    /**
     * Maps full-width ASCII to ASCII and the ideographic space to a space.
     *
     * @param s a cell
     * @return the cell with full-width characters made half-width
     */
    public static String halfWidth(String s) {
        if (!hasFullWidth(s) && s.indexOf('\u3000') < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(c >= '\uFF01' && c <= '\uFF5E' ? (char) (c - 0xFEE0) : c == '\u3000' ? ' ' : c);
        }
        return sb.toString();
    }

    /**
     * {@return true for a byte-order mark, a zero-width character or NUL: invisible, never part of a value}
     *
     * @param c a character
     */
    public static boolean invisible(char c) {
        return c == '\uFEFF' || c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\u0000';
    }

    /**
     * {@return true when the cell holds a byte-order mark, a zero-width character or NUL}
     *
     * @param s a cell
     */
    public static boolean hasInvisibles(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (invisible(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@return the cell without byte-order marks, zero-width characters and NUL}
     *
     * @param s a cell
     */
    public static String withoutInvisibles(String s) {
        if (!hasInvisibles(s)) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            if (!invisible(s.charAt(i))) {
                sb.append(s.charAt(i));
            }
        }
        return sb.toString();
    }

    /**
     * {@return a column name as every front end compares it (the batch's header, a mapping, a proposed
     * mapping): byte-order marks and zero-width characters removed (a repeated header may start with a
     * BOM), half-width, trimmed, lower case (Locale.ROOT: no Turkish dotless i)}
     *
     * @param s a header cell
     */
    public static String header(String s) {
        return normalise(withoutInvisibles(s)).toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * {@return half-width, then trimmed: how every answer, grade, sex, date and attribute cell is read}
     *
     * @param s a cell
     */
    public static String normalise(String s) {
        if (printableAscii(s)) {
            return s; // nothing to widen or trim: most cells (one check instead of three scans)
        }
        return trim(halfWidth(s));
    }

    /**
     * Makes a text cell safe to open in a spreadsheet, for every front end that writes one: a cell
     * starting with {@code = + - @}, tab, CR or NUL gets a leading apostrophe (OWASP CSV injection),
     * and so does one starting with an apostrophe, so that {@link #fromSpreadsheetSafe} can undo it
     * exactly. Numbers are never passed here.
     *
     * @param s a text cell, or {@code null}
     * @return the cell as a spreadsheet opens it safely
     */
    public static String spreadsheetSafe(String s) {
        if (s == null || s.isEmpty()) {
            return s;
        }
        return spreadsheetMarked(s.charAt(0)) ? "'" + s : s;
    }

    /**
     * The inverse of {@link #spreadsheetSafe}: the cell as it was before it was made safe. Exact for
     * every cell, since a cell that starts with an apostrophe is marked too.
     *
     * @param s a cell as {@link #spreadsheetSafe} wrote it ({@code null} stays {@code null})
     * @return the cell as given to it
     */
    public static String fromSpreadsheetSafe(String s) {
        return s != null && s.length() > 1 && s.charAt(0) == '\'' && spreadsheetMarked(s.charAt(1))
                ? s.substring(1)
                : s;
    }

    /** A first character a spreadsheet reads as a formula or strips: it gets an apostrophe before it. */
    private static boolean spreadsheetMarked(char c) {
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' || c == '\0' || c == '\'';
    }
}
