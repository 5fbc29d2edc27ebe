package org.psyscreen.records;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A home visit (家访) to a student's family: every student is visited at least once a school year,
 * and flagged students first and again (特殊家访). Recorded for any student the school has, with or
 * without a warning case; a visit to a student with an open case counts as a contact on it.
 *
 * @param date when
 * @param kind routine (全员家访) or special (for a student the school follows)
 * @param role who visited, as a role
 */
public record HomeVisit(LocalDate date, Kind kind, Role role) {
    /** Why the family was visited. */
    public enum Kind {
        /** The visit every student's family has each school year (全员家访). */
        ROUTINE,
        /** A visit for a student the school follows (特殊家访, 重点关注学生入户家访). */
        SPECIAL;

        /** {@return the word used on the command line and in the database} */
        public String word() {
            return org.psyscreen.definition.Ids.word(this);
        }
    }

    /**
     * Checks that every part is given.
     *
     * @param date when
     * @param kind routine or special
     * @param role who visited
     */
    public HomeVisit {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(role, "role");
        if (role == Role.SYSTEM) {
            throw new IllegalArgumentException("the role 'system' is the store's own");
        }
    }
}
