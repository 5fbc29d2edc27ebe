package org.psyscreen.batch;

import org.psyscreen.student.Cells;

/** Header names; reading cells and making them spreadsheet-safe is {@link Cells}' job. */
final class Text {
    private Text() {}

    /**
     * Header normalisation: byte-order marks and zero-width characters removed (a repeated header may
     * start with a BOM), half-width, trimmed, lower-case (Locale.ROOT: no Turkish dotless i).
     */
    static String header(String s) {
        return Cells.normalise(Cells.withoutInvisibles(s)).toLowerCase(java.util.Locale.ROOT);
    }
}
