package org.psyscreen.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store written by an earlier psyscreen (schema 1, before rosters) is upgraded in place when it is
 * opened: its rows stay, and the new tables work.
 */
class SchemaUpgradeTest {
    @TempDir
    Path dir;

    @Test
    void aSchemaOneStoreIsUpgradedWithoutLosingARow() throws Exception {
        Path db = dir.resolve("old.db");
        String url = "jdbc:sqlite:" + db;
        Flyway.configure(getClass().getClassLoader())
                .dataSource(url, null, null)
                .locations("classpath:org/psyscreen/records/migration")
                .placeholders(Map.of("bigint", "INTEGER", "double", "REAL"))
                .target("1")
                .load()
                .migrate();
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO store_info (key_id) VALUES ('" + Runs.PSEUDONYMS.keyId() + "')");
            s.executeUpdate("INSERT INTO wave (id, name, school_year, term, first_test_date, created_at)"
                    + " VALUES (1, '2025-autumn', '2025-2026', 1, '2025-09-15', '2025-09-20T00:00:00Z')");
            s.executeUpdate("INSERT INTO student (id, token) VALUES (1, '" + Runs.token("G1") + "')");
        }
        // made by hand here: the owner's alone, as a store psyscreen creates is
        java.nio.file.Files.setPosixFilePermissions(
                db, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        try (RecordStore store = RecordStore.open(db.toString())) {
            assertThat(store.waves()).containsExactly("2025-autumn");
            assertThat(store.keyId()).isEqualTo(Runs.PSEUDONYMS.keyId());
            Path roster = java.nio.file.Files.writeString(
                    dir.resolve("roster.csv"), "student_id,grade,class\nG1,7,7-1\nG2,7,7-1\n");
            RosterResult r =
                    store.importRoster(Wave.named("2025-autumn"), Roster.read(roster, Runs.PSEUDONYMS, "", "SCH1"));
            assertThat(r.students()).isEqualTo(2);
            Coverage.Unit school =
                    store.coverage(Scope.everything(), "2025-autumn").bySchool().get(0);
            assertThat(school.onRoster()).isEqualTo(2);
            assertThat(school.screened()).isZero();
        }
    }
}
