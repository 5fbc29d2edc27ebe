package org.psyscreen.student;

import java.time.LocalDate;
import java.time.Period;
import java.util.OptionalInt;

/**
 * What a norm lookup needs to know about a student. Every field may be unknown ({@code null}).
 * Age is computed from the date of birth and the test date when both are present; a date of birth
 * after the test date gives no age.
 *
 * @param grade school grade
 * @param sex sex
 * @param birthDate date of birth
 * @param testDate date the form was completed
 */
public record StudentProfile(Grade grade, Sex sex, LocalDate birthDate, LocalDate testDate) {

    /** {@return age in whole years on the test date (birthdays count on the day itself), if computable} */
    public OptionalInt age() {
        if (birthDate == null || testDate == null || birthDate.isAfter(testDate)) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Period.between(birthDate, testDate).getYears());
    }

    /** {@return true when both grade and age are known and the age is implausible for the grade} */
    public boolean ageContradictsGrade() {
        OptionalInt age = age();
        return grade != null && age.isPresent() && !grade.plausibleAge(age.getAsInt());
    }
}
