package org.psyscreen.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.psyscreen.privacy.Pseudonymizer;
import org.psyscreen.records.Coverage;
import org.psyscreen.records.RecordStore;
import org.psyscreen.records.Roster;
import org.psyscreen.records.RosterResult;
import org.psyscreen.records.Scope;
import org.psyscreen.records.WarningCase;
import org.psyscreen.records.Wave;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code psyscreen records roster | coverage | named}: a school's roster, its coverage, its named lists. */
final class RosterCommands {
    private RosterCommands() {}

    /** {@code --school}, {@code --region} and {@code --key}: one school's students, and the store's key. */
    static final class SchoolKey {
        @Option(names = "--school", required = true, description = "The school, as its screenings name it.")
        String school;

        @Option(names = "--region", description = "The school's region (\"\" for data without regions).")
        String region = "";

        @Option(names = "--key", required = true, description = "The key file the runs are pseudonymised with.")
        Path key;

        /** The key, read; {@code null} after telling {@code err} why not. */
        Pseudonymizer keys(String command, PrintWriter err) {
            return key(key, command, err);
        }
    }

    /** The key file, read; {@code null} after telling {@code err} why not. */
    static Pseudonymizer key(Path file, String command, PrintWriter err) {
        var k = Keys.read(file);
        if (k.error() != null) {
            err.println("psyscreen records " + command + ": --key " + file + ": " + k.error());
            return null;
        }
        return Pseudonymizer.of(k.bytes());
    }

    @Command(
            name = "roster",
            mixinStandardHelpOptions = true,
            description = "Imports one school's roster (花名册) for a wave: student_id, grade, class, and optionally"
                    + " school, dormitory and attr.<name> (yes/no) columns, in CSV, JSON Lines or .xlsx. Ids are"
                    + " pseudonymised with --key; a name column is never read into the store. The school's earlier"
                    + " roster for the wave is replaced. Refused whole (PSY-30xx) on a student twice, a row of"
                    + " another school, an incomplete row, another key.")
    static final class Import extends RecordsCommand.StoreCommand {
        @Option(names = "--wave", required = true, description = "The wave the roster is for, e.g. 2026-autumn.")
        String wave;

        @Option(names = "--school-year", description = "e.g. 2026-2027: begins the wave when it is not in the store.")
        String schoolYear;

        @Option(
                names = "--new-school",
                description = "The school is new to the store (without it, a school the store has never seen is"
                        + " refused: PSY-3006, as a misspelt code would begin a second school).")
        boolean newSchool;

        @Option(names = "--term", description = "1 or 2, with --school-year.")
        int term;

        @picocli.CommandLine.Mixin
        SchoolKey who;

        @Parameters(paramLabel = "ROSTER", description = "The roster file.")
        Path file;

        @Override
        int run(RecordStore store, PrintWriter out, PrintWriter err) {
            Pseudonymizer keys = who.keys(name(), err);
            if (keys == null) {
                return 2;
            }
            RosterResult r = store.importRoster(
                    new Wave(wave, schoolYear, term), Roster.read(file, keys, who.region, who.school), newSchool);
            out.println("花名册 roster: " + r.school() + ", wave " + r.wave() + ": " + r.students() + " students"
                    + (r.replaced() ? " (replaced the earlier roster)" : ""));
            return 0;
        }
    }

    @Command(
            name = "coverage",
            mixinStandardHelpOptions = true,
            description = "Coverage (普查率) of a wave against the rosters: per class, on the roster, screened, not"
                    + " screened, screened but not on the roster, screened twice; per school the rate. Schools"
                    + " screened without a roster are listed apart.")
    static final class CoverageCommand extends RecordsCommand.ScopedCommand {
        @Option(names = "--wave", required = true, description = "The wave.")
        String wave;

        @Override
        int run(RecordStore store, Scope scope, PrintWriter out, PrintWriter err) {
            Coverage c = store.coverage(scope, wave);
            out.println("普查覆盖 coverage, wave " + wave + " (" + scope + ")");
            out.printf(
                    "  %-10s %-6s %-8s %9s %9s %9s %13s %9s %7s%n",
                    "school", "grade", "class", "on roster", "screened", "missed", "not on roster", "twice", "rate");
            for (Coverage.Unit u : c.classes()) {
                print(u, out);
            }
            for (Coverage.Unit u : c.bySchool()) {
                print(u, out);
            }
            if (!c.schoolsWithoutRoster().isEmpty()) {
                out.println("  无花名册 screened without a roster (coverage unknown): "
                        + String.join(", ", c.schoolsWithoutRoster()));
            }
            return 0;
        }

        private static void print(Coverage.Unit u, PrintWriter out) {
            out.printf(
                    "  %-10s %-6s %-8s %9d %9d %9d %13d %9d %7s%n",
                    u.school(),
                    u.grade().isEmpty() ? "all" : u.grade(),
                    u.klass().isEmpty() ? "all" : u.klass(),
                    u.onRoster(),
                    u.screened(),
                    u.notScreened(),
                    u.notOnRoster(),
                    u.screenedTwice(),
                    Double.isNaN(u.rate()) ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * u.rate()));
        }
    }

    @Command(
            name = "named",
            mixinStandardHelpOptions = true,
            description = "For the school's own staff: its warning list (and with --wave its students not screened)"
                    + " with the names and ids of its own roster file, matched locally through --key. Names are"
                    + " read from the file here and printed here only: they never enter the store or a log.")
    static final class Named extends RecordsCommand.StoreCommand {
        @picocli.CommandLine.Mixin
        SchoolKey who;

        @Option(names = "--roster", required = true, description = "The school's roster file, with a name column.")
        Path roster;

        @Option(names = "--wave", description = "Also name the roster's students this wave did not screen.")
        String wave;

        @Option(
                names = "--overdue",
                paramLabel = "POLICY",
                description = "Also name the cases overdue under this policy (on --as-of).")
        String overduePolicy;

        @Option(names = "--as-of", description = "The day overdue is counted on [default: today].")
        java.time.LocalDate asOf;

        @picocli.CommandLine.Mixin
        BundleOption bundleOption;

        @Override
        int run(RecordStore store, PrintWriter out, PrintWriter err) {
            Pseudonymizer keys = who.keys(name(), err);
            if (keys == null) {
                return 2;
            }
            Map<String, Roster.Named> names = Roster.names(roster, keys);
            Scope scope = Scope.school(who.region, who.school);
            String school = who.school;
            List<WarningCase> cases = store.warnings(scope);
            out.println("预警名单（仅限本校）warning list, for " + school + " only: " + cases.size() + " case(s)");
            for (WarningCase c : cases) {
                Roster.Named n = names.get(c.token());
                out.printf(
                        "  %-8s %-10s %-12s %-16s grade %s%n",
                        c.tier(),
                        c.state().name().toLowerCase(Locale.ROOT),
                        n == null ? "(not on roster)" : n.name(),
                        n == null ? c.token() : n.id(),
                        c.grade());
            }
            int named = cases.size();
            if (wave != null) {
                List<String> missed = store.unscreened(scope, wave);
                named += missed.size();
                out.println("未筛查 not screened in " + wave + ": " + missed.size());
                for (String t : missed) {
                    Roster.Named n = names.get(t);
                    out.printf("  %-12s %s%n", n == null ? "(not in this file)" : n.name(), n == null ? t : n.id());
                }
            }
            if (overduePolicy != null) {
                var policy = BundleOption.policy(bundleOption.load("records named", err), overduePolicy, name(), err);
                if (policy.isEmpty()) {
                    return 2;
                }
                java.time.LocalDate day = asOf == null ? java.time.LocalDate.now() : asOf;
                List<org.psyscreen.records.CaseDue> due = store.overdue(scope, policy.get(), day);
                out.println("逾期未跟进 overdue on " + day + ": " + due.size());
                for (var d : due) {
                    Roster.Named n = names.get(d.token());
                    out.println(
                            LoopCommands.line(d, n == null ? "(not on roster) " + d.token() : n.name() + " " + n.id()));
                }
                named += due.size();
            }
            store.recordNamedList(scope, named); // the audit log says who named how many, never the names
            return 0;
        }
    }

    @Command(
            name = "groups",
            mixinStandardHelpOptions = true,
            description = "A wave's outcomes by special group (the rosters' attr.<name> columns: yes, no, unknown) and"
                    + " by dormitory, per school; the groups split each school's roster exactly, and every count"
                    + " passes the same small-cell suppression as a class roll-up (hidden: <k).")
    static final class Groups extends RecordsCommand.ScopedCommand {
        @Option(names = "--wave", required = true, description = "The wave.")
        String wave;

        @Option(names = "--policy", required = true, description = "The policy whose decisions are counted.")
        String policyId;

        @Option(names = "--min-cell", description = "The smallest count shown [default: ${DEFAULT-VALUE}].")
        int minCell = org.psyscreen.privacy.SmallCellSuppressor.DEFAULT_K;

        @picocli.CommandLine.Mixin
        BundleOption bundleOption;

        @Override
        int run(RecordStore store, Scope scope, PrintWriter out, PrintWriter err) {
            var policy = BundleOption.policy(bundleOption.load("records groups", err), policyId, name(), err);
            if (policy.isEmpty()) {
                return 2;
            }
            var tables = store.groups(scope, wave, policy.get(), minCell);
            out.println("重点群体 groups, wave " + wave + " (" + scope + "), counts below " + minCell + " hidden");
            tables.forEach((dimension, t) -> {
                out.println(dimension);
                StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "  %-12s", ""));
                t.columns().forEach(c -> head.append(String.format(Locale.ROOT, " %12s", c)));
                out.println(head.append(String.format(Locale.ROOT, " %8s", "total")));
                for (var u : t.units()) {
                    StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %-12s", u.id()));
                    for (int c = 0; c < t.columns().size(); c++) {
                        Long v = u.published(c);
                        row.append(String.format(Locale.ROOT, " %12s", v == null ? "<" + minCell : v.toString()));
                    }
                    Long total = u.publishedTotal();
                    out.println(row.append(
                            String.format(Locale.ROOT, " %8s", total == null ? "<" + minCell : total.toString())));
                }
            });
            return 0;
        }
    }
}
