package org.psyscreen.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.psyscreen.privacy.Pseudonymizer;
import org.psyscreen.records.CaseEvent;
import org.psyscreen.records.ImportResult;
import org.psyscreen.records.RecordStore;
import org.psyscreen.records.RecordStoreException;
import org.psyscreen.records.Role;
import org.psyscreen.records.ScaleChange;
import org.psyscreen.records.Scope;
import org.psyscreen.records.StudentHistory;
import org.psyscreen.records.UpwardReport;
import org.psyscreen.records.WarningCase;
import org.psyscreen.records.Wave;
import org.psyscreen.records.WaveChanges;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code psyscreen records …}: the records across years and the warning database. */
@Command(
        name = "records",
        mixinStandardHelpOptions = true,
        description = "Records across years (一生一档) and the three-tier warning database: import scored runs as"
                + " waves, print a student's history with reliable change, changes between waves, the warning list,"
                + " follow-ups, the upward report, deletion. --db is one SQLite file (created when absent) or a"
                + " PostgreSQL JDBC URL. Students are the keyed pseudonyms of the run; raw ids are never stored.",
        subcommands = {
            RecordsCommand.Import.class,
            RecordsCommand.History.class,
            RecordsCommand.Changes.class,
            RecordsCommand.Warnings.class,
            CaseCommands.FollowUpCommand.class,
            RecordsCommand.Export.class,
            RecordsCommand.Delete.class,
            CustodyCommands.Retention.class,
            CustodyCommands.Purge.class,
            CustodyCommands.RotateKey.class,
            CustodyCommands.Grant.class,
            RosterCommands.Import.class,
            RosterCommands.CoverageCommand.class,
            RosterCommands.Named.class,
            RosterCommands.Groups.class,
            CaseCommands.Report.class,
            CaseCommands.Assess.class,
            CaseCommands.Plan.class,
            LoopCommands.Visit.class,
            LoopCommands.OverdueCommand.class,
            LoopCommands.Form.class,
            LoopCommands.Audit.class
        },
        footer = {
            "",
            "Examples:",
            "  psyscreen records import --db school.db --wave 2026-autumn results/",
            "  psyscreen records history --db school.db --school SCH3 --key psyscreen.key --student G4401000001",
            "  psyscreen records warnings --db school.db --school SCH3",
            "  psyscreen records roster --db school.db --wave 2026-autumn --school SCH3 --key psyscreen.key roster.csv",
            "  psyscreen records coverage --db school.db --wave 2026-autumn --school SCH3",
            "  psyscreen records named --db school.db --school SCH3 --key psyscreen.key --roster roster.csv",
            "  psyscreen records report --db school.db --school SCH3 --token ps1.… --policy example-a-glad-pc"
                    + " --source teacher --tier watch --grade 7 --date 2026-10-08 --role class-teacher",
            "  psyscreen records assess --db school.db --school SCH3 --token ps1.… --policy example-a-glad-pc"
                    + " --tier high --reason interview-confirmed --date 2026-10-10 --role counsellor",
            "  psyscreen records follow-up --db school.db --school SCH3 --token ps1.… --policy example-a-glad-pc"
                    + " --kind interview --date 2026-09-20 --role counsellor --outcome attended",
            "  psyscreen records plan --db school.db --school SCH3 --token ps1.… --policy example-a-glad-pc"
                    + " --owner counsellor-02 --plan weekly-interview --date 2026-10-10 --role counsellor",
            "  psyscreen records overdue --db school.db --school SCH3 --policy example-a-glad-pc --as-of 2026-11-01",
            "  psyscreen records form --db school.db --region R1 --wave 2026-autumn --policy example-a-glad-pc --out"
                    + " form.xlsx",
            "  psyscreen records audit --db school.db --school SCH3 --token ps1.…",
            "  psyscreen records audit --db school.db --all --verify",
            "  psyscreen records retention --db school.db --years 3",
            "  psyscreen records purge --db school.db",
            "  psyscreen records rotate-key --db school.db --key old.key --new-key new.key roster-*.csv",
            "  psyscreen records grant --db jdbc:postgresql://db/psy?user=owner --login sch3_staff --school SCH3",
            "  psyscreen records export --db jdbc:postgresql://db/psy?user=u --region R1 --wave 2026-autumn --out up/"
        })
final class RecordsCommand implements Runnable {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code --db}. */
    static final class Db {
        @Option(
                names = "--db",
                required = true,
                paramLabel = "FILE|URL",
                description = "The records store: a SQLite file (created when absent) or a jdbc:postgresql:// URL.")
        String location;
    }

    /** Whose records: one school, one region, or everything. */
    static final class ScopeOptions {
        @Option(
                names = "--school",
                description = "Only this school's records (with --region when the data has regions).")
        String school;

        @Option(names = "--region", description = "Only this region's records (\"\" for data without a region).")
        String region;

        @Option(names = "--all", description = "Every record in the store (the data owner).")
        boolean all;

        /** The scope, or {@code null} after telling {@code err} what to give. */
        Scope scope(String command, PrintWriter err) {
            if (all && (school != null || region != null)) {
                err.println("psyscreen records " + command + ": --all or --school/--region, not both");
                return null;
            }
            if (all) {
                return Scope.everything();
            }
            if (school != null) {
                return Scope.school(region == null ? "" : region, school);
            }
            if (region != null) {
                return Scope.region(region);
            }
            err.println("psyscreen records " + command
                    + ": say whose records: --school S (one school), --region R (a region) or --all");
            return null;
        }
    }

    /** {@code --token T}, or {@code --student ID --key FILE}. */
    static final class StudentOptions {
        @Option(names = "--token", description = "The student's pseudonym as the run wrote it (ps1.…).")
        String token;

        @Option(names = "--student", description = "The student's id; needs --key (the id itself is never stored).")
        String student;

        @Option(names = "--key", description = "The key file the runs were pseudonymised with.")
        Path key;

        String token(String command, PrintWriter err) {
            if ((token == null) == (student == null)) {
                err.println("psyscreen records " + command + ": give --token T, or --student ID with --key FILE");
                return null;
            }
            if (token != null) {
                return token;
            }
            if (key == null) {
                err.println("psyscreen records " + command
                        + ": --student needs --key (the file the runs were scored with)");
                return null;
            }
            Pseudonymizer keys = RosterCommands.key(key, command, err);
            return keys == null ? null : keys.token(student);
        }
    }

    /** {@code --date} and {@code --role}: when something happened on a case, and who recorded it. */
    static final class WhenWho {
        @Option(names = "--date", required = true, description = "When, e.g. 2026-09-20.")
        String date;

        @Option(
                names = "--role",
                required = true,
                description = "Who: counsellor, class-teacher, school-leader, doctor or regional-centre.")
        String role;

        LocalDate when;
        Role who;

        /** Reads both; {@code false} after telling {@code err} which one is wrong. */
        boolean read(String command, PrintWriter err) {
            who = Role.ofWord(role);
            if (who == null) {
                err.println("psyscreen records " + command + ": --role " + role
                        + " is not one of the listed words (see --help)");
                return false;
            }
            try {
                when = LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                err.println("psyscreen records " + command + ": --date is written 2026-09-20");
                return false;
            }
            return true;
        }
    }

    /** Runs one store operation; a refusal is one line on stderr and exit code 2. */
    abstract static class StoreCommand implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Mixin
        Db db;

        /** The subcommand's name, for messages. */
        String name() {
            return spec.name();
        }

        abstract int run(RecordStore store, PrintWriter out, PrintWriter err);

        @Option(
                names = "--as",
                paramLabel = "CODE",
                description = "Who acts: the staff or operator code the store's audit log writes for every change"
                        + " [default: os:<your user name>]. Never a student's name.")
        String as;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            try (RecordStore store = RecordStore.open(db.location)) {
                if (as != null) {
                    store.actingAs(as);
                }
                return run(store, spec.commandLine().getOut(), err);
            } catch (RecordStoreException | IllegalArgumentException e) {
                err.println("psyscreen records " + name() + ": " + e.getMessage());
                return 2;
            }
        }
    }

    /** A store operation on the records in one scope ({@code --school}, {@code --region} or {@code --all}). */
    abstract static class ScopedCommand extends StoreCommand {
        @Mixin
        ScopeOptions scope;

        abstract int run(RecordStore store, Scope scope, PrintWriter out, PrintWriter err);

        @Override
        final int run(RecordStore store, PrintWriter out, PrintWriter err) {
            Scope s = scope.scope(name(), err);
            return s == null ? 2 : run(store, s, out, err);
        }
    }

    @Command(
            name = "import",
            mixinStandardHelpOptions = true,
            description = "Imports the folder 'psyscreen score' wrote (with --key, and its audit trail scores.jsonl)"
                    + " as one wave. One transaction: all or nothing. The same input twice adds nothing; the same"
                    + " input scored under another policy version adds its decisions beside the old ones.")
    static final class Import extends StoreCommand {
        @Option(names = "--wave", required = true, description = "The wave's name, e.g. 2026-autumn.")
        String wave;

        @Option(names = "--school-year", description = "e.g. 2026-2027 [default: from the earliest test date].")
        String schoolYear;

        @Option(names = "--term", description = "1 or 2 [default: from the earliest test date].")
        int term;

        @Mixin
        BundleOption bundleOption;

        @Parameters(paramLabel = "RUN_DIR", description = "The folder psyscreen score wrote.")
        Path runDir;

        @Override
        int run(RecordStore store, PrintWriter out, PrintWriter err) {
            var bundle = bundleOption.load("records import", err);
            boolean terminal = System.console() != null && System.getenv("CI") == null;
            ImportResult r = store.importRun(runDir, new Wave(wave, schoolYear, term), bundle, n -> {
                if (terminal) { // on a terminal only: CI logs and redirected output stay quiet
                    err.printf("\r导入 importing: %d records read", n);
                    err.flush();
                }
            });
            if (terminal) {
                err.println();
            }
            printImport(r, out);
            return 0;
        }
    }

    static void printImport(ImportResult r, PrintWriter out) {
        if (r.alreadyImported()) {
            out.println(
                    "波次 wave " + r.wave() + ": this input under this policy is in the store already; nothing added");
            return;
        }
        out.println(
                "波次 wave " + r.wave() + (r.redecision() ? " (re-decision: decisions added beside the old ones)" : ""));
        out.println("记录 records: " + r.recordsIn() + " in = " + r.stored() + " stored + " + r.withoutId()
                + " without a student id (kept in the run's files only)");
        if (!r.redecision()) {
            out.println("预警个案 cases: " + r.casesOpened() + " opened, " + r.casesEscalated() + " escalated, "
                    + r.casesReopened() + " re-opened");
        }
    }

    @Command(
            name = "history",
            mixinStandardHelpOptions = true,
            description = "One student's screenings, oldest first, with every scale's change since the previous one"
                    + " and the Jacobson–Truax reliable change index where the instrument cites a reliability; and"
                    + " the student's warning cases.")
    static final class History extends ScopedCommand {
        @Mixin
        StudentOptions student;

        @Override
        int run(RecordStore store, Scope s, PrintWriter out, PrintWriter err) {
            String token = student.token(name(), err);
            if (token == null) {
                return 2;
            }
            StudentHistory h = store.history(s, token);
            out.println("学生 student " + h.token());
            for (StudentHistory.Screening sc : h.screenings()) {
                out.println();
                out.printf(
                        "波次 wave %s (%s term %d) — %s %s grade %s, tested %s%n",
                        sc.wave(),
                        sc.schoolYear(),
                        sc.term(),
                        sc.school(),
                        sc.schoolClass(),
                        sc.grade(),
                        sc.testDate() == null ? "(no date)" : sc.testDate());
                if (!sc.problems().isEmpty()) {
                    out.println("  记录问题 problems: " + sc.problems());
                }
                sc.forms().forEach((id, f) -> {
                    StringBuilder scales = new StringBuilder();
                    f.scales()
                            .forEach((k, v) ->
                                    scales.append(' ').append(k).append('=').append(number(v)));
                    out.printf("  %-7s %-10s%s%n", id, f.status(), scales);
                });
                sc.norms().forEach((id, n) -> {
                    if (n.t() != null) {
                        out.printf(
                                "  常模 norm %s: T %s, percentile %s (%s)%n",
                                id, number(n.t()), number(n.percentile()), n.status());
                    }
                });
                for (StudentHistory.Decision d : sc.decisions()) {
                    out.printf(
                            "  预警 tier %s under %s%s%n",
                            d.tier() == null ? (d.undetermined() ? "UNDETERMINED (never low risk)" : "none") : d.tier(),
                            d.policy(),
                            d.followUps().isEmpty() ? "" : " (follow-ups: " + d.followUps() + ")");
                }
                for (ScaleChange c : sc.changes()) {
                    if (c.change() == null || (c.rci() == null && c.change() == 0)) {
                        continue; // unchanged and no index: nothing to say
                    }
                    out.printf(
                            "  变化 change %s.%s: %s → %s (%+.1f)%s%n",
                            c.instrument(),
                            c.scale(),
                            number(c.from()),
                            number(c.to()),
                            c.change(),
                            c.rci() == null
                                    ? "; " + c.rciNote()
                                    : String.format(
                                            Locale.ROOT,
                                            "; RCI %.2f, %s (%s)",
                                            c.rci(),
                                            c.reliable() ? "reliable change 可靠变化" : "not a reliable change",
                                            c.rciNote()));
                }
            }
            if (!h.cases().isEmpty()) {
                out.println();
                out.println("预警个案 warning cases:");
                h.cases().forEach(c -> printCase(c, out));
            }
            var sources = store.reliabilities();
            if (!sources.isEmpty()) {
                out.println();
                out.println(
                        "可靠变化依据 RCI = change / (√2 · SD · √(1 − r)), Jacobson & Truax 1991; |RCI| ≥ 1.96 is reliable:");
                sources.forEach(r -> out.printf(
                        "  %s %s: %s %s, SD %s — %s = %s%n    sample: %s%n",
                        r.instrumentKey(),
                        r.scale(),
                        r.kind(),
                        r.coefficient(),
                        r.sd(),
                        r.source(),
                        r.citation(),
                        r.sample()));
            }
            return 0;
        }
    }

    @Command(
            name = "changes",
            mixinStandardHelpOptions = true,
            description = "Between two waves: tier transitions (newly flagged, escalated, improved) as decided then,"
                    + " reliable changes per scale, and coverage (students seen in the first and missing from the"
                    + " second).")
    static final class Changes extends ScopedCommand {
        @Option(names = "--from", required = true, description = "The earlier wave.")
        String from;

        @Option(names = "--to", required = true, description = "The later wave.")
        String to;

        @Override
        int run(RecordStore store, Scope s, PrintWriter out, PrintWriter err) {
            WaveChanges c = store.changes(s, from, to);
            out.printf("%s → %s (%s)%n", c.fromWave(), c.toWave(), s);
            out.printf(
                    "覆盖 coverage: %d screened in %s, %d in %s; %d seen before and missing now%n",
                    c.seenBefore(),
                    c.fromWave(),
                    c.seenNow(),
                    c.toWave(),
                    c.missingTokens().size());
            out.println("预警变化 tier transitions (as decided then):");
            for (WaveChanges.Transition t : WaveChanges.Transition.values()) {
                out.printf(
                        "  %-14s %6d%n",
                        t.name().toLowerCase(Locale.ROOT), c.transitions().getOrDefault(t, 0L));
            }
            java.util.Map<String, long[]> reliable = new java.util.TreeMap<>();
            for (var st : c.students()) {
                for (ScaleChange sc : st.scales()) {
                    if (sc.reliable() != null) {
                        long[] n = reliable.computeIfAbsent(sc.instrument() + "." + sc.scale(), k -> new long[3]);
                        n[sc.reliable() ? (sc.rci() > 0 ? 0 : 1) : 2]++;
                    }
                }
            }
            out.println("可靠变化 reliable change (|RCI| ≥ 1.96), scales that cite a reliability:");
            if (reliable.isEmpty()) {
                out.println("  none of these instruments declares one: RCI not available");
            }
            reliable.forEach((k, n) -> out.printf("  %-22s %6d up, %6d down, %6d within error%n", k, n[0], n[1], n[2]));
            return 0;
        }
    }

    @Command(
            name = "warnings",
            mixinStandardHelpOptions = true,
            description = "The warning list: open and monitored cases, most severe tier first; and students whose"
                    + " latest decision was undetermined (never low risk).")
    static final class Warnings extends ScopedCommand {

        @Override
        int run(RecordStore store, Scope s, PrintWriter out, PrintWriter err) {
            var cases = store.warnings(s);
            out.println("预警名单 warning list (" + s + "): " + cases.size() + " open or monitored case(s)");
            cases.forEach(c -> printCase(c, out));
            var unknown = store.undetermined(s);
            if (!unknown.isEmpty()) {
                out.println("未能判定 undetermined (rules could not be evaluated; never low risk): " + unknown.size());
                unknown.forEach(t -> out.println("  " + t));
            }
            return 0;
        }
    }

    static void printCase(WarningCase c, PrintWriter out) {
        out.printf(
                "  %-8s %-10s %s  %s grade %s  opened %s, last flagged %s%s%s%n",
                c.tier(),
                c.state().name().toLowerCase(Locale.ROOT),
                c.token(),
                c.school(),
                c.grade(),
                c.openedWave().isEmpty() ? "by a report" : c.openedWave(),
                c.lastWave().isEmpty() ? "by a report" : c.lastWave(),
                c.source().equals("screening") ? "" : "; source " + c.source(),
                c.screenedTier().equals(c.tier()) ? "" : "; assessed (screened " + c.screenedTier() + ")");
        for (CaseEvent e : c.events()) {
            out.printf(
                    "      %s %s (%s) by %s: %s%s%s%n",
                    e.date(),
                    e.kind().word(),
                    e.kind().zh(),
                    e.role().word(),
                    e.outcome(),
                    e.owner().isEmpty() ? "" : "; owner " + e.owner(),
                    e.nextContact().isEmpty() ? "" : "; next contact " + e.nextContact());
        }
    }

    @Command(
            name = "export",
            mixinStandardHelpOptions = true,
            description = "Writes the upward report for the provincial platform: crisis-tier cases (pseudonymous) and"
                    + " per-school counts of one wave, small cells hidden (upward-report.json, upward-counts.csv,"
                    + " upward-crisis.csv).")
    static final class Export extends ScopedCommand {
        @Option(names = "--wave", required = true, description = "The wave counted.")
        String wave;

        @Option(names = "--out", required = true, description = "Folder to write into.")
        Path outDir;

        @Option(names = "--min-cell", defaultValue = "10", description = "Smallest published count [default: 10].")
        int k;

        @Override
        int run(RecordStore store, Scope s, PrintWriter out, PrintWriter err) {
            if (k < 2) {
                err.println("psyscreen records export: --min-cell must be 2 or more");
                return 2;
            }
            UpwardReport r = store.upwardReport(s, wave, k);
            try {
                r.writeTo(outDir);
            } catch (java.io.IOException e) {
                err.println("psyscreen records export: cannot write to " + outDir + " ("
                        + e.getClass().getSimpleName() + ")");
                return 3;
            }
            out.println("上报 upward report (" + s + ", wave " + wave + "): "
                    + r.crisis().size() + " crisis case(s), " + r.counts().size() + " count row(s), cells under " + k
                    + " hidden → " + outDir);
            return 0;
        }
    }

    @Command(
            name = "delete",
            mixinStandardHelpOptions = true,
            description = "Deletes one student's records in scope (a personal-information deletion request), or every"
                    + " wave older than N school years. The deletion is logged without the student.")
    static final class Delete extends StoreCommand {
        @Mixin
        ScopeOptions scope;

        @Mixin
        StudentOptions student;

        @Option(
                names = "--older-than",
                paramLabel = "YEARS",
                description = "Instead of one student: delete the waves of school years that began more than YEARS"
                        + " school years before this one (the data owner's retention rule).")
        Integer years;

        @Override
        int run(RecordStore store, PrintWriter out, PrintWriter err) {
            if (years != null) {
                if (student.token != null || student.student != null) {
                    err.println("psyscreen records delete: --older-than, or one student (--token/--student), not both");
                    return 2;
                }
                if (years < 0) {
                    err.println("psyscreen records delete: --older-than must be 0 or more");
                    return 2;
                }
                String before = RecordStore.schoolYearBefore(LocalDate.now(), years);
                long n = store.deleteWavesBefore(before);
                out.println("删除 deleted: waves of school years before " + before + " (" + n + " rows)");
                return 0;
            }
            Scope s = scope.scope(name(), err);
            String token = student.token(name(), err);
            if (s == null || token == null) {
                return 2;
            }
            long n = store.deleteStudent(s, token);
            out.println(
                    n == 0
                            ? "删除 deleted: nothing (no records of this student in " + s + ")"
                            : "删除 deleted: the student's records in " + s + " (" + n + " rows)");
            return 0;
        }
    }

    private static String number(Double v) {
        if (v == null) {
            return "—";
        }
        return v == Math.rint(v) ? Long.toString(v.longValue()) : String.format(Locale.ROOT, "%.1f", v);
    }
}
