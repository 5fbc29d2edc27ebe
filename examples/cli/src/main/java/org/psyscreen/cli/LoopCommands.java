package org.psyscreen.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.psyscreen.records.CaseDue;
import org.psyscreen.records.DistrictForm;
import org.psyscreen.records.HomeVisit;
import org.psyscreen.records.RecordStore;
import org.psyscreen.records.Scope;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code psyscreen records visit | overdue | form}: home visits, the overdue list and the district form. */
final class LoopCommands {
    private LoopCommands() {}

    @Command(
            name = "visit",
            mixinStandardHelpOptions = true,
            description = "Records a home visit (家访) to a student the school has (on its roster or screened there;"
                    + " PSY-3101 otherwise): routine (全员家访) or special (for a student the school follows). A visit"
                    + " to a student with an open case is a contact on it. Give --school.")
    static final class Visit extends RecordsCommand.ScopedCommand {
        @Mixin
        RecordsCommand.StudentOptions student;

        @Option(names = "--kind", defaultValue = "routine", description = "routine or special [default: routine].")
        String kind;

        @Mixin
        RecordsCommand.WhenWho whenWho;

        @Override
        int run(RecordStore store, Scope s, PrintWriter out, PrintWriter err) {
            String token = student.token(name(), err);
            if (token == null || !whenWho.read(name(), err)) {
                return 2;
            }
            HomeVisit.Kind k = kind.equals("routine")
                    ? HomeVisit.Kind.ROUTINE
                    : kind.equals("special") ? HomeVisit.Kind.SPECIAL : null;
            if (k == null) {
                err.println("psyscreen records visit: --kind is routine or special");
                return 2;
            }
            store.visit(s, token, new HomeVisit(whenWho.when, k, whenWho.who));
            out.println("家访 home visit recorded: " + whenWho.when + ", " + k.word() + ", by " + whenWho.who.word());
            return 0;
        }
    }

    @Command(
            name = "overdue",
            mixinStandardHelpOptions = true,
            description = "The overdue list: open and monitored cases whose next contact is past due, by the policy's"
                    + " follow-up interval for the case's tier (followUpDays) after the last contact, or the plan's"
                    + " next contact when earlier; most severe first. PSY-3108 when the policy declares no interval"
                    + " for a tier. Pseudonymous: 'records named --overdue' names them for the school.")
    static final class OverdueCommand extends RecordsCommand.ScopedCommand {
        @Option(names = "--policy", required = true, description = "The policy the cases follow.")
        String policyId;

        @Option(names = "--as-of", description = "The day counted on, e.g. 2026-11-01 [default: today].")
        LocalDate asOf;

        @Mixin
        BundleOption bundleOption;

        @Override
        int run(RecordStore store, Scope scope, PrintWriter out, PrintWriter err) {
            var policy = BundleOption.policy(bundleOption.load("records overdue", err), policyId, name(), err);
            if (policy.isEmpty()) {
                return 2;
            }
            LocalDate day = asOf == null ? LocalDate.now() : asOf;
            List<CaseDue> due = store.overdue(scope, policy.get(), day);
            out.println("逾期未跟进 overdue on " + day + " (" + scope + "): " + due.size() + " case(s)");
            for (CaseDue d : due) {
                out.println(line(d, d.token()));
            }
            return 0;
        }
    }

    /** One overdue case, with the student shown as {@code who}. */
    static String line(CaseDue d, String who) {
        return String.format(
                Locale.ROOT,
                "  %-8s %-10s %-16s %s grade %s  owner %s  last contact %s, due %s, %d day(s) overdue",
                d.tier(),
                d.state().name().toLowerCase(Locale.ROOT),
                who,
                d.school(),
                d.grade(),
                d.owner().isEmpty() ? "(none)" : d.owner(),
                d.lastContact(),
                d.due(),
                d.daysOverdue());
    }

    @Command(
            name = "form",
            mixinStandardHelpOptions = true,
            description = "Writes the district statistics form (排查统计表): per school, the wave's students and"
                    + " outcomes, open cases by source, referred, parents notified and acknowledged, overdue, and"
                    + " students visited at home; every count through small-cell suppression (hidden: <k). --out"
                    + " ending in .xlsx writes a workbook, else CSV; written whole or not at all.")
    static final class Form extends RecordsCommand.ScopedCommand {
        @Option(names = "--wave", required = true, description = "The wave counted.")
        String wave;

        @Option(names = "--policy", required = true, description = "The policy whose decisions and cases count.")
        String policyId;

        @Option(names = "--as-of", description = "The day the cases' counts stand on [default: today].")
        LocalDate asOf;

        @Option(names = "--min-cell", description = "The smallest count shown [default: ${DEFAULT-VALUE}].")
        int minCell = org.psyscreen.privacy.SmallCellSuppressor.DEFAULT_K;

        @Option(names = "--out", required = true, description = "The form file: .csv or .xlsx.")
        Path out;

        @Mixin
        BundleOption bundleOption;

        @Override
        int run(RecordStore store, Scope scope, PrintWriter stdout, PrintWriter err) {
            var policy = BundleOption.policy(bundleOption.load("records form", err), policyId, name(), err);
            if (policy.isEmpty()) {
                return 2;
            }
            DistrictForm form =
                    store.districtForm(scope, wave, policy.get(), asOf == null ? LocalDate.now() : asOf, minCell);
            Path target = out.toAbsolutePath().normalize();
            Path partial = target.resolveSibling("." + target.getFileName() + ".partial");
            try {
                try (OutputStream os = Files.newOutputStream(partial)) {
                    if (target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
                        form.writeXlsx(os);
                    } else {
                        form.writeCsv(new java.io.OutputStreamWriter(os, StandardCharsets.UTF_8));
                    }
                }
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                try {
                    Files.deleteIfExists(partial);
                } catch (IOException ignored) {
                    // the partial file is hidden and named as such
                }
                err.println("psyscreen records form: cannot write " + out + ": "
                        + e.getClass().getSimpleName());
                return 2;
            }
            stdout.println("排查统计表 district form, wave " + wave + " (" + scope + "), "
                    + form.rows().size() + " row(s), counts below " + minCell + " hidden: " + out);
            return 0;
        }
    }

    @Command(
            name = "audit",
            mixinStandardHelpOptions = true,
            description = "The audit log: with --token or --student, what was done on that student's case, in order"
                    + " (when, who, in which role, what: 倒查); with --policy too, each step of the case with the day a"
                    + " contact was due before it and how many days late it came, and whether the case is overdue;"
                    + " with --verify, whether the log's chain holds, naming the first entry changed, removed or"
                    + " moved (exit 3 when it does not).")
    static final class Audit extends RecordsCommand.ScopedCommand {
        @picocli.CommandLine.Mixin
        RecordsCommand.StudentOptions student;

        @Option(names = "--verify", description = "Check the whole log's chain.")
        boolean verify;

        @Option(
                names = "--policy",
                description = "Check the case under this policy step by step against its tiers' follow-up intervals.")
        String policyId;

        @Option(names = "--as-of", description = "The day the case's standing is counted on [default: today].")
        LocalDate asOf;

        @Mixin
        BundleOption bundleOption;

        @Override
        int run(RecordStore store, Scope scope, PrintWriter out, PrintWriter err) {
            if (verify) {
                var check = store.verifyAudit();
                if (check.intact()) {
                    out.println("审计日志 audit log: " + check.entries() + " entries, the chain holds");
                    return 0;
                }
                out.println("审计日志 audit log: BROKEN at entry " + check.firstBroken() + ": " + check.why());
                return 3;
            }
            String token = student.token(name(), err);
            if (token == null) {
                return 2;
            }
            var entries = store.audit(scope, token);
            out.println("审计记录 audit trail (" + scope + "): " + entries.size() + " entr"
                    + (entries.size() == 1 ? "y" : "ies"));
            for (var e : entries) {
                out.printf(
                        Locale.ROOT,
                        "  #%d %s  %-16s %-14s %-20s %s%n",
                        e.id(),
                        e.at(),
                        e.principal(),
                        e.role(),
                        e.action(),
                        e.detail());
            }
            if (policyId == null) {
                return 0;
            }
            var policy = BundleOption.policy(bundleOption.load("records audit", err), policyId, name(), err);
            if (policy.isEmpty()) {
                return 2;
            }
            LocalDate day = asOf == null ? LocalDate.now() : asOf;
            var timeline = store.timeline(scope, token, policy.get(), day);
            if (timeline.isEmpty()) {
                out.println("按时 on time: no case under " + policyId + " in " + scope);
                return 0;
            }
            var t = timeline.get();
            out.println("按时 on time, under " + policyId + " (each tier's follow-up interval): "
                    + t.lateSteps().size() + " of " + t.steps().size() + " steps late");
            for (var x : t.steps()) {
                out.printf(
                        Locale.ROOT,
                        "  %s %-19s %-14s %-8s %s%n",
                        x.date(),
                        x.what(),
                        x.role() == null ? "" : x.role().word(),
                        x.tier(),
                        x.due() == null
                                ? ""
                                : x.late()
                                        ? "LATE by " + x.daysLate() + " d (due " + x.due() + ")"
                                        : "on time (due " + x.due() + ")");
            }
            out.println(
                    t.due() == null
                            ? "  closed: nothing due"
                            : "  next contact due " + t.due()
                                    + (t.daysOverdue() > 0
                                            ? ": OVERDUE by " + t.daysOverdue() + " d on " + day
                                            : " (as of " + day + ")"));
            return 0;
        }
    }
}
