package org.psyscreen.benchmarks;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.psyscreen.batch.ResponseFile;
import org.psyscreen.load.Bundle;
import org.psyscreen.privacy.Pseudonymizer;
import org.psyscreen.records.CaseDue;
import org.psyscreen.records.CasePlan;
import org.psyscreen.records.EventKind;
import org.psyscreen.records.FollowUp;
import org.psyscreen.records.RecordStore;
import org.psyscreen.records.Role;
import org.psyscreen.records.Roster;
import org.psyscreen.records.Scope;
import org.psyscreen.records.WarningCase;
import org.psyscreen.records.Wave;
import org.psyscreen.tier.CutoffPolicy;

/**
 * The closed loop on a records store the screenings are already in, for
 * {@code benchmarks/e2e/records.sh}: each school's roster (built from the SYNTHETIC cohort file the
 * wave was scored from: one row per id, first seen), then on up to {@code CASES} open cases a plan,
 * the parents' notice and their acknowledgement (three transactions each, as a counsellor's client
 * would send them), then each school's overdue list, the coverage of everything and the district
 * form of everything (xlsx). Prints each step's time; per-call steps also their median and p95.
 * Usage: {@code java -cp benchmarks.jar org.psyscreen.benchmarks.RecordsLoop DB KEY COHORT_CSV WAVE
 * POLICY [CASES]}.
 */
public final class RecordsLoop {
    private RecordsLoop() {}

    public static void main(String[] args) throws Exception {
        String db = args[0];
        Pseudonymizer keys = Pseudonymizer.of(Files.readAllBytes(Path.of(args[1])));
        Path cohort = Path.of(args[2]);
        String wave = args[3];
        CutoffPolicy policy = Bundle.classPath(RecordsLoop.class.getClassLoader())
                .policy(args[4])
                .orElseThrow();
        int maxCases = args.length > 5 ? Integer.parseInt(args[5]) : 20_000;
        Path rosters = Files.createTempDirectory("psyscreen-rosters");
        Map<String, Path> files = rosters(cohort, rosters);
        try (RecordStore store = RecordStore.open(db)) {
            double[] roster = new double[files.size()];
            int i = 0;
            long students = 0;
            long t0 = System.nanoTime();
            for (var e : files.entrySet()) {
                long t = System.nanoTime();
                students += store.importRoster(Wave.named(wave), Roster.read(e.getValue(), keys, "", e.getKey()))
                        .students();
                roster[i++] = ms(t);
            }
            report("roster import, per school", roster, ms(t0), students + " students");

            List<WarningCase> cases = store.warnings(Scope.everything());
            int n = Math.min(maxCases, cases.size());
            double[] plan = new double[n];
            double[] notice = new double[n];
            double[] ack = new double[n];
            t0 = System.nanoTime();
            for (int c = 0; c < n; c++) {
                WarningCase w = cases.get(c);
                Scope s = Scope.school(w.region(), w.school());
                LocalDate day =
                        LocalDate.parse(w.events().get(w.events().size() - 1).date());
                long t = System.nanoTime();
                store.plan(
                        s,
                        w.token(),
                        policy,
                        new CasePlan("counsellor-01", "weekly-interview", day, null, Role.COUNSELLOR));
                plan[c] = ms(t);
                t = System.nanoTime();
                store.followUp(s, w.token(), new FollowUp(EventKind.PARENT_NOTIFIED, day, Role.CLASS_TEACHER, "phone"));
                notice[c] = ms(t);
                t = System.nanoTime();
                store.followUp(
                        s,
                        w.token(),
                        new FollowUp(EventKind.PARENT_ACKNOWLEDGED, day, Role.CLASS_TEACHER, "signed-form"));
                ack[c] = ms(t);
            }
            double all = ms(t0);
            report("case plan", plan, all, n + " of " + cases.size() + " open cases; the three steps together");
            report("parents notified", notice, all, "");
            report("parents acknowledged", ack, all, "");

            LocalDate asOf = LocalDate.of(2026, 12, 1);
            double[] overdue = new double[files.size()];
            long listed = 0;
            i = 0;
            t0 = System.nanoTime();
            for (String school : files.keySet()) {
                long t = System.nanoTime();
                List<CaseDue> due = store.overdue(Scope.school("", school), policy, asOf);
                overdue[i++] = ms(t);
                listed += due.size();
            }
            report("overdue list, per school", overdue, ms(t0), listed + " overdue on " + asOf);

            t0 = System.nanoTime();
            long onRoster = store.coverage(Scope.everything(), wave).bySchool().stream()
                    .mapToLong(u -> u.onRoster())
                    .sum();
            System.out.printf(Locale.ROOT, "coverage of everything: %.0f ms (%d on the rosters)%n", ms(t0), onRoster);

            t0 = System.nanoTime();
            var form = store.districtForm(Scope.everything(), wave, policy, asOf, 10);
            Path xlsx = rosters.resolve("district-form.xlsx");
            try (OutputStream os = Files.newOutputStream(xlsx)) {
                form.writeXlsx(os);
            }
            System.out.printf(
                    Locale.ROOT,
                    "district form of everything: %.0f ms (%d rows, %d bytes as xlsx)%n",
                    ms(t0),
                    form.rows().size(),
                    Files.size(xlsx));
        } finally {
            try (var walk = Files.walk(rosters)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** One roster file per school from the cohort: each id once (the cohort repeats a few on purpose). */
    private static Map<String, Path> rosters(Path cohort, Path dir) throws Exception {
        Map<String, StringBuilder> bySchool = new TreeMap<>();
        Set<String> seen = new HashSet<>();
        Map<String, Integer> column = new HashMap<>();
        ResponseFile.of(cohort).read(new ResponseFile.Visitor() {
            @Override
            public void header(List<String> columns) {
                for (int c = 0; c < columns.size(); c++) {
                    column.put(columns.get(c), c);
                }
            }

            @Override
            public void record(long line, List<String> cells) {
                if (cells.size() < column.size()) {
                    return; // the cohort's cut records: a roster is the school's clean list
                }
                String id = cells.get(column.get("student_id"));
                String school = cells.get(column.get("school"));
                String grade = cells.get(column.get("grade"));
                String klass = cells.get(column.get("class"));
                if (id.isBlank() || school.isBlank() || grade.isBlank() || klass.isBlank() || !seen.add(id)) {
                    return;
                }
                bySchool.computeIfAbsent(school, x -> new StringBuilder("student_id,grade,class\n"))
                        .append(id)
                        .append(',')
                        .append(grade)
                        .append(',')
                        .append(klass)
                        .append('\n');
            }
        });
        Map<String, Path> files = new TreeMap<>();
        for (var e : bySchool.entrySet()) {
            files.put(
                    e.getKey(),
                    Files.writeString(dir.resolve(e.getKey() + ".csv"), e.getValue(), StandardCharsets.UTF_8));
        }
        return files;
    }

    private static double ms(long since) {
        return (System.nanoTime() - since) / 1e6;
    }

    private static void report(String what, double[] each, double totalMs, String note) {
        double[] s = each.clone();
        Arrays.sort(s);
        System.out.printf(
                Locale.ROOT,
                "%-26s %6d calls, all %.1f s; median %.2f ms, p95 %.2f ms%s%n",
                what,
                s.length,
                totalMs / 1000,
                s.length == 0 ? 0 : s[s.length / 2],
                s.length == 0 ? 0 : s[(int) (s.length * 0.95)],
                note.isEmpty() ? "" : " (" + note + ")");
    }
}
