package org.psyscreen.batch;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.psyscreen.plan.ScoringPlan;

/**
 * Seeded generator of SYNTHETIC screening cohorts: grades 4–12 and vocational 1–3, both sexes,
 * schools and classes, answers correlated through one latent severity per student (and across a
 * student's instruments), a few per cent blanks, and about one per cent awkward records (out-of-range
 * codes, full-width digits, a duplicated id, an unreadable date, a short row). No real person.
 */
public final class SyntheticCohort {
    private static final String[] GRADES = {"4", "5", "6", "7", "8", "9", "10", "11", "12", "v1", "v2", "v3"};

    private SyntheticCohort() {}

    /**
     * How many schools the students are spread over and how many classes each grade of a school has.
     * {@link #SMALL} (6 schools, 4 classes a grade) is the demo cohort's; a province-like file has
     * hundreds of schools and tens of thousands of classes, which is what roll-ups must scale to.
     */
    public record Hierarchy(int schools, int classesPerGrade) {
        /** The demo cohort's hierarchy: 6 schools, 4 classes a grade. */
        public static final Hierarchy SMALL = new Hierarchy(6, 4);

        /**
         * Checks that there is at least one school and one class a grade.
         *
         * @param schools the schools
         * @param classesPerGrade the classes in each grade of a school
         */
        public Hierarchy {
            if (schools < 1 || classesPerGrade < 1) {
                throw new IllegalArgumentException("a hierarchy needs at least one school and one class a grade");
            }
        }
    }

    /**
     * {@return the header for these plans}
     *
     * @param ids the instruments' ids, in the order of {@code plans}
     * @param plans the instruments' plans
     */
    public static String header(List<String> ids, List<ScoringPlan> plans) {
        StringBuilder sb = new StringBuilder("student_id,school,class,grade,sex,birth_date,test_date");
        for (int p = 0; p < plans.size(); p++) {
            for (String item : plans.get(p).itemIds()) {
                sb.append(',').append(ids.get(p)).append('.').append(item);
            }
        }
        return sb.toString();
    }

    /**
     * Writes {@code n} students after the header (the first wave).
     *
     * @param out where to write
     * @param plansById the instruments' plans by id
     * @param n the students
     * @param seed the seed: the same seed gives the same bytes
     * @throws java.io.IOException when {@code out} cannot be written
     */
    public static void write(Appendable out, Map<String, ScoringPlan> plansById, int n, long seed)
            throws java.io.IOException {
        write(out, plansById, n, seed, 1);
    }

    /**
     * Writes wave {@code wave} of the cohort. Waves alternate autumn and spring: wave 1 is the autumn
     * screen of 2026 (15 September), wave 2 the spring re-screen of the same school year (15 March
     * 2027), wave 3 the autumn screen a school year later, and so on. Later waves hold the same
     * students (same ids, schools and class numbers; grades moved up each autumn, students past grade
     * 12 or vocational 3 gone, about 3% absent), each student's severity drifted a little. Same seed
     * and wave, same bytes.
     *
     * @param out where to write
     * @param plansById the instruments' plans by id
     * @param n the students of wave 1
     * @param seed the seed
     * @param wave the wave, 1 or later
     * @return the students written
     * @throws java.io.IOException when {@code out} cannot be written
     */
    public static int write(Appendable out, Map<String, ScoringPlan> plansById, int n, long seed, int wave)
            throws java.io.IOException {
        return write(out, plansById, n, seed, wave, Hierarchy.SMALL);
    }

    /**
     * Writes wave {@code wave} with students spread over {@code hierarchy}'s schools and classes (each
     * draws one number from the seeded stream whatever its bound, so {@link Hierarchy#SMALL} gives the
     * same bytes as {@link #write(Appendable, Map, int, long, int)}).
     *
     * @param out where to write
     * @param plansById the instruments' plans by id
     * @param n the students of wave 1
     * @param seed the seed
     * @param wave the wave, 1 or later
     * @param hierarchy the schools and classes
     * @return the students written
     * @throws java.io.IOException when {@code out} cannot be written
     */
    public static int write(
            Appendable out, Map<String, ScoringPlan> plansById, int n, long seed, int wave, Hierarchy hierarchy)
            throws java.io.IOException {
        List<String> ids = List.copyOf(plansById.keySet());
        List<ScoringPlan> plans = List.copyOf(plansById.values());
        SplittableRandom r = new SplittableRandom(seed);
        // Later waves draw their answers from their own stream; the first wave's stream still runs,
        // unchanged, so that every student has the identity and severity of the first wave.
        SplittableRandom later = new SplittableRandom(seed * 31 + wave);
        out.append(header(ids, plans)).append('\n');
        StringBuilder discard = new StringBuilder();
        int written = 0;
        for (int s = 0; s < n; s++) {
            int g = r.nextInt(GRADES.length);
            String grade = GRADES[g];
            int age = grade.startsWith("v") ? 14 + Integer.parseInt(grade.substring(1)) : 5 + Integer.parseInt(grade);
            int year = 2026 - age - (r.nextInt(10) < 7 ? 0 : 1);
            String id = "G" + (4401000000L + (s == 7 ? 5 : s)); // record 8 repeats record 6's id
            int school = 1 + r.nextInt(hierarchy.schools());
            int classNo = 1 + r.nextInt(hierarchy.classesPerGrade());
            boolean female = r.nextBoolean();
            String birth = s == 11
                    ? "2012-02-30"
                    : String.format(java.util.Locale.ROOT, "%d-%02d-%02d", year, 1 + r.nextInt(12), 1 + r.nextInt(28));
            // Skewed severity: most students low, a long tail high (mean item about a quarter of its range).
            double severity = Math.pow(r.nextDouble(), 3);
            double blankRate = r.nextInt(100) < 3 ? 0.05 : 0.001;
            if (wave == 1) {
                StringBuilder row = identity(id, school, grade, classNo, female, birth, "2026-09-15");
                answers(row, plans, r, severity, blankRate);
                String line = row.toString();
                if (s == 17) {
                    line = line.substring(0, line.indexOf(",2026-09-15")); // a short row
                }
                out.append(line).append('\n');
                written++;
                continue;
            }
            discard.setLength(0);
            answers(discard, plans, r, severity, blankRate); // keeps the first wave's stream in step
            int yearsLater = (wave - 1) / 2;
            boolean spring = wave % 2 == 0;
            String moved = moveUp(grade, yearsLater);
            if (moved == null || later.nextInt(100) < 3) {
                continue; // left school, or absent this wave
            }
            double drifted = Math.max(0, Math.min(1, severity + later.nextGaussian() * 0.12));
            String testDate = spring ? (2027 + yearsLater) + "-03-15" : (2026 + yearsLater) + "-09-15";
            StringBuilder row = identity(id, school, moved, classNo, female, birth, testDate);
            answers(row, plans, later, drifted, 0.001);
            out.append(row).append('\n');
            written++;
        }
        return written;
    }

    private static StringBuilder identity(
            String id, int school, String grade, int classNo, boolean female, String birth, String testDate) {
        return new StringBuilder()
                .append(id)
                .append(",SCH")
                .append(school)
                .append(',')
                .append(grade)
                .append('-')
                .append(classNo)
                .append(',')
                .append(grade)
                .append(',')
                .append(female ? "female" : "male")
                .append(',')
                .append(birth)
                .append(',')
                .append(testDate);
    }

    /** The grade {@code years} school years later, or {@code null} when the student has left. */
    private static String moveUp(String grade, int years) {
        if (grade.startsWith("v")) {
            int v = Integer.parseInt(grade.substring(1)) + years;
            return v <= 3 ? "v" + v : null;
        }
        int g = Integer.parseInt(grade) + years;
        return g <= 12 ? Integer.toString(g) : null;
    }

    private static void answers(
            StringBuilder row, List<ScoringPlan> plans, SplittableRandom r, double severity, double blankRate) {
        for (ScoringPlan plan : plans) {
            var d = plan.definition();
            var critical = d.critical().stream().map(c -> c.item()).toList();
            for (int i = 0; i < plan.itemCount(); i++) {
                var codes = d.responseSet(d.items().get(i).responses())
                        .orElseThrow()
                        .codes();
                double u = r.nextDouble();
                String v;
                if (u < blankRate) {
                    v = "";
                } else if (u < blankRate + 0.0008) {
                    v = "4";
                } else if (critical.contains(d.items().get(i).id())) {
                    // Self-harm items are rarely positive: under 1% plus a rise with severity.
                    boolean positive = r.nextDouble() < 0.008 + 0.1 * severity * severity;
                    v = codes.get(positive ? Math.min(codes.size() - 1, 1 + (r.nextInt(4) == 0 ? 1 : 0)) : 0)
                            .code();
                } else {
                    int k = (int) Math.round(severity * (codes.size() - 1) * 0.75 + r.nextGaussian() * 0.45);
                    k = Math.max(0, Math.min(codes.size() - 1, k));
                    // A reverse-keyed item is worded the other way: a severe student answers it low.
                    v = codes.get(d.items().get(i).reverse() ? codes.size() - 1 - k : k)
                            .code();
                    if (r.nextInt(2000) == 0 && v.length() == 1 && Character.isDigit(v.charAt(0))) {
                        v = String.valueOf((char) (v.charAt(0) - '0' + '０'));
                    }
                }
                row.append(',').append(v);
            }
        }
    }
}
