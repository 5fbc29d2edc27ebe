package org.psyscreen.student;

import java.util.List;
import java.util.Objects;

/**
 * A school grade: {@code 1}..{@code 12} (primary 1–6, junior 7–9, senior 10–12) or vocational
 * {@code v1}..{@code v3} (secondary vocational school, ages about 15–18, ranked alongside senior
 * grades 10–12 for age checks but a separate track for norm bands).
 *
 * @param code the code as written in files
 */
public record Grade(String code) implements Comparable<Grade> {
    /** Every grade code in order. */
    public static final List<String> CODES =
            List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "v1", "v2", "v3");

    /**
     * Checks the parts.
     *
     * @param code the code as written in files
     */
    public Grade {
        Objects.requireNonNull(code, "code");
        if (!CODES.contains(code)) {
            throw new IllegalArgumentException("not a grade code (1..12, v1..v3)");
        }
    }

    /**
     * {@return the grade for a code, or {@code null} when the code is not a grade}
     *
     * @param code a grade code ({@code 1}..{@code 12}, {@code v1}..{@code v3})
     */
    public static Grade parse(String code) {
        return code != null && CODES.contains(code) ? new Grade(code) : null;
    }

    /** {@return true for secondary vocational grades} */
    public boolean vocational() {
        return code.startsWith("v");
    }

    /** {@return position in {@link #CODES}} */
    public int rank() {
        return CODES.indexOf(code);
    }

    /** {@return the usual age in whole years at a screening in this grade (grade 1 starts at about 6)} */
    public int typicalAge() {
        return vocational() ? 14 + Integer.parseInt(code.substring(1)) : 5 + Integer.parseInt(code);
    }

    /**
     * {@return whether an age is plausible for this grade: within 3 years either side of the typical age
     * (repeated or skipped years and early or late starts happen; more does not)}
     *
     * @param years an age in whole years
     */
    public boolean plausibleAge(int years) {
        return Math.abs(years - typicalAge()) <= 3;
    }

    @Override
    public int compareTo(Grade o) {
        return Integer.compare(rank(), o.rank());
    }

    @Override
    public String toString() {
        return code;
    }
}
