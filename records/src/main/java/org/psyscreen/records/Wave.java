package org.psyscreen.records;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One screening wave: the autumn screen, the spring re-screen. Waves are ordered by school year,
 * then term, then the order they were first imported.
 *
 * @param name a name chosen by the user, unique in the store (e.g. {@code 2026-autumn})
 * @param schoolYear e.g. {@code 2026-2027}; the school year starts in September
 * @param term 1 (September to January) or 2 (February to August)
 */
public record Wave(String name, String schoolYear, int term) {
    /**
     * Checks the name, school year and term.
     *
     * @param name a name chosen by the user, unique in the store (e.g. {@code 2026-autumn})
     * @param schoolYear e.g. {@code 2026-2027}; the school year starts in September
     * @param term 1 (September to January) or 2 (February to August)
     */
    public Wave {
        Objects.requireNonNull(name, "name");
        if (name.isBlank() || name.length() > 60) {
            throw new IllegalArgumentException("a wave name is 1 to 60 characters");
        }
        if (schoolYear != null && !schoolYear.matches("(\\d{4})-(\\d{4})")) {
            throw new IllegalArgumentException("a school year is written 2026-2027");
        }
        if (schoolYear != null
                && Integer.parseInt(schoolYear.substring(5)) != Integer.parseInt(schoolYear.substring(0, 4)) + 1) {
            throw new IllegalArgumentException("a school year spans two consecutive years, e.g. 2026-2027");
        }
        if (term != 0 && term != 1 && term != 2) {
            throw new IllegalArgumentException("term is 1 or 2");
        }
    }

    /**
     * {@return a wave whose school year and term are read from the run's first test date}
     *
     * @param name the wave's name
     */
    public static Wave named(String name) {
        return new Wave(name, null, 0);
    }

    /** The school year and term a test date falls in. */
    static Wave on(String name, LocalDate testDate) {
        int start = testDate.getMonthValue() >= 9 ? testDate.getYear() : testDate.getYear() - 1;
        int term = testDate.getMonthValue() >= 9 || testDate.getMonthValue() == 1 ? 1 : 2;
        return new Wave(name, start + "-" + (start + 1), term);
    }

    boolean complete() {
        return schoolYear != null && term != 0;
    }
}
