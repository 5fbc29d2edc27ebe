package org.psyscreen.benchmarks;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.psyscreen.cohort.SyntheticCohort;
import org.psyscreen.load.Bundle;
import org.psyscreen.plan.ScoringPlan;
import org.psyscreen.score.ResponseRow;
import org.psyscreen.score.ScoredResponse;
import org.psyscreen.screening.Screener;
import org.psyscreen.screening.StudentField;
import org.psyscreen.screening.StudentInput;
import org.psyscreen.student.Grade;
import org.psyscreen.student.Sex;
import org.psyscreen.student.StudentProfile;
import org.psyscreen.tier.CutoffPolicy;
import org.psyscreen.tier.Screening;

/**
 * A seeded SYNTHETIC cohort for the benchmarks, held in memory: wave 1 of the project's one
 * generator ({@link SyntheticCohort}) for one bundled policy's instruments, with its awkward records
 * (a duplicated id, an unreadable birth date, out-of-range and full-width codes, a few blanks). The
 * same seed gives the same cohort, as a CSV file or as scored screenings.
 */
public final class BenchmarkCohort {
    /** The bundle every benchmark loads (instruments, norm tables, policies). */
    public static final Bundle BUNDLE = Bundle.classPath(BenchmarkCohort.class.getClassLoader());

    public final CutoffPolicy policy;
    public final Map<String, ScoringPlan> plans = new LinkedHashMap<>();
    /** Per instrument, one answer row per student. */
    public final Map<String, String[][]> answers = new LinkedHashMap<>();

    private final long seed;
    private final SyntheticCohort.Student[] students;

    /** {@code students} students for {@code policyId}'s instruments. */
    public BenchmarkCohort(String policyId, int students, long seed) {
        this.seed = seed;
        policy = BUNDLE.policy(policyId).orElseThrow();
        for (String id : policy.instruments()) {
            plans.put(id, BUNDLE.plan(id).orElseThrow());
            answers.put(id, new String[students][]);
        }
        this.students = new SyntheticCohort.Student[students];
        Iterator<SyntheticCohort.Student> it =
                SyntheticCohort.students(plans, students, seed, 1, SyntheticCohort.Hierarchy.SMALL);
        for (int s = 0; s < students; s++) {
            SyntheticCohort.Student st = it.next();
            this.students[s] = st;
            int k = 0;
            for (String[][] a : answers.values()) {
                String[] row = st.answers().get(k++).clone();
                for (int i = 0; i < row.length; i++) {
                    row[i] = row[i].isEmpty() ? null : row[i];
                }
                a[s] = row;
            }
        }
    }

    /** Number of students. */
    public int size() {
        return students.length;
    }

    /** Student {@code s}'s profile (no birth date where the cohort's is not a date). */
    public StudentProfile profile(int s) {
        SyntheticCohort.Student st = students[s];
        LocalDate birth;
        try {
            birth = LocalDate.parse(st.birthDate());
        } catch (java.time.format.DateTimeParseException e) {
            birth = null;
        }
        return new StudentProfile(
                Grade.parse(st.grade()),
                Sex.valueOf(st.sex().toUpperCase(java.util.Locale.ROOT)),
                birth,
                LocalDate.parse(st.testDate()));
    }

    /** Student {@code s}'s forms scored by the bundled plans (cells read as a file's), with the profile, as a policy reads them. */
    public Screening screening(int s) {
        Map<String, ScoredResponse> forms = new LinkedHashMap<>();
        plans.forEach((id, plan) -> forms.put(id, plan.score(ResponseRow.ofCells(answers.get(id)[s]))));
        return new Screening(forms, profile(s), Map.of(), BUNDLE.norms());
    }

    /** A screener for the cohort's policy, its instruments and the bundled norm tables. */
    public Screener screener() {
        return Screener.builder()
                .instruments(plans)
                .norms(BUNDLE.norms())
                .policy(policy)
                .build();
    }

    /** Fills {@code in} (of {@code screener}) with student {@code s} as raw text, as a front end would. */
    public StudentInput fill(Screener screener, StudentInput in, int s) {
        SyntheticCohort.Student st = students[s];
        in.clear()
                .set(StudentField.STUDENT_ID, st.id())
                .set(StudentField.SCHOOL, st.school())
                .set(StudentField.CLASS, st.klass())
                .set(StudentField.GRADE, st.grade())
                .set(StudentField.SEX, st.sex())
                .set(StudentField.BIRTH_DATE, st.birthDate())
                .set(StudentField.TEST_DATE, st.testDate());
        for (var e : answers.entrySet()) {
            int k = screener.instrumentIds().indexOf(e.getKey()); // the screener orders instruments by id
            String[] row = e.getValue()[s];
            for (int i = 0; i < row.length; i++) {
                in.answer(k, i, row[i]);
            }
        }
        return in;
    }

    /** Writes the cohort as a response file, as a platform exports it (plain UTF-8 CSV, LF). */
    public Path write(Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            SyntheticCohort.write(w, plans, size(), seed, 1, SyntheticCohort.Hierarchy.SMALL);
        }
        return file;
    }
}
