package org.psyscreen.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psyscreen.privacy.Pseudonymizer;

/** What the store refuses, each with one clear message, and that a refused write changes nothing. */
class StoreRefusalsTest {
    @TempDir
    static Path dir;

    static Path wave1;

    @BeforeAll
    static void score() throws Exception {
        wave1 = Runs.scored(dir, 300, 1);
    }

    @Test
    void aRunWithoutAKeyIsRefused() throws Exception {
        Path raw = Runs.scored(dir, 300, 1, null, Runs.policy());
        try (RecordStore store = RecordStore.open(dir.resolve("nokey.db").toString())) {
            assertThatThrownBy(() -> store.importRun(raw, Wave.named("w1"), Runs.BUNDLE, x -> {}))
                    .isInstanceOf(RecordStoreException.class)
                    .hasMessageContaining("scored without a key (--key)");
            assertThat(store.waves()).isEmpty();
        }
    }

    @Test
    void aRunWithAnotherKeyIsRefused() throws Exception {
        byte[] other = new byte[32];
        new Random(7).nextBytes(other);
        Path otherKey = Runs.scored(dir.resolve("other"), 300, 2, Pseudonymizer.of(other), Runs.policy());
        try (RecordStore store = RecordStore.open(dir.resolve("keys.db").toString())) {
            store.importRun(wave1, Wave.named("w1"), Runs.BUNDLE, x -> {});
            assertThatThrownBy(() -> store.importRun(otherKey, Wave.named("w2"), Runs.BUNDLE, x -> {}))
                    .hasMessageContaining("the same student would be two people");
            assertThat(store.waves()).containsExactly("w1");
        }
    }

    @Test
    void aFolderThatIsNotARunIsRefused() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("not-a-run"));
        try (RecordStore store = RecordStore.open(dir.resolve("notrun.db").toString())) {
            assertThatThrownBy(() -> store.importRun(empty, Wave.named("w1"), Runs.BUNDLE, x -> {}))
                    .hasMessageContaining("not a finished psyscreen run (no summary.json)");
        }
    }

    @Test
    void aStoreWrittenByANewerPsyscreenIsRefusedNeverDowngraded() throws Exception {
        Path db = dir.resolve("newer.db");
        RecordStore.open(db.toString()).close();
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + db);
                var s = c.createStatement()) {
            s.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
                    + " checksum, installed_by, installed_on, execution_time, success) VALUES (99, '99', 'future',"
                    + " 'SQL', 'V99__future.sql', 0, 'test', '2030-01-01 00:00:00', 1, 1)");
        }
        assertThatThrownBy(() -> RecordStore.open(db.toString()))
                .isInstanceOf(RecordStoreException.class)
                .hasMessageContaining("written by a newer psyscreen (schema version 99")
                .hasMessageContaining("never downgraded");
    }

    @Test
    void aDamagedFileIsRefusedWithAClearMessage() throws Exception {
        Path db = dir.resolve("damaged.db");
        byte[] junk = new byte[8192];
        new Random(1).nextBytes(junk);
        Files.write(db, junk);
        ownerOnly(db);
        assertThatThrownBy(() -> RecordStore.open(db.toString()))
                .isInstanceOf(RecordStoreException.class)
                .hasMessageContaining("not a database (damaged, or not a SQLite file)");
        assertThat(Files.readAllBytes(db)).as("left as it was").isEqualTo(junk);
    }

    @Test
    void aFullDiskLeavesTheStoreAsItWas() {
        Path db = dir.resolve("full.db");
        // SQLite's page limit stands in for a full disk: the same SQLITE_FULL error at the same place.
        try (RecordStore store = RecordStore.open("jdbc:sqlite:" + db + "?max_page_count=80")) {
            assertThatThrownBy(() -> store.importRun(wave1, Wave.named("w1"), Runs.BUNDLE, x -> {}))
                    .isInstanceOf(RecordStoreException.class)
                    .hasMessageContaining("nothing was changed")
                    .hasMessageContaining("full");
        }
        try (RecordStore store = RecordStore.open(db.toString())) {
            assertThat(store.waves()).isEmpty();
            assertThat(store.keyId()).isNull();
            assertThat(store.importRun(wave1, Wave.named("w1"), Runs.BUNDLE, x -> {})
                            .stored())
                    .as("with room, the same import goes through")
                    .isEqualTo(300);
        }
    }

    /** A file the test wrote itself, made its owner's alone as a store psyscreen creates is. */
    private static void ownerOnly(Path file) throws Exception {
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    }

    /** Issue 31, deliverable 2: on SQLite the file is the boundary, so others must not be able to read it. */
    @Test
    void aStoreOthersMayReadIsRefusedBeforeItIsReadAndNamesTheFix() throws Exception {
        Path db = dir.resolve("shared.db");
        try (RecordStore store = RecordStore.open(db.toString())) {
            store.importRun(wave1, Wave.named("w1"), Runs.BUNDLE, x -> {});
        }
        assertThat(java.nio.file.Files.getPosixFilePermissions(db))
                .as("created the owner's alone")
                .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        byte[] before = Files.readAllBytes(db);
        Files.setPosixFilePermissions(db, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> RecordStore.open(db.toString()))
                .isInstanceOf(RecordStoreException.class)
                .hasMessageStartingWith("PSY-3201 the records file shared.db can be read by other users")
                .hasMessageContaining("chmod 600 shared.db*");
        assertThat(Files.readAllBytes(db)).as("not opened, not changed").isEqualTo(before);
        ownerOnly(db);
        Path wal = dir.resolve("shared.db-wal");
        Files.write(wal, new byte[0]);
        Files.setPosixFilePermissions(wal, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw----"));
        assertThatThrownBy(() -> RecordStore.open(db.toString()))
                .hasMessageStartingWith("PSY-3201 the records file shared.db's wal file can be read");
        ownerOnly(wal);
        try (RecordStore store = RecordStore.open(db.toString())) {
            assertThat(store.waves()).containsExactly("w1");
        }
    }

    @Test
    void aFolderOrDeviceIsNotARecordsFile() {
        assertThatThrownBy(() -> RecordStore.open(dir.toString())).hasMessageContaining("is a folder or a device");
    }

    /** Issue 27, case 7: another application's SQLite file is refused and not modified (not even to WAL). */
    @Test
    void anotherApplicationsFileIsRefusedAndLeftByteForByte() throws Exception {
        Path db = dir.resolve("other-app.db");
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + db);
                var st = c.createStatement()) {
            st.execute("CREATE TABLE contacts (name TEXT)");
            st.execute("INSERT INTO contacts VALUES ('x')");
        }
        ownerOnly(db);
        byte[] before = Files.readAllBytes(db);
        assertThatThrownBy(() -> RecordStore.open(db.toString()))
                .isInstanceOf(RecordStoreException.class)
                .hasMessageContaining("another application");
        assertThat(Files.readAllBytes(db)).isEqualTo(before);
        assertThat(dir.resolve("other-app.db-wal")).doesNotExist();
    }

    /** Issue 27, case 7: a store with overwritten pages is refused before an import is added to it. */
    @Test
    void aStoreWithOverwrittenPagesIsRefused() throws Exception {
        Path db = dir.resolve("overwritten.db");
        try (RecordStore store = RecordStore.open(db.toString())) {
            store.importRun(wave1, Wave.named("w1"), Runs.BUNDLE, x -> {});
        }
        byte[] bytes = Files.readAllBytes(db);
        int page = 4096;
        assertThat(bytes.length / page).as("pages").isGreaterThan(60);
        Random random = new Random(27);
        for (int k = 0; k < 50; k++) {
            int at = page * (2 + random.nextInt(bytes.length / page - 2));
            byte[] junk = new byte[page];
            random.nextBytes(junk);
            System.arraycopy(junk, 0, bytes, at, page);
        }
        Files.write(db, bytes);
        assertThatThrownBy(() -> RecordStore.open(db.toString()))
                .isInstanceOf(RecordStoreException.class)
                .hasMessageContaining("damaged");
    }

    /** Issue 27, case 7: a store that names two keys accepts no import. */
    @Test
    void aStoreWithTwoKeysAcceptsNoImport() throws Exception {
        Path db = dir.resolve("two-keys.db");
        try (RecordStore store = RecordStore.open(db.toString())) {
            store.importRun(wave1, Wave.named("w1"), Runs.BUNDLE, x -> {});
        }
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + db);
                var st = c.createStatement()) {
            st.execute("INSERT INTO store_info (key_id) VALUES ('k1.other')");
        }
        try (RecordStore store = RecordStore.open(db.toString())) {
            assertThatThrownBy(() -> store.importRun(wave1, Wave.named("w2"), Runs.BUNDLE, x -> {}))
                    .isInstanceOf(RecordStoreException.class)
                    .hasMessageContaining("2 keys");
        }
    }

    /** Issue 27, case 2: a deleted student's token is in no byte of the file or its write-ahead log. */
    @Test
    void aDeletedStudentIsGoneFromTheFilesBytes() throws Exception {
        Path db = dir.resolve("deleted.db");
        String token;
        try (RecordStore store = RecordStore.open(db.toString())) {
            store.importRun(wave1, Wave.named("w1"), Runs.BUNDLE, x -> {});
            token = store.warnings(Scope.everything()).get(0).token();
            assertThat(bytesOf(db)).as("the token is stored first").contains(token);
            assertThat(store.deleteStudent(Scope.everything(), token)).isPositive();
            assertThat(bytesOf(db)).as("gone while the store is open").doesNotContain(token);
        }
        assertThat(bytesOf(db)).as("gone after it is closed").doesNotContain(token);
    }

    /** Issue 31: after a key rotation or a purge, the old pseudonyms are in no byte of the file or its log. */
    @Test
    void rotatedAndPurgedPseudonymsAreGoneFromTheFilesBytes() throws Exception {
        Path db = dir.resolve("rotated.db");
        List<String> ids = Roster.ids(Runs.cohort(dir, 300, 1, Runs.policy()));
        byte[] k = new byte[32];
        new Random(8).nextBytes(k);
        Pseudonymizer next = Pseudonymizer.of(k);
        try (RecordStore store = RecordStore.open(db.toString())) {
            store.importRun(wave1, Wave.named("w1"), Runs.BUNDLE, x -> {});
            String old = store.warnings(Scope.everything()).get(0).token();
            assertThat(bytesOf(db)).as("the token is stored first").contains(old);
            store.rotateKey(Runs.PSEUDONYMS, next, ids);
            assertThat(bytesOf(db)).as("the old pseudonym is gone").doesNotContain(old);

            String left = next.token(ids.stream()
                    .filter(id -> store.warnings(Scope.everything()).stream()
                            .noneMatch(c -> c.token().equals(next.token(id))))
                    .findFirst()
                    .orElseThrow());
            assertThat(bytesOf(db)).contains(left);
            store.retainAfterLeaving(0);
            assertThat(store.purge(LocalDate.of(2029, 10, 1)).studentsDeleted()).isPositive();
            assertThat(bytesOf(db)).as("a purged student is gone").doesNotContain(left);
        }
    }

    /** The file and its write-ahead log, as text (Latin-1: one char a byte). */
    private static String bytesOf(Path db) throws Exception {
        StringBuilder b =
                new StringBuilder(new String(Files.readAllBytes(db), java.nio.charset.StandardCharsets.ISO_8859_1));
        Path wal = db.resolveSibling(db.getFileName() + "-wal");
        if (Files.exists(wal)) {
            b.append(new String(Files.readAllBytes(wal), java.nio.charset.StandardCharsets.ISO_8859_1));
        }
        return b.toString();
    }
}
