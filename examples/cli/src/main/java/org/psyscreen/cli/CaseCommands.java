package org.psyscreen.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import org.psyscreen.records.Assessment;
import org.psyscreen.records.CasePlan;
import org.psyscreen.records.CaseReport;
import org.psyscreen.records.EventKind;
import org.psyscreen.records.FollowUp;
import org.psyscreen.records.RecordStore;
import org.psyscreen.records.ReportSource;
import org.psyscreen.records.Role;
import org.psyscreen.records.Scope;
import org.psyscreen.records.WarningCase;
import org.psyscreen.tier.CutoffPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code psyscreen records report | follow-up | assess | plan}: warnings from every source, what was done on a
 * case, a counsellor's assessment, and a case's owner and plan: each under the policy the case follows.
 */
final class CaseCommands {
    private CaseCommands() {}

    /** What each command needs: the student, the policy, the date and who records it. */
    abstract static class CaseCommand extends RecordsCommand.ScopedCommand {
        @Mixin
        RecordsCommand.StudentOptions student;

        @Mixin
        BundleOption bundleOption;

        @Option(
                names = "--policy",
                required = true,
                description = "The policy the case follows, e.g. example-a-glad-pc.")
        String policyId;

        @Mixin
        RecordsCommand.WhenWho whenWho;

        abstract WarningCase record(
                RecordStore store,
                Scope s,
                String token,
                CutoffPolicy policy,
                LocalDate when,
                Role who,
                PrintWriter err);

        @Override
        final int run(RecordStore store, Scope s, PrintWriter out, PrintWriter err) {
            String token = student.token(name(), err);
            if (token == null) {
                return 2;
            }
            var policy = BundleOption.policy(bundleOption.load("records " + name(), err), policyId, name(), err);
            if (policy.isEmpty()) {
                return 2;
            }
            if (!whenWho.read(name(), err)) {
                return 2;
            }
            WarningCase c = record(store, s, token, policy.get(), whenWho.when, whenWho.who, err);
            if (c == null) {
                return 2;
            }
            RecordsCommand.printCase(c, out);
            return 0;
        }
    }

    @Command(
            name = "report",
            mixinStandardHelpOptions = true,
            description = "Records a warning from a teacher (学生异常情况报告), a peer (心理委员, 朋辈预警), the parents,"
                    + " the counsellor's observation or the student (主动求助). It opens, re-opens or escalates the"
                    + " student's case as a screening of that tier would; no screening is needed, but the student must"
                    + " be on the school's roster or screened there (PSY-3101). Give --school.")
    static final class Report extends CaseCommand {
        @Option(names = "--tier", required = true, description = "A tier id of the policy, e.g. watch.")
        String tier;

        @Option(names = "--source", required = true, description = "teacher, peer, parent, counsellor or self.")
        String source;

        @Option(names = "--grade", required = true, description = "The student's grade, e.g. 7 or v1.")
        String grade;

        @Override
        WarningCase record(
                RecordStore store,
                Scope s,
                String token,
                CutoffPolicy policy,
                LocalDate when,
                Role who,
                PrintWriter err) {
            ReportSource from = ReportSource.ofWord(source);
            if (from == null) {
                err.println("psyscreen records report: --source is teacher, peer, parent, counsellor or self");
                return null;
            }
            return store.report(s, token, policy, new CaseReport(from, tier, when, who, grade));
        }
    }

    @Command(
            name = "follow-up",
            mixinStandardHelpOptions = true,
            description = "Records a follow-up on the student's open or monitored case under the policy: interview,"
                    + " parent-contact, referral, return-to-school, monitoring or closure, or the parents' notice"
                    + " (家长知情告知) and acknowledgement (家长知情确认); a role, never a name; the outcome as a short"
                    + " code. monitoring and closure move the case's state; a referral re-opens a monitored case."
                    + " Refused on a closed case (PSY-3104), before the case opened (PSY-3103), an acknowledgement"
                    + " before the notice (PSY-3107), and by a role the policy's caseRoles does not allow (PSY-3105).")
    static final class FollowUpCommand extends CaseCommand {
        @Option(
                names = "--kind",
                required = true,
                description = "interview, parent-contact, referral, return-to-school, monitoring, closure,"
                        + " parent-notified or parent-acknowledged.")
        String kind;

        @Option(
                names = "--outcome",
                required = true,
                description = "A short code: a-z, 0-9, _ and -, e.g. attended, no-show, referred; for a closure the"
                        + " reason; for parent-notified and parent-acknowledged how: phone, in-person, home-visit,"
                        + " letter, message or signed-form.")
        String outcome;

        @Override
        WarningCase record(
                RecordStore store,
                Scope s,
                String token,
                CutoffPolicy policy,
                LocalDate when,
                Role who,
                PrintWriter err) {
            EventKind k = EventKind.ofWord(kind);
            if (k == null) {
                err.println("psyscreen records follow-up: --kind " + kind + " is not one of the listed words (see"
                        + " --help)");
                return null;
            }
            return store.followUp(s, token, policy, new FollowUp(k, when, who, outcome));
        }
    }

    @Command(
            name = "assess",
            mixinStandardHelpOptions = true,
            description = "Records a second-stage assessment (二次评估): a counsellor, doctor or the regional centre"
                    + " confirms, raises or lowers the case's tier, which then drives the case; the tier the"
                    + " screenings reached and the screening's decision are kept. The reason is a short code.")
    static final class Assess extends CaseCommand {
        @Option(names = "--tier", required = true, description = "A tier id of the policy, e.g. watch.")
        String tier;

        @Option(names = "--reason", required = true, description = "A short code, e.g. interview-confirmed.")
        String reason;

        @Override
        WarningCase record(
                RecordStore store,
                Scope s,
                String token,
                CutoffPolicy policy,
                LocalDate when,
                Role who,
                PrintWriter err) {
            return store.assess(s, token, policy, new Assessment(tier, reason, when, who));
        }
    }

    @Command(
            name = "plan",
            mixinStandardHelpOptions = true,
            description = "Records who follows the student's open case and how (一人一表、专人专案): the owner (a staff"
                    + " code, never a name; PSY-3106 when empty), the plan (a short code) and optionally the next"
                    + " contact's date, which can bring the case's due date forward, never push it past its tier's"
                    + " follow-up interval.")
    static final class Plan extends CaseCommand {
        @Option(names = "--owner", required = true, description = "A staff code, e.g. counsellor-02.")
        String owner;

        @Option(names = "--plan", required = true, description = "A short code, e.g. weekly-interview.")
        String plan;

        @Option(names = "--next-contact", description = "When the next contact is due, e.g. 2026-10-17.")
        LocalDate nextContact;

        @Override
        WarningCase record(
                RecordStore store,
                Scope s,
                String token,
                CutoffPolicy policy,
                LocalDate when,
                Role who,
                PrintWriter err) {
            return store.plan(s, token, policy, new CasePlan(owner, plan, when, nextContact, who));
        }
    }
}
