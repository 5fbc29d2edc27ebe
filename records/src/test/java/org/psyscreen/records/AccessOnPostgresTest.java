package org.psyscreen.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Access enforced by PostgreSQL (schema 7): each principal connects as its own login and runs plain
 * SQL, not the API. A school's login reads exactly its school's rows of every table holding students,
 * a region's login its schools', the province's login the crisis cases only; none can write, switch
 * row-level security off, take the owner's role or read the audit log; a revoked login reads nothing.
 * Expected rows are counted by the store's owner, who is not filtered.
 */
@Tag("postgresql")
class AccessOnPostgresTest {
    @TempDir
    static Path dir;

    static String store;
    private static final String PASSWORD = "synthetic-test-only";

    @BeforeAll
    static void storeWithPrincipals() throws Exception {
        Path run = Runs.scored(dir, 2000, 1);
        store = Postgres.freshDatabase();
        try (Connection c = DriverManager.getConnection(store);
                var s = c.createStatement()) {
            for (String login : List.of("sch3_staff", "sch1_staff", "region_staff", "province_staff", "nobody")) {
                s.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + login + "') THEN"
                        + " CREATE ROLE " + login + " LOGIN PASSWORD '" + PASSWORD + "'; END IF; END $$");
            }
        }
        try (RecordStore r = RecordStore.open(store)) {
            r.importRun(run, Wave.named("2026-autumn"), Runs.BUNDLE, x -> {});
            r.grant(Principal.school("sch3_staff", "", "SCH3"));
            r.grant(Principal.school("sch1_staff", "", "SCH1"));
            r.grant(Principal.region("region_staff", ""));
            r.grant(Principal.province("province_staff"));
        }
    }

    private static Connection as(String login) throws SQLException {
        return DriverManager.getConnection(store.replace("user=postgres", "user=" + login + "&password=" + PASSWORD));
    }

    private static List<String> column(Connection c, String sql) throws SQLException {
        return Sql.column(c, sql);
    }

    private static long count(Connection c, String sql) throws SQLException {
        return Long.parseLong(column(c, sql).get(0));
    }

    /** Each student table, and how its rows name their school (as the owner counts them). */
    private static final List<String[]> TABLES = List.of(
            new String[] {"screening", "SELECT school FROM screening"},
            new String[] {"form_result", "SELECT s.school FROM form_result t JOIN screening s ON s.id = t.screening_id"
            },
            new String[] {"scale_score", "SELECT s.school FROM scale_score t JOIN screening s ON s.id = t.screening_id"
            },
            new String[] {"norm_result", "SELECT s.school FROM norm_result t JOIN screening s ON s.id = t.screening_id"
            },
            new String[] {"decision", "SELECT s.school FROM decision t JOIN screening s ON s.id = t.screening_id"},
            new String[] {"warning_case", "SELECT school FROM warning_case"},
            new String[] {"case_event", "SELECT c.school FROM case_event t JOIN warning_case c ON c.id = t.case_id"});

    @Test
    void aSchoolsLoginReadsExactlyItsOwnRowsOfEveryTable() throws Exception {
        try (Connection owner = DriverManager.getConnection(store);
                Connection sch3 = as("sch3_staff")) {
            for (String[] t : TABLES) {
                long all = count(owner, "SELECT COUNT(*) FROM (" + t[1] + ") x");
                long mine = count(owner, "SELECT COUNT(*) FROM (" + t[1] + ") x WHERE x.school = 'SCH3'");
                assertThat(mine).as(t[0]).isPositive().isLessThan(all);
                assertThat(count(sch3, "SELECT COUNT(*) FROM " + t[0])).as(t[0]).isEqualTo(mine);
            }
            assertThat(column(sch3, "SELECT DISTINCT school FROM screening")).containsExactly("SCH3");
            // pseudonyms: those of its own screened students, no other
            assertThat(column(sch3, "SELECT token FROM student ORDER BY token"))
                    .isEqualTo(column(
                            owner,
                            "SELECT DISTINCT st.token FROM student st JOIN screening s ON s.student_id = st.id WHERE"
                                    + " s.school = 'SCH3' ORDER BY st.token"));
            // another school's login sees none of SCH3's
            try (Connection sch1 = as("sch1_staff")) {
                assertThat(count(sch1, "SELECT COUNT(*) FROM screening WHERE school = 'SCH3'"))
                        .isZero();
                assertThat(column(sch1, "SELECT DISTINCT school FROM warning_case"))
                        .containsExactly("SCH1");
            }
        }
    }

    @Test
    void noPrincipalCanWriteSwitchSecurityOffTakeTheOwnersRoleOrReadTheLog() throws Exception {
        try (Connection sch3 = as("sch3_staff")) {
            for (String sql : List.of(
                    "UPDATE screening SET sex = 'x' WHERE school = 'SCH1'",
                    "UPDATE screening SET sex = 'x' WHERE school = 'SCH3'",
                    "DELETE FROM decision",
                    "DELETE FROM warning_case WHERE school = 'SCH1'",
                    "INSERT INTO student (id, token) VALUES (999999, 'ps1.x.y')",
                    "INSERT INTO principal VALUES ('sch3_staff', 'region', '', '', '', '')",
                    "SELECT COUNT(*) FROM audit_log",
                    "SELECT COUNT(*) FROM principal",
                    "SELECT COUNT(*) FROM import_run",
                    "SET ROLE postgres")) {
                assertThatThrownBy(() -> {
                            try (var s = sch3.createStatement()) {
                                s.execute(sql);
                            }
                        })
                        .as(sql)
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("denied");
            }
            try (var s = sch3.createStatement()) {
                s.execute("SET row_security = off");
            }
            assertThatThrownBy(() -> count(sch3, "SELECT COUNT(*) FROM screening"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("row-level security");
        }
        try (Connection nobody = as("nobody")) {
            assertThatThrownBy(() -> count(nobody, "SELECT COUNT(*) FROM screening"))
                    .hasMessageContaining("denied");
        }
    }

    @Test
    void aRegionReadsItsSchoolsAndTheProvinceOnlyCrisisCases() throws Exception {
        try (Connection owner = DriverManager.getConnection(store);
                Connection region = as("region_staff");
                Connection province = as("province_staff")) {
            assertThat(count(region, "SELECT COUNT(*) FROM screening"))
                    .isEqualTo(count(owner, "SELECT COUNT(*) FROM screening WHERE region = ''"));
            long crisis = count(owner, "SELECT COUNT(*) FROM warning_case WHERE tier_rank = 0");
            assertThat(crisis).isPositive().isLessThan(count(owner, "SELECT COUNT(*) FROM warning_case"));
            assertThat(count(province, "SELECT COUNT(*) FROM crisis_case")).isEqualTo(crisis);
            assertThat(column(province, "SELECT DISTINCT tier FROM crisis_case"))
                    .containsExactly("urgent");
            for (String table :
                    List.of("warning_case", "screening", "scale_score", "form_result", "student", "case_event")) {
                assertThatThrownBy(() -> count(province, "SELECT COUNT(*) FROM " + table))
                        .as(table)
                        .hasMessageContaining("denied");
            }
        }
    }

    @Test
    void aRevokedLoginReadsNothingAndBadGrantsAreRefused() throws Exception {
        try (RecordStore r = RecordStore.open(store)) {
            assertThat(r.principals()).extracting(Principal::login).contains("sch1_staff", "province_staff");
            assertThatThrownBy(() -> r.grant(Principal.school("no_such_login", "", "SCH3")))
                    .hasMessageStartingWith("PSY-3207");
            assertThatThrownBy(() -> r.grant(Principal.school("postgres", "", "SCH3")))
                    .hasMessageStartingWith("PSY-3207");
            assertThatThrownBy(() -> r.grant(Principal.school("nobody", "", "SCH99")))
                    .hasMessageStartingWith("PSY-3208");
            assertThatThrownBy(() -> r.grant(Principal.region("nobody", "R9"))).hasMessageStartingWith("PSY-3208");
            r.grant(Principal.school("nobody", "", "SCH2"));
            assertThat(r.revoke("nobody")).isTrue();
            assertThat(r.revoke("nobody")).isFalse();
        }
        try (Connection nobody = as("nobody")) {
            assertThatThrownBy(() -> count(nobody, "SELECT COUNT(*) FROM screening"))
                    .hasMessageContaining("denied");
        }
    }

    /** psyscreen itself, connected as a school's login: every query shows that school only, whatever its scope. */
    @Test
    void theLibraryConnectedAsASchoolsLoginReadsThatSchoolOnlyAndCannotWrite() throws Exception {
        String sch3 = store.replace("user=postgres", "user=sch3_staff&password=" + PASSWORD);
        try (RecordStore asSchool = RecordStore.open(sch3);
                RecordStore owner = RecordStore.open(store)) {
            List<WarningCase> all = owner.warnings(Scope.everything());
            assertThat(all).extracting(WarningCase::school).contains("SCH1", "SCH3");
            assertThat(asSchool.warnings(Scope.everything()))
                    .isNotEmpty()
                    .extracting(WarningCase::token)
                    .containsExactlyElementsOf(all.stream()
                            .filter(c -> c.school().equals("SCH3"))
                            .map(WarningCase::token)
                            .toList());
            assertThat(asSchool.warnings(Scope.school("", "SCH1"))).isEmpty();
            WarningCase other = all.stream()
                    .filter(c -> c.school().equals("SCH1"))
                    .findFirst()
                    .orElseThrow();
            assertThatThrownBy(() -> asSchool.followUp(
                            Scope.school("", "SCH1"),
                            other.token(),
                            Runs.policy(),
                            new FollowUp(
                                    EventKind.INTERVIEW, java.time.LocalDate.of(2026, 10, 1), Role.COUNSELLOR, "x")))
                    .isInstanceOf(RecordStoreException.class);
            WarningCase own = all.stream()
                    .filter(c -> c.school().equals("SCH3"))
                    .findFirst()
                    .orElseThrow();
            assertThatThrownBy(() -> asSchool.followUp(
                            Scope.school("", "SCH3"),
                            own.token(),
                            Runs.policy(),
                            new FollowUp(
                                    EventKind.INTERVIEW, java.time.LocalDate.of(2026, 10, 1), Role.COUNSELLOR, "x")))
                    .isInstanceOf(RecordStoreException.class)
                    .hasMessageContaining("permission denied");
            assertThat(owner.warnings(Scope.school("", "SCH1")))
                    .isEqualTo(
                            all.stream().filter(c -> c.school().equals("SCH1")).toList());
        }
    }

    /**
     * The same, opened for the principal: the library refuses another school's scope and writes before the
     * database is asked, and a principal given through another login is refused.
     */
    @Test
    void aStoreOpenedForASchoolIsHeldToItsScopeAndReadsOnly() throws Exception {
        String sch3 = store.replace("user=postgres", "user=sch3_staff&password=" + PASSWORD);
        Principal school = Principal.school("sch3_staff", "", "SCH3");
        try (RecordStore asSchool = RecordStore.open(sch3, school)) {
            assertThat(asSchool.openedFor()).contains(school);
            assertThat(asSchool.warnings(Scope.school("", "SCH3"))).isNotEmpty();
            assertThatThrownBy(() -> asSchool.warnings(Scope.everything())).hasMessageStartingWith("PSY-3209");
            assertThatThrownBy(() -> asSchool.warnings(Scope.school("", "SCH1")))
                    .hasMessageStartingWith("PSY-3209");
            String own = asSchool.warnings(Scope.school("", "SCH3")).get(0).token();
            assertThatThrownBy(() -> asSchool.followUp(
                            Scope.school("", "SCH3"),
                            own,
                            Runs.policy(),
                            new FollowUp(
                                    EventKind.INTERVIEW, java.time.LocalDate.of(2026, 10, 1), Role.COUNSELLOR, "x")))
                    .hasMessageStartingWith("PSY-3210")
                    .hasMessageContaining("reads only on PostgreSQL");
            assertThatThrownBy(asSchool::verifyAudit).hasMessageStartingWith("PSY-3210");
        }
        assertThatThrownBy(() -> RecordStore.open(sch3, Principal.school("sch1_staff", "", "SCH1")))
                .hasMessageStartingWith("PSY-3211");
    }

    /** An owner without CREATEROLE (a managed server's usual account) still opens and migrates a store. */
    @Test
    void anOwnerWhoMayNotCreateRolesOpensTheStoreAndIsToldWhatToAskFor() throws Exception {
        String database = "owned_by_plain";
        try (Connection admin = DriverManager.getConnection(store);
                var s = admin.createStatement()) {
            s.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'plain_owner') THEN"
                    + " CREATE ROLE plain_owner LOGIN PASSWORD '" + PASSWORD + "'; END IF; END $$");
            s.execute("CREATE DATABASE " + database + " OWNER plain_owner");
        }
        String url = store.replaceFirst(
                "/[a-z0-9_]+\\?user=postgres", "/" + database + "?user=plain_owner&password=" + PASSWORD);
        try (RecordStore owned = RecordStore.open(url)) {
            owned.importRun(Runs.scored(dir, 2000, 1), Wave.named("2026-autumn"), Runs.BUNDLE, x -> {});
            assertThatThrownBy(() -> owned.grant(Principal.school("nobody", "", "SCH3")))
                    .hasMessageStartingWith("PSY-3207")
                    .hasMessageContaining("GRANT psyscreen_school TO nobody");
        }
        try (Connection c = DriverManager.getConnection(url)) {
            assertThat(column(c, "SELECT relname FROM pg_class WHERE relrowsecurity ORDER BY relname"))
                    .contains("screening", "student", "warning_case");
        }
    }
}
