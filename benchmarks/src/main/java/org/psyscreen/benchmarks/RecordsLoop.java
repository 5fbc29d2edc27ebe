package org.psyscreen.benchmarks;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.psyscreen.cohort.SyntheticCohort;
import org.psyscreen.cohort.SyntheticRosters;
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
 * {@code benchmarks/e2e/records.sh}: each school's roster ({@link SyntheticRosters} of the SYNTHETIC
 * cohort the wave was scored from), then on up to {@code CASES} open cases a plan,
 * the parents' notice and their acknowledgement (three transactions each, as a counsellor's client
 * would send them), then each school's overdue list, the coverage of everything and the district
 * form of everything (xlsx). Prints each step's time; per-call steps also their median and p95.
 * Usage: {@code java -cp benchmarks.jar org.psyscreen.benchmarks.RecordsLoop DB KEY STUDENTS SCHOOLS WAVE
 * POLICY [CASES]}.
 */
public final class RecordsLoop {
    private RecordsLoop() {}

    public static void main(String[] args) throws Exception {
        String db = args[0];
        Pseudonymizer keys = Pseudonymizer.of(Files.readAllBytes(Path.of(args[1])));
        int n = Integer.parseInt(args[2]);
        int schools = Integer.parseInt(args[3]);
        String wave = args[4];
        Bundle bundle = Bundle.classPath(RecordsLoop.class.getClassLoader());
        CutoffPolicy policy = bundle.policy(args[5]).orElseThrow();
        int maxCases = args.length > 6 ? Integer.parseInt(args[6]) : 20_000;
        Path rosters = Files.createTempDirectory("psyscreen-rosters");
        // the rosters of wave 1 of the cohort records.sh generates: --seed 1, --classes-per-grade 12
        Map<String, Path> files = SyntheticRosters.write(
                bundle.plansFor(policy), n, 1L, 1, new SyntheticCohort.Hierarchy(schools, 12), rosters);
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
            int taken = Math.min(maxCases, cases.size());
            double[] plan = new double[taken];
            double[] notice = new double[taken];
            double[] ack = new double[taken];
            t0 = System.nanoTime();
            for (int c = 0; c < taken; c++) {
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
                store.followUp(
                        s,
                        w.token(),
                        policy,
                        new FollowUp(EventKind.PARENT_NOTIFIED, day, Role.CLASS_TEACHER, "phone"));
                notice[c] = ms(t);
                t = System.nanoTime();
                store.followUp(
                        s,
                        w.token(),
                        policy,
                        new FollowUp(EventKind.PARENT_ACKNOWLEDGED, day, Role.CLASS_TEACHER, "signed-form"));
                ack[c] = ms(t);
            }
            double all = ms(t0);
            report("case plan", plan, all, taken + " of " + cases.size() + " open cases; the three steps together");
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
