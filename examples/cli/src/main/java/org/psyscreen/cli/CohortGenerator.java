package org.psyscreen.cli;

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
final class CohortGenerator {
    private static final String[] GRADES = {"4", "5", "6", "7", "8", "9", "10", "11", "12", "v1", "v2", "v3"};

    private CohortGenerator() {}

    /** The header for these plans. */
    static String header(List<String> ids, List<ScoringPlan> plans) {
        StringBuilder sb = new StringBuilder("student_id,school,class,grade,sex,birth_date,test_date");
        for (int p = 0; p < plans.size(); p++) {
            for (String item : plans.get(p).itemIds()) {
                sb.append(',').append(ids.get(p)).append('.').append(item);
            }
        }
        return sb.toString();
    }

    /** Writes {@code n} students after the header. */
    static void write(Appendable out, Map<String, ScoringPlan> plansById, int n, long seed) throws java.io.IOException {
        List<String> ids = List.copyOf(plansById.keySet());
        List<ScoringPlan> plans = List.copyOf(plansById.values());
        SplittableRandom r = new SplittableRandom(seed);
        out.append(header(ids, plans)).append('\n');
        for (int s = 0; s < n; s++) {
            int g = r.nextInt(GRADES.length);
            String grade = GRADES[g];
            int age = grade.startsWith("v") ? 14 + Integer.parseInt(grade.substring(1)) : 5 + Integer.parseInt(grade);
            int year = 2026 - age - (r.nextInt(10) < 7 ? 0 : 1);
            String id = "G" + (4401000000L + (s == 7 ? 5 : s)); // record 8 repeats record 6's id
            int school = 1 + r.nextInt(6);
            StringBuilder row = new StringBuilder();
            row.append(id)
                    .append(",SCH")
                    .append(school)
                    .append(",")
                    .append(grade)
                    .append('-')
                    .append(1 + r.nextInt(4))
                    .append(',')
                    .append(grade)
                    .append(',')
                    .append(r.nextBoolean() ? "female" : "male")
                    .append(',')
                    .append(
                            s == 11
                                    ? "2012-02-30"
                                    : String.format(
                                            java.util.Locale.ROOT,
                                            "%d-%02d-%02d",
                                            year,
                                            1 + r.nextInt(12),
                                            1 + r.nextInt(28)))
                    .append(",2026-09-15");
            // Skewed severity: most students low, a long tail high (mean item about a quarter of its range).
            double severity = Math.pow(r.nextDouble(), 3);
            double blankRate = r.nextInt(100) < 3 ? 0.05 : 0.001;
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
                        v = codes.get(Math.max(0, Math.min(codes.size() - 1, k)))
                                .code();
                        if (r.nextInt(2000) == 0 && v.length() == 1 && Character.isDigit(v.charAt(0))) {
                            v = String.valueOf((char) (v.charAt(0) - '0' + '０'));
                        }
                    }
                    row.append(',').append(v);
                }
            }
            String line = row.toString();
            if (s == 17) {
                line = line.substring(0, line.indexOf(",2026-09-15")); // a short row
            }
            out.append(line).append('\n');
        }
    }
}
