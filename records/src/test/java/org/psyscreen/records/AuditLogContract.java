package org.psyscreen.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who did what, on either database: every write appends one entry (principal, role, action, scope,
 * pseudonym, codes), the chain names the first entry changed, removed or moved, a student's entries
 * answer 倒查 in order, and a deleted student's pseudonym leaves the log while the chain still holds.
 * {@link AuditLogOnSqliteTest} and {@link AuditLogOnPostgresTest} run it.
 */
abstract class AuditLogContract {
    @TempDir
    static Path dir;

    static Path run;
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC);
    private static final Wave WAVE = new Wave("2026-autumn", "2026-2027", 1);
    private static final Scope SCH3 = Scope.school("", "SCH3");

    @BeforeAll
    static void scored() throws Exception {
        run = Runs.scored(dir, 2000, 1);
    }

    /** The location of a new, empty store. */
    abstract String location(String name);

    private static Connection raw(String location) throws Exception {
        return DriverManager.getConnection(location.startsWith("jdbc:") ? location : "jdbc:sqlite:" + location);
    }

    /** A store with an import and a case worked on by a counsellor; returns the case's pseudonym. */
    private static String workedOn(RecordStore store) {
        store.importRun(run, WAVE, Runs.BUNDLE, x -> {});
        WarningCase c = store.warnings(SCH3).stream()
                .filter(w -> w.tier().equals("high"))
                .findFirst()
                .orElseThrow();
        LocalDate d = LocalDate.parse(c.events().get(0).date());
        store.actingAs("counsellor-02");
        store.assess(
                SCH3,
                c.token(),
                Runs.policy(),
                new Assessment("high", "interview-confirmed", d.plusDays(1), Role.COUNSELLOR));
        store.plan(
                SCH3,
                c.token(),
                Runs.policy(),
                new CasePlan("counsellor-02", "weekly-interview", d.plusDays(1), null, Role.COUNSELLOR));
        store.actingAs("teacher-7");
        store.followUp(
                SCH3,
                c.token(),
                Runs.policy(),
                new FollowUp(EventKind.PARENT_NOTIFIED, d.plusDays(2), Role.CLASS_TEACHER, "phone"));
        return c.token();
    }

    @Test
    void everyWriteIsLoggedAndAStudentsStepsComeBackInOrder() {
        String location = location("log.db");
        try (RecordStore store = RecordStore.open(location, CLOCK)) {
            String token = workedOn(store);
            store.upwardReport(Scope.everything(), WAVE.name(), 10);
            store.recordNamedList(SCH3, 12);

            List<AuditEntry> steps = store.audit(SCH3, token);
            assertThat(steps).extracting(AuditEntry::action).containsExactly("assess", "plan", "parent-notified");
            assertThat(steps)
                    .extracting(AuditEntry::principal)
                    .containsExactly("counsellor-02", "counsellor-02", "teacher-7");
            assertThat(steps).extracting(AuditEntry::role).containsExactly("counsellor", "counsellor", "class-teacher");
            assertThat(steps.get(0).detail()).contains("tier=high", "reason=interview-confirmed");
            assertThat(steps).allSatisfy(e -> assertThat(e.scope()).isEqualTo("school 'SCH3'"));
            assertThat(store.audit(Scope.school("", "SCH1"), token))
                    .as("another school sees none")
                    .isEmpty();
            assertThat(store.audit(Scope.region(""), token))
                    .as("the school's region sees its school's steps")
                    .hasSize(3);
            assertThat(store.audit(Scope.region("R9"), token))
                    .as("another region sees none")
                    .isEmpty();

            AuditCheck check = store.verifyAudit();
            assertThat(check.intact()).isTrue();
            assertThat(check.entries()).isEqualTo(6); // import, assess, plan, notice, export, named list
        }
    }

    @Test
    void theChainNamesTheFirstEntryThatWasChangedRemovedOrMoved() throws Exception {
        String location = location("tamper.db");
        String token;
        try (RecordStore store = RecordStore.open(location, CLOCK)) {
            token = workedOn(store);
        }
        try (Connection c = raw(location);
                var st = c.createStatement()) {
            st.executeUpdate("UPDATE audit_log SET detail = 'tier=watch reason=interview-confirmed' WHERE id = 2");
        }
        try (RecordStore store = RecordStore.open(location, CLOCK)) {
            AuditCheck check = store.verifyAudit();
            assertThat(check.intact()).isFalse();
            assertThat(check.firstBroken()).isEqualTo(2);
            assertThatThrownBy(() -> store.deleteStudent(SCH3, token))
                    .as("a deletion never re-seals a broken chain")
                    .hasMessageContaining("audit log is broken at entry 2");
        }
        String removed = location("removed.db");
        try (RecordStore store = RecordStore.open(removed, CLOCK)) {
            workedOn(store);
        }
        try (Connection c = raw(removed);
                var st = c.createStatement()) {
            st.executeUpdate("DELETE FROM audit_log WHERE id = 3");
        }
        try (RecordStore store = RecordStore.open(removed, CLOCK)) {
            assertThat(store.verifyAudit().firstBroken()).isEqualTo(3);
            assertThat(store.verifyAudit().why()).contains("entry 3 is missing");
        }
        String moved = location("moved.db");
        try (RecordStore store = RecordStore.open(moved, CLOCK)) {
            workedOn(store);
        }
        try (Connection c = raw(moved);
                var st = c.createStatement()) { // swap the plan and the notice, ids kept in sequence
            st.executeUpdate("UPDATE audit_log SET id = 99 WHERE id = 3");
            st.executeUpdate("UPDATE audit_log SET id = 3 WHERE id = 4");
            st.executeUpdate("UPDATE audit_log SET id = 4 WHERE id = 99");
        }
        try (RecordStore store = RecordStore.open(moved, CLOCK)) {
            assertThat(store.verifyAudit().firstBroken()).isEqualTo(3);
        }
    }

    @Test
    void aDeletedStudentLeavesTheLogAndTheChainStillHolds() throws Exception {
        String location = location("forget.db");
        try (RecordStore store = RecordStore.open(location, CLOCK)) {
            String token = workedOn(store);
            store.actingAs("dpo-1");
            store.deleteStudent(SCH3, token);
            assertThat(store.audit(SCH3, token)).isEmpty();
            AuditCheck check = store.verifyAudit();
            assertThat(check.intact()).as(check.why()).isTrue();
            assertThat(check.entries()).isEqualTo(5);
        }
        try (Connection c = raw(location);
                var st = c.createStatement();
                var rs = st.executeQuery("SELECT action, principal, subject, detail FROM audit_log ORDER BY id")) {
            String last = "";
            int withSubject = 0;
            while (rs.next()) {
                withSubject += rs.getString(3).isEmpty() ? 0 : 1;
                last = rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(4);
            }
            assertThat(withSubject).isZero();
            assertThat(last)
                    .startsWith("delete-student dpo-1 rows=")
                    .contains("log-entries-blanked=3", "resealed-from=2");
        }
    }
}
