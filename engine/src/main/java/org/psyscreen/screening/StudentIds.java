package org.psyscreen.screening;

import java.time.LocalDate;
import java.time.YearMonth;
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
        if (n > 1 && "=+@".indexOf(canonical.charAt(0)) >= 0
                || n > 1 && canonical.charAt(0) == '-' && !Character.isDigit(canonical.charAt(1))) {
            return "starts like a spreadsheet formula (=, +, -, @): it is written neutralised; check where it came from";
        }
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
     * The birth date inside an id shaped like an 18-character resident id (optionally behind one
     * letter, as national student numbers {@code G…} are): area code starting 1..8, then a valid date
     * {@code YYYYMMDD} from 1900 on, then a sequence and a check character. {@code null} for any other
     * id, so a school's own numbering is never read as a resident id.
     */
    static LocalDate residentIdBirth(String canonical) {
        int n = canonical.length();
        if (n != 18 && n != 19) {
            return null;
        }
        var m = EIGHTEEN.matcher(canonical);
        if (!m.matches()) {
            return null;
        }
        String d = m.group(1);
        if (d.charAt(0) < '1' || d.charAt(0) > '8') {
            return null;
        }
        int year = Integer.parseInt(d, 6, 10, 10);
        int month = Integer.parseInt(d, 10, 12, 10);
        int day = Integer.parseInt(d, 12, 14, 10);
        if (year < 1900
                || month < 1
                || month > 12
                || day < 1
                || day > YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        return LocalDate.of(year, month, day);
    }

    /**
     * Whether an id shaped like a resident id ({@link #residentIdBirth} not null) has a wrong check
     * character; the 18 characters are the id without its letter prefix.
     */
    static boolean residentIdCheckFails(String canonical) {
        return !checksumValid(canonical.substring(canonical.length() - 18));
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
