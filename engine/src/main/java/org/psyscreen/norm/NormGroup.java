package org.psyscreen.norm;

import java.util.List;
import org.psyscreen.student.Grade;
import org.psyscreen.student.Sex;

/**
 * The peers a norm cell describes: any combination of sex, grade band and age band ({@code null}
 * means "any"), with either parametric statistics or lookup rows.
 *
 * @param id group id
 * @param sex sex, or {@code null} for both
 * @param gradeFrom first grade of the band, or {@code null}
 * @param gradeTo last grade of the band, or {@code null}
 * @param ageFrom youngest age in whole years, or {@code null}
 * @param ageTo oldest age in whole years, or {@code null}
 * @param mean mean raw score (parametric tables)
 * @param sd standard deviation of the raw score (parametric tables)
 * @param rows raw-score rows (lookup tables), ascending
 */
public record NormGroup(
        String id,
        Sex sex,
        Grade gradeFrom,
        Grade gradeTo,
        Integer ageFrom,
        Integer ageTo,
        Double mean,
        Double sd,
        List<NormRow> rows) {

    /**
     * Copies the collections.
     *
     * @param id group id
     * @param sex sex, or {@code null} for both
     * @param gradeFrom first grade of the band, or {@code null}
     * @param gradeTo last grade of the band, or {@code null}
     * @param ageFrom youngest age in whole years, or {@code null}
     * @param ageTo oldest age in whole years, or {@code null}
     * @param mean mean raw score (parametric tables)
     * @param sd standard deviation of the raw score (parametric tables)
     * @param rows raw-score rows (lookup tables), ascending
     */
    public NormGroup {
        rows = rows == null ? List.of() : List.copyOf(rows);
    }

    /** {@return whether the group restricts by grade} */
    public boolean byGrade() {
        return gradeFrom != null;
    }

    /** {@return whether the group restricts by age} */
    public boolean byAge() {
        return ageFrom != null;
    }

    /** {@return a short description: "female, grades 4-6, ages 8-16"} */
    public String describe() {
        StringBuilder sb =
                new StringBuilder(sex == null ? "both sexes" : sex.name().toLowerCase(java.util.Locale.ROOT));
        if (byGrade()) {
            sb.append(", grades ").append(gradeFrom).append('-').append(gradeTo);
        }
        if (byAge()) {
            sb.append(", ages ").append(ageFrom).append('-').append(ageTo);
        }
        return sb.toString();
    }
}
