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
 * Retention on either database: a store keeps a student for its period after they leave school and
 * {@link RecordStore#purge} deletes those who left longer ago, with their whole history, while a student
 * still in school keeps every earlier wave and a student with an open case or a recent home visit is
 * kept. Checked against the store's rows read with plain SQL. {@link RetentionOnSqliteTest} and
 * {@link RetentionOnPostgresTest} run it.
 */
abstract class RetentionContract {
    @TempDir
    static Path dir;

    static Path wave1;
    static Path wave3;
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2028-10-01T08:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate TODAY = LocalDate.of(2028, 10, 1); // school year 2028-2029
    private static final Wave AUTUMN_2026 = new Wave("2026-autumn", "2026-2027", 1);
    private static final Wave AUTUMN_2027 = new Wave("2027-autumn", "2027-2028", 1);

    @BeforeAll
    static void scored() throws Exception {
        wave1 = Runs.scored(dir, 1000, 1);
        wave3 = Runs.scored(dir, 1000, 3); // a school year later: grades moved up, leavers gone
    }

    /** The location of a new, empty store. */
    abstract String location(String name);

    private static Connection raw(String location) throws Exception {
        return DriverManager.getConnection(location.startsWith("jdbc:") ? location : "jdbc:sqlite:" + location);
    }

    private static List<String> strings(Connection c, String sql) throws Exception {
        return Sql.column(c, sql);
    }

    /** Students screened in 2026-2027 only (they left), as plain SQL finds them. */
    private static final String LEFT = "SELECT st.token FROM student st WHERE NOT EXISTS (SELECT 1 FROM screening s"
            + " JOIN wave w ON w.id = s.wave_id WHERE s.student_id = st.id AND w.name = '2027-autumn')";

    @Test
    void aPurgeDeletesWhoLeftAndKeepsWhoStaysWhoIsFollowedAndWhoWasVisitedSince() throws Exception {
        String location = location("purge.db");
        try (RecordStore store = RecordStore.open(location, CLOCK)) {
            store.importRun(wave1, AUTUMN_2026, Runs.BUNDLE, x -> {});
            store.importRun(wave3, AUTUMN_2027, Runs.BUNDLE, x -> {});
            store.upwardReport(Scope.everything(), AUTUMN_2026.name(), 10);
            List<String> left;
            List<String> stayed;
            try (Connection c = raw(location)) {
                left = strings(c, LEFT);
                stayed = strings(c, "SELECT token FROM student WHERE token NOT IN (" + LEFT + ")");
            }
            assertThat(left).hasSizeGreaterThan(20);
            // one who left has their case closed, one is still followed, one was visited at home since
            List<WarningCase> leftCases = store.warnings(Scope.everything()).stream()
                    .filter(c -> left.contains(c.token()))
                    .toList();
            assertThat(leftCases).hasSizeGreaterThan(2);
            WarningCase closed = leftCases.get(0);
            store.followUp(
                    Scope.school(closed.region(), closed.school()),
                    closed.token(),
                    Runs.policy(),
                    new FollowUp(EventKind.CLOSURE, LocalDate.of(2027, 6, 30), Role.COUNSELLOR, "recovered"));
            String visited = left.stream()
                    .filter(t -> leftCases.stream().noneMatch(c -> c.token().equals(t)))
                    .findFirst()
                    .orElseThrow();
            String visitedSchool;
            try (Connection c = raw(location)) {
                visitedSchool = strings(
                                c,
                                "SELECT s.school FROM screening s JOIN student st ON st.id = s.student_id WHERE"
                                        + " st.token = '" + visited + "'")
                        .get(0);
            }
            store.visit(
                    Scope.school("", visitedSchool),
                    visited,
                    new HomeVisit(LocalDate.of(2027, 10, 9), HomeVisit.Kind.SPECIAL, Role.COUNSELLOR));
            long stillOpen = leftCases.stream().skip(1).count();

            store.retainAfterLeaving(1);
            PurgeResult r = store.purge(TODAY);

            assertThat(r.firstYearKept()).isEqualTo("2027-2028");
            assertThat(r.keptForOpenCase()).isEqualTo(stillOpen);
            assertThat(r.studentsDeleted()).isEqualTo(left.size() - stillOpen - 1);
            assertThat(r.earlierExports()).extracting(AuditEntry::action).containsExactly("export");
            try (Connection c = raw(location)) {
                List<String> kept = strings(c, "SELECT token FROM student");
                assertThat(kept).containsAll(stayed).contains(visited).doesNotContain(closed.token());
                assertThat(kept).hasSize(stayed.size() + (int) stillOpen + 1);
                // a student still in school keeps their 2026 screening: one record across the years
                assertThat(strings(
                                c,
                                "SELECT COUNT(*) FROM screening s JOIN wave w ON w.id = s.wave_id WHERE w.name ="
                                        + " '2026-autumn'"))
                        .containsExactly(String.valueOf(stayedIn2026(c) + stillOpen + 1));
                assertThat(strings(c, "SELECT COUNT(*) FROM audit_log WHERE subject = '" + closed.token() + "'"))
                        .containsExactly("0");
                assertThat(strings(c, "SELECT what FROM deletion_log")).contains("retention purge before 2027-2028");
                assertThat(strings(c, "SELECT detail FROM audit_log WHERE action = 'purge'"))
                        .singleElement()
                        .asString()
                        .contains("students=" + r.studentsDeleted(), "kept-open-case=" + stillOpen);
            }
            assertThat(store.verifyAudit().intact()).isTrue();
            // nothing more has left since: a second purge deletes no one
            assertThat(store.purge(TODAY).studentsDeleted()).isZero();
        }
    }

    /** 2026 screenings of students who were screened in 2027 as well. */
    private static long stayedIn2026(Connection c) throws Exception {
        return Long.parseLong(strings(
                        c,
                        "SELECT COUNT(*) FROM screening s JOIN wave w ON w.id = s.wave_id WHERE w.name = '2026-autumn' AND"
                                + " s.student_id IN (SELECT s3.student_id FROM screening s3 JOIN wave w3 ON w3.id ="
                                + " s3.wave_id WHERE w3.name = '2027-autumn')")
                .get(0));
    }

    @Test
    void aPurgeWithoutARetentionPeriodIsRefusedAndDeletesNothing() throws Exception {
        String location = location("unset.db");
        try (RecordStore store = RecordStore.open(location, CLOCK)) {
            store.importRun(wave1, AUTUMN_2026, Runs.BUNDLE, x -> {});
            List<String> students;
            try (Connection c = raw(location)) {
                students = strings(c, "SELECT COUNT(*) FROM student");
            }
            assertThat(store.retention()).isEmpty();
            assertThatThrownBy(() -> store.purge(TODAY))
                    .isInstanceOf(RecordStoreException.class)
                    .hasMessageStartingWith("PSY-3202");
            assertThatThrownBy(() -> store.retainAfterLeaving(31)).hasMessageStartingWith("PSY-3203");
            assertThatThrownBy(() -> store.retainAfterLeaving(-1)).hasMessageStartingWith("PSY-3203");
            assertThat(store.retention()).isEmpty();
            try (Connection c = raw(location)) {
                assertThat(strings(c, "SELECT COUNT(*) FROM student")).isEqualTo(students);
            }
            store.retainAfterLeaving(3);
            store.retainAfterLeaving(2);
            assertThat(store.retention()).hasValue(2);
        }
    }
}
