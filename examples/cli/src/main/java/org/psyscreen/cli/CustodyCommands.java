package org.psyscreen.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.psyscreen.privacy.Pseudonymizer;
import org.psyscreen.records.KeyRotationResult;
import org.psyscreen.records.Principal;
import org.psyscreen.records.PurgeResult;
import org.psyscreen.records.RecordStore;
import org.psyscreen.records.Roster;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The custody of a store's data: {@code records retention} and {@code records purge} (how long a store
 * keeps a student who left), {@code records rotate-key} (moving every pseudonym to a new key),
 * {@code records grant} (who the database lets read what, on PostgreSQL).
 */
final class CustodyCommands {
    private CustodyCommands() {}

    @Command(
            name = "retention",
            mixinStandardHelpOptions = true,
            description = "Shows the store's retention period, or with --years sets it: how many school years after"
                    + " leaving school a student's records are kept (the data owner's rule; records purge applies it).")
    static final class Retention extends RecordsCommand.StoreCommand {
        @Option(
                names = "--years",
                paramLabel = "N",
                description = "Keep a student N school years after leaving (0-30).")
        Integer years;

        @Override
        int run(RecordStore store, PrintWriter out, PrintWriter err) {
            if (years != null) {
                store.retainAfterLeaving(years);
            }
            var set = store.retention();
            out.println(
                    set.isPresent()
                            ? "保存期限 retention: " + set.getAsInt() + " school year(s) after leaving school"
                            : "保存期限 retention: none set (records purge is refused until one is)");
            return 0;
        }
    }

    @Command(
            name = "purge",
            mixinStandardHelpOptions = true,
            description = "Deletes every student who left school more than the retention period ago, with all the"
                    + " store holds on them (a student with an open case is kept and counted), and lists the exports"
                    + " made earlier that may still hold them. Logged without the students. Refused without a"
                    + " retention period (PSY-3202).")
    static final class Purge extends RecordsCommand.StoreCommand {
        @Option(
                names = "--today",
                paramLabel = "DATE",
                description = "The day the period is counted from [default: today].")
        LocalDate today;

        @Override
        int run(RecordStore store, PrintWriter out, PrintWriter err) {
            PurgeResult r = store.purge(today == null ? LocalDate.now() : today);
            out.printf(
                    Locale.ROOT,
                    "清除 purged: %d student(s) who left before %s (%d rows); kept %d with an open case%n",
                    r.studentsDeleted(),
                    r.firstYearKept(),
                    r.rowsDeleted(),
                    r.keptForOpenCase());
            if (!r.earlierExports().isEmpty()) {
                out.println("先前导出 made earlier, may hold them too (delete those copies):");
                for (var e : r.earlierExports()) {
                    out.printf(
                            Locale.ROOT,
                            "  #%d %s  %-16s %-14s %s %s%n",
                            e.id(),
                            e.at(),
                            e.principal(),
                            e.action(),
                            e.scope(),
                            e.detail());
                }
            }
            return 0;
        }
    }

    @Command(
            name = "rotate-key",
            mixinStandardHelpOptions = true,
            description = "Moves the store to a new pseudonym key in one transaction: every student's pseudonym"
                    + " under --key becomes their pseudonym under --new-key, in the store and its audit log. Needs"
                    + " the ids the pseudonyms were made from: give every roster or screened file (CSV, JSON Lines,"
                    + " .xlsx with a student_id column) that names the store's students; the ids are read, never"
                    + " stored. Refused, with nothing changed, when --key is not the store's key (PSY-3204) or a"
                    + " student of the store is in none of the files (PSY-3205).")
    static final class RotateKey extends RecordsCommand.StoreCommand {
        @Option(names = "--key", required = true, description = "The key file the store's students are held under.")
        Path key;

        @Option(names = "--new-key", required = true, description = "The new key file (psyscreen key FILE makes one).")
        Path newKey;

        @Parameters(arity = "1..*", paramLabel = "FILE", description = "Rosters or screened files naming the students.")
        List<Path> files;

        @Override
        int run(RecordStore store, PrintWriter out, PrintWriter err) {
            Pseudonymizer from = RosterCommands.key(key, name(), err);
            Pseudonymizer to = from == null ? null : RosterCommands.key(newKey, name(), err);
            if (to == null) {
                return 2;
            }
            List<String> ids = new ArrayList<>();
            for (Path f : files) {
                ids.addAll(Roster.ids(f));
            }
            KeyRotationResult r = store.rotateKey(from, to, ids);
            out.printf(
                    Locale.ROOT,
                    "换钥 key rotated: %d student(s) and %d audit entr%s from key %s to key %s; runs, exports and"
                            + " named lists made earlier keep the old pseudonyms%n",
                    r.students(),
                    r.auditEntries(),
                    r.auditEntries() == 1 ? "y" : "ies",
                    r.oldKeyId(),
                    r.newKeyId());
            return 0;
        }
    }

    @Command(
            name = "grant",
            mixinStandardHelpOptions = true,
            description = "On PostgreSQL: lets a login role of the server read the store as one school (--school),"
                    + " one region (--region alone) or the province (--province: crisis cases only, no answers or"
                    + " scores). The database's row-level security then shows that login its own rows in any SQL"
                    + " and refuses every write. --revoke LOGIN withdraws a grant; --list shows them. The login"
                    + " must exist (CREATE ROLE … LOGIN) and be neither a superuser nor exempt from row-level"
                    + " security (PSY-3207). On SQLite the file is the boundary (PSY-3206).")
    static final class Grant extends RecordsCommand.StoreCommand {
        @Option(names = "--login", paramLabel = "ROLE", description = "The server's login role to grant.")
        String login;

        @Option(names = "--school", description = "The school it reads (with --region when the data has regions).")
        String school;

        @Option(names = "--region", description = "The region it reads, or the school's region [default: none].")
        String region;

        @Option(names = "--province", description = "The province's login: the crisis cases of every school.")
        boolean province;

        @Option(names = "--revoke", paramLabel = "ROLE", description = "Withdraw this login's grant.")
        String revoke;

        @Option(names = "--list", description = "List the logins granted.")
        boolean list;

        @Override
        int run(RecordStore store, PrintWriter out, PrintWriter err) {
            if (revoke != null) {
                out.println(
                        store.revoke(revoke)
                                ? "撤销 revoked: " + revoke + " reads nothing of the store"
                                : "撤销 revoked: nothing (" + revoke + " was not granted)");
                return 0;
            }
            if (login != null) {
                Principal p = province
                        ? Principal.province(login)
                        : school != null
                                ? Principal.school(login, region == null ? "" : region, school)
                                : region != null ? Principal.region(login, region) : null;
                if (p == null || (province && (school != null || region != null))) {
                    err.println("psyscreen records grant: --login needs --school, --region or --province (one)");
                    return 2;
                }
                store.grant(p);
            } else if (!list) {
                err.println("psyscreen records grant: give --login with --school, --region or --province; --revoke;"
                        + " or --list");
                return 2;
            }
            for (Principal p : store.principals()) {
                out.printf(
                        Locale.ROOT,
                        "  %-24s %-9s %s%n",
                        p.login(),
                        p.level().word(),
                        p.level() == Principal.Level.SCHOOL
                                ? p.school() + (p.region().isEmpty() ? "" : " in " + p.region())
                                : p.region());
            }
            return 0;
        }
    }
}
