package org.psyscreen.cohort;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.psyscreen.plan.ScoringPlan;

/**
 * Seeded generator of SYNTHETIC screening cohorts: grades 4–12 and vocational 1–3, both sexes,
 * schools and classes, answers correlated through one latent severity per student (and across a
 * student's instruments), a few per cent blanks, and about one per cent awkward records (out-of-range
 * codes, full-width digits, a duplicated id, an unreadable date, a short row). No real person.
 *
 * <p>It is the one synthetic cohort of the project: the demo file, the tests and the benchmarks all
 * draw from it, as a response file ({@link #write}) or student by student ({@link #students}).
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
        out.append(header(List.copyOf(plansById.keySet()), List.copyOf(plansById.values())))
                .append('\n');
        StringBuilder line = new StringBuilder();
        int written = 0;
        for (java.util.Iterator<Student> it = students(plansById, n, seed, wave, hierarchy); it.hasNext(); ) {
            Student st = it.next();
            line.setLength(0);
            st.appendCsv(line);
            if (wave == 1 && st.index() == 17) {
                line.setLength(line.indexOf("," + st.testDate())); // a short row
            }
            out.append(line).append('\n');
            written++;
        }
        return written;
    }

    /**
     * One synthetic student of a wave, as the file writes it (the file's record 18 of wave 1 is cut
     * short after its birth date; the student here is whole).
     *
     * @param index the student's place in wave 1 (0-based; later waves skip those who left or are absent)
     * @param id the student id
     * @param school the school
     * @param klass the class ({@code grade-number})
     * @param grade the grade code
     * @param sex {@code female} or {@code male}
     * @param birthDate the birth date as written (one student's is not a date)
     * @param testDate the test date, ISO
     * @param answers each instrument's answer codes as written, in the order of the plans ({@code ""} blank)
     */
    public record Student(
            int index,
            String id,
            String school,
            String klass,
            String grade,
            String sex,
            String birthDate,
            String testDate,
            List<String[]> answers) {

        /**
         * Appends the student's record (no line end) in {@link #header} order.
         *
         * @param row where to append
         */
        public void appendCsv(StringBuilder row) {
            row.append(id)
                    .append(',')
                    .append(school)
                    .append(',')
                    .append(klass)
                    .append(',')
                    .append(grade)
                    .append(',')
                    .append(sex)
                    .append(',')
                    .append(birthDate)
                    .append(',')
                    .append(testDate);
            for (String[] form : answers) {
                for (String v : form) {
                    row.append(',').append(v);
                }
            }
        }

        @Override
        public String toString() {
            return "Student[" + index + "]";
        }
    }

    /**
     * {@return the students of wave {@code wave}, one at a time, exactly as {@link #write} writes them}
     *
     * @param plansById the instruments' plans by id
     * @param n the students of wave 1
     * @param seed the seed
     * @param wave the wave, 1 or later
     * @param hierarchy the schools and classes
     */
    public static java.util.Iterator<Student> students(
            Map<String, ScoringPlan> plansById, int n, long seed, int wave, Hierarchy hierarchy) {
        List<ScoringPlan> plans = List.copyOf(plansById.values());
        SplittableRandom r = new SplittableRandom(seed);
        // Later waves draw their answers from their own stream; the first wave's stream still runs,
        // unchanged, so that every student has the identity and severity of the first wave.
        SplittableRandom later = new SplittableRandom(seed * 31 + wave);
        return new java.util.Iterator<>() {
            private int s;
            private Student next = advance();

            private Student advance() {
                while (s < n) {
                    Student st = student(s++);
                    if (st != null) {
                        return st;
                    }
                }
                return null;
            }

            private Student student(int s) {
                int g = r.nextInt(GRADES.length);
                String grade = GRADES[g];
                int age =
                        grade.startsWith("v") ? 14 + Integer.parseInt(grade.substring(1)) : 5 + Integer.parseInt(grade);
                int year = 2026 - age - (r.nextInt(10) < 7 ? 0 : 1);
                String id = "G" + (4401000000L + (s == 7 ? 5 : s)); // record 8 repeats record 6's id
                int school = 1 + r.nextInt(hierarchy.schools());
                int classNo = 1 + r.nextInt(hierarchy.classesPerGrade());
                String sex = r.nextBoolean() ? "female" : "male";
                String birth = s == 11
                        ? "2012-02-30"
                        : String.format(
                                java.util.Locale.ROOT, "%d-%02d-%02d", year, 1 + r.nextInt(12), 1 + r.nextInt(28));
                // Skewed severity: most students low, a long tail high (mean item about a quarter of its range).
                double severity = Math.pow(r.nextDouble(), 3);
                double blankRate = r.nextInt(100) < 3 ? 0.05 : 0.001;
                List<String[]> first = answers(plans, r, severity, blankRate);
                if (wave == 1) {
                    return new Student(
                            s, id, "SCH" + school, grade + "-" + classNo, grade, sex, birth, "2026-09-15", first);
                }
                int yearsLater = (wave - 1) / 2;
                boolean spring = wave % 2 == 0;
                String moved = moveUp(grade, yearsLater);
                if (moved == null || later.nextInt(100) < 3) {
                    return null; // left school, or absent this wave
                }
                double drifted = Math.max(0, Math.min(1, severity + later.nextGaussian() * 0.12));
                String testDate = spring ? (2027 + yearsLater) + "-03-15" : (2026 + yearsLater) + "-09-15";
                return new Student(
                        s,
                        id,
                        "SCH" + school,
                        moved + "-" + classNo,
                        moved,
                        sex,
                        birth,
                        testDate,
                        answers(plans, later, drifted, 0.001));
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public Student next() {
                if (next == null) {
                    throw new java.util.NoSuchElementException();
                }
                Student out = next;
                next = advance();
                return out;
            }
        };
    }

    /**
     * {@return one instrument's answers of {@code count} students of wave 1, as the cohort draws them,
     * a blank as {@code null}: for benchmarks and tests of one scoring plan}
     *
     * @param plan the instrument's plan
     * @param count the students
     * @param seed the seed
     */
    public static String[][] forms(ScoringPlan plan, int count, long seed) {
        String[][] out = new String[count][];
        java.util.Iterator<Student> it = students(Map.of("form", plan), count, seed, 1, Hierarchy.SMALL);
        for (int s = 0; s < count; s++) {
            String[] row = it.next().answers().get(0).clone();
            for (int i = 0; i < row.length; i++) {
                row[i] = row[i].isEmpty() ? null : row[i];
            }
            out[s] = row;
        }
        return out;
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

    private static List<String[]> answers(
            List<ScoringPlan> plans, SplittableRandom r, double severity, double blankRate) {
        List<String[]> out = new java.util.ArrayList<>(plans.size());
        for (ScoringPlan plan : plans) {
            var d = plan.definition();
            var critical = d.critical().stream().map(c -> c.item()).toList();
            String[] form = new String[plan.itemCount()];
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
                form[i] = v;
            }
            out.add(form);
        }
        return out;
    }
}
