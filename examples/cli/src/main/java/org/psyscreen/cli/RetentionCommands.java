package org.psyscreen.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.Locale;
import org.psyscreen.records.PurgeResult;
import org.psyscreen.records.RecordStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code psyscreen records retention} and {@code records purge}: how long a store keeps a student who left. */
final class RetentionCommands {
    private RetentionCommands() {}

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
}
