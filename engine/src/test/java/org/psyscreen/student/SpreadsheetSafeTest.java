package org.psyscreen.student;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A cell made spreadsheet-safe opens as text in a spreadsheet (OWASP CSV injection: no leading
 * {@code = + - @}, tab, CR or NUL), and every reader gets the original back exactly, whatever the
 * cell held: the apostrophe a cell starts with is marked too, so undoing it is never a guess.
 */
class SpreadsheetSafeTest {
    private static final String ALPHABET = "'=+-@\t\r\0a1 中";

    @Test
    void everyCellRoundTripsAndNoSafeCellStartsAFormula() {
        SplittableRandom r = new SplittableRandom(7);
        for (int n = 0; n < 100_000; n++) {
            StringBuilder sb = new StringBuilder();
            int len = r.nextInt(5);
            for (int i = 0; i < len; i++) {
                sb.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
            }
            String cell = sb.toString();
            String safe = Cells.spreadsheetSafe(cell);
            assertThat(Cells.fromSpreadsheetSafe(safe))
                    .as("round trip of %s", n)
                    .isEqualTo(cell);
            if (!safe.isEmpty()) {
                assertThat("=+-@\t\r\0").doesNotContain(safe.substring(0, 1));
            }
        }
    }

    @Test
    void theMarksAreTheOnesSpreadsheetsRead() {
        assertThat(Cells.spreadsheetSafe("=SUM(A1)")).isEqualTo("'=SUM(A1)");
        assertThat(Cells.spreadsheetSafe("'=x")).isEqualTo("''=x");
        assertThat(Cells.spreadsheetSafe("'")).isEqualTo("''");
        assertThat(Cells.spreadsheetSafe("S1")).isEqualTo("S1");
        assertThat(Cells.fromSpreadsheetSafe("'")).isEqualTo("'");
        assertThat(Cells.spreadsheetSafe(null)).isNull();
        assertThat(Cells.fromSpreadsheetSafe(null)).isNull();
    }

    @Test
    void aHeaderIsComparedWithoutInvisiblesWidthSpacesOrCase() {
        assertThat(Cells.header("\uFEFF\u200B ＰＨＱ9.Q1\u3000")).isEqualTo("phq9.q1");
        assertThat(Cells.header("STUDENT_ID")).isEqualTo("student_id");
    }
}
