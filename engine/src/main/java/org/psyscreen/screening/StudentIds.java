package org.psyscreen.screening;

import java.util.regex.Pattern;
import org.psyscreen.student.Cells;

/**
 * Recognises ids that a spreadsheet or a copy-paste altered. Each answer names what was seen, never
 * the id.
 */
final class StudentIds {
    /** {@code 4.40524E+17}: Excel showed a long number in scientific notation and saved it so. */
    private static final Pattern SCIENTIFIC = Pattern.compile("[0-9](\\.[0-9]+)?E\\+?[0-9]+");

    private static final Pattern EIGHTEEN = Pattern.compile("[A-Z]?([0-9]{17}[0-9X])");
    private static final Pattern FIFTEEN = Pattern.compile("[0-9]{15}");
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    private StudentIds() {}

    /** Why {@code canonical} (of {@code raw}) looks altered, or {@code null}. Cheap for ordinary ids. */
    static String suspect(String raw, String canonical) {
        if (Cells.hasInvisibles(raw)) {
            return "holds invisible characters (byte-order mark, zero-width or NUL); they were removed";
        }
        int n = canonical.length();
        if (n > 2 && canonical.indexOf('E') > 0 && SCIENTIFIC.matcher(canonical).matches()) {
            return "is in scientific notation: Excel rounded it; re-export the id column as text";
        }
        if ((n == 18 || n == 19) && canonical.endsWith("000")) {
            var m = EIGHTEEN.matcher(canonical);
            if (m.matches() && !checksumValid(m.group(1))) {
                return "ends in 000 and fails the resident-id check digit: Excel keeps 15 significant digits;"
                        + " re-export the id column as text";
            }
        }
        if (n == 15 && FIFTEEN.matcher(canonical).matches()) {
            return "has the 15-digit legacy resident-id form (or was cut to 15 digits); check it";
        }
        return null;
    }

    /**
     * The check digit of an 18-character resident id: GB 11643-1999 (ISO 7064 MOD 11-2), weights
     * 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2, remainder 0..10 mapped to 1 0 X 9 8 7 6 5 4 3 2. The
     * widely cited example number 11010519491231002X passes (StudentIdsTest).
     */
    static boolean checksumValid(String id) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11) == id.charAt(17);
    }
}
