package org.psyscreen.batch;

/**
 * Whitelist normalisation of cells. Never blanket NFKC: only full-width ASCII (U+FF01..U+FF5E) and
 * the ideographic and no-break spaces are mapped; everything else is left for the scorer to refuse.
 */
final class Text {
    private Text() {}

    /** Trims ASCII, ideographic (U+3000) and no-break (U+00A0) spaces at both ends. */
    static String trim(String s) {
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

    /** True when the cell contains a full-width ASCII character. */
    static boolean hasFullWidth(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '\uFF01' && c <= '\uFF5E') {
                return true;
            }
        }
        return false;
    }

    /** Maps full-width ASCII to ASCII and the ideographic space to a space. */
    static String halfWidth(String s) {
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

    /** Header normalisation: half-width, trimmed, lower-case (Locale.ROOT: no Turkish dotless i). */
    static String header(String s) {
        return trim(halfWidth(s)).toLowerCase(java.util.Locale.ROOT);
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
