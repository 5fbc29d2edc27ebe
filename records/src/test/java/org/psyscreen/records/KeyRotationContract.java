package org.psyscreen.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psyscreen.privacy.Pseudonymizer;

/**
 * Key rotation on either database: every pseudonym moves to the new key in the store and its audit log
 * (whose chain holds), a later wave scored with the new key continues the same students' histories, the
 * old key is refused from then on, and a wrong old key or ids that leave a student out change nothing.
 * {@link KeyRotationOnSqliteTest} and {@link KeyRotationOnPostgresTest} run it.
 */
abstract class KeyRotationContract {
    @TempDir
    static Path dir;

    static Path wave1;
    static Path wave2New;
    static List<String> ids;
    static final Pseudonymizer NEW_KEY;

    static {
        byte[] k = new byte[32];
        new Random(31).nextBytes(k);
        NEW_KEY = Pseudonymizer.of(k);
    }

    @BeforeAll
    static void scored() throws Exception {
        wave1 = Runs.scored(dir, 600, 1);
        wave2New = Runs.scored(dir.resolve("new"), 600, 2, NEW_KEY, Runs.policy());
        ids = Roster.ids(Runs.cohort(dir, 600, 1, Runs.policy()));
    }

    /** The location of a new, empty store. */
    abstract String location(String name);

    private static List<String> tokens(String location, String sql) throws Exception {
        try (Connection c =
                DriverManager.getConnection(location.startsWith("jdbc:") ? location : "jdbc:sqlite:" + location)) {
            return Sql.column(c, sql);
        }
    }

    /** A store with wave 1 and a case a counsellor worked on; returns the case's student id. */
    private static String workedOn(RecordStore store) {
        store.importRun(wave1, Wave.named("2026-autumn"), Runs.BUNDLE, x -> {});
        WarningCase c = store.warnings(Scope.everything()).get(0);
        store.followUp(
                Scope.school(c.region(), c.school()),
                c.token(),
                Runs.policy(),
                new FollowUp(
                        EventKind.INTERVIEW, LocalDate.parse(c.events().get(0).date()), Role.COUNSELLOR, "attended"));
        return ids.stream()
                .filter(id -> Runs.PSEUDONYMS.token(id).equals(c.token()))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void everyPseudonymMovesToTheNewKeyAndTheNextWaveContinuesTheHistories() throws Exception {
        String location = location("rotate.db");
        try (RecordStore store = RecordStore.open(location)) {
            String followed = workedOn(store);
            List<String> before = tokens(location, "SELECT token FROM student ORDER BY token");

            KeyRotationResult r = store.rotateKey(Runs.PSEUDONYMS, NEW_KEY, ids);

            assertThat(r.oldKeyId()).isEqualTo(Runs.PSEUDONYMS.keyId());
            assertThat(r.newKeyId()).isEqualTo(NEW_KEY.keyId());
            assertThat(r.students()).isEqualTo(before.size());
            assertThat(r.auditEntries()).isPositive();
            List<String> after = tokens(location, "SELECT token FROM student ORDER BY token");
            assertThat(after)
                    .hasSameSizeAs(before)
                    .allMatch(t -> t.startsWith("ps1." + NEW_KEY.keyId() + "."))
                    .doesNotContainAnyElementsOf(before);
            assertThat(tokens(location, "SELECT subject FROM audit_log WHERE subject <> ''"))
                    .isNotEmpty()
                    .allMatch(t -> t.startsWith("ps1." + NEW_KEY.keyId() + "."));
            assertThat(store.verifyAudit().intact()).isTrue();
            assertThat(store.audit(Scope.everything(), NEW_KEY.token(followed)))
                    .extracting(AuditEntry::action)
                    .contains("interview");

            // the old key is refused from now on; the next wave, scored with the new key, finds the same students
            assertThatThrownBy(() -> store.importRun(
                            Runs.scored(dir.resolve("old"), 600, 2), Wave.named("2027-spring"), Runs.BUNDLE, x -> {}))
                    .hasMessageContaining(NEW_KEY.keyId());
            store.importRun(wave2New, Wave.named("2027-spring"), Runs.BUNDLE, x -> {});
            assertThat(store.history(Scope.everything(), NEW_KEY.token(followed))
                            .screenings())
                    .hasSize(2);
        }
    }

    @Test
    void aWrongOldKeyOrIdsThatLeaveAStudentOutChangeNothing() throws Exception {
        String location = location("refused.db");
        try (RecordStore store = RecordStore.open(location)) {
            workedOn(store);
            List<String> before = tokens(location, "SELECT token FROM student ORDER BY token");
            List<String> log = tokens(location, "SELECT hash FROM audit_log ORDER BY id");

            assertThatThrownBy(() -> store.rotateKey(NEW_KEY, Runs.PSEUDONYMS, ids))
                    .hasMessageStartingWith("PSY-3204")
                    .hasMessageContaining(Runs.PSEUDONYMS.keyId());
            List<String> someLeftOut = ids.subList(0, ids.size() - 25);
            assertThatThrownBy(() -> store.rotateKey(Runs.PSEUDONYMS, NEW_KEY, someLeftOut))
                    .hasMessageStartingWith("PSY-3205")
                    .hasMessageNotContaining(ids.get(ids.size() - 1));
            assertThatThrownBy(() -> store.rotateKey(Runs.PSEUDONYMS, Runs.PSEUDONYMS, ids))
                    .isInstanceOf(IllegalArgumentException.class);

            assertThat(tokens(location, "SELECT token FROM student ORDER BY token"))
                    .isEqualTo(before);
            assertThat(tokens(location, "SELECT key_id FROM store_info")).containsExactly(Runs.PSEUDONYMS.keyId());
            // the refusals appended nothing and re-sealed nothing
            assertThat(tokens(location, "SELECT hash FROM audit_log ORDER BY id"))
                    .isEqualTo(log);
        }
    }
}
