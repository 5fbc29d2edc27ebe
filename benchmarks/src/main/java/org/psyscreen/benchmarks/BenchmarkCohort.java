package org.psyscreen.benchmarks;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
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
 * A seeded SYNTHETIC cohort for the benchmarks: for one bundled policy, every student's answers to
 * each of its instruments ({@link SyntheticForms}), grade, sex and dates consistent with the grade.
 * The same seed gives the same cohort, as a CSV file or as scored screenings.
 */
public final class BenchmarkCohort {
    private static final String[] GRADES = {"4", "5", "6", "7", "8", "9", "10", "11", "12", "v1", "v2", "v3"};
    private static final LocalDate TEST_DATE = LocalDate.of(2026, 9, 15);

    /** The bundle every benchmark loads (instruments, norm tables, policies). */
    public static final Bundle BUNDLE = Bundle.classPath(BenchmarkCohort.class.getClassLoader());

    public final CutoffPolicy policy;
    public final Map<String, ScoringPlan> plans = new LinkedHashMap<>();
    /** Per instrument, one answer row per student. */
    public final Map<String, String[][]> answers = new LinkedHashMap<>();

    private final String[] grade;
    private final String[] sex;
    private final LocalDate[] birth;

    /** {@code students} students for {@code policyId}'s instruments. */
    public BenchmarkCohort(String policyId, int students, long seed) {
        policy = BUNDLE.policy(policyId).orElseThrow();
        for (String id : policy.instruments()) {
            ScoringPlan plan = BUNDLE.plan(id).orElseThrow();
            plans.put(id, plan);
            // a school cohort: mostly low severity, 0.2% blank cells (a few incomplete forms)
            answers.put(id, SyntheticForms.generate(plan, students, seed + id.hashCode(), 0.002, 4, 0.5));
        }
        SplittableRandom r = new SplittableRandom(seed);
        grade = new String[students];
        sex = new String[students];
        birth = new LocalDate[students];
        for (int s = 0; s < students; s++) {
            int g = r.nextInt(GRADES.length);
            grade[s] = GRADES[g];
            sex[s] = r.nextBoolean() ? "female" : "male";
            int age = Grade.parse(grade[s]).typicalAge();
            birth[s] = TEST_DATE.minusYears(age).minusDays(1 + r.nextInt(364));
        }
    }

    /** Number of students. */
    public int size() {
        return grade.length;
    }

    /** Student {@code s}'s profile. */
    public StudentProfile profile(int s) {
        return new StudentProfile(
                Grade.parse(grade[s]), Sex.valueOf(sex[s].toUpperCase(java.util.Locale.ROOT)), birth[s], TEST_DATE);
    }

    /** Student {@code s}'s forms scored by the bundled plans, with the profile, as a policy reads them. */
    public Screening screening(int s) {
        Map<String, ScoredResponse> forms = new LinkedHashMap<>();
        plans.forEach((id, plan) -> forms.put(id, plan.score(ResponseRow.of(answers.get(id)[s]))));
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
        in.clear()
                .set(StudentField.STUDENT_ID, "B" + (1_000_000 + s))
                .set(StudentField.SCHOOL, "SCH" + (s % 7))
                .set(StudentField.CLASS, grade[s] + "-" + (s % 5))
                .set(StudentField.GRADE, grade[s])
                .set(StudentField.SEX, sex[s])
                .set(StudentField.BIRTH_DATE, birth[s].toString())
                .set(StudentField.TEST_DATE, TEST_DATE.toString());
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
        List<String> header =
                new ArrayList<>(List.of("student_id", "school", "class", "grade", "sex", "birth_date", "test_date"));
        plans.forEach((id, plan) -> plan.definition().items().forEach(i -> header.add(id + "." + i.id())));
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(String.join(",", header));
            w.write('\n');
            for (int s = 0; s < size(); s++) {
                w.write("B" + (1_000_000 + s) + ",SCH" + (s % 7) + "," + grade[s] + "-" + (s % 5) + "," + grade[s] + ","
                        + sex[s] + "," + birth[s] + "," + TEST_DATE);
                for (String[][] a : answers.values()) {
                    for (String v : a[s]) {
                        w.write(',');
                        w.write(v == null ? "" : v);
                    }
                }
                w.write('\n');
            }
        }
        return file;
    }
}
