package org.psyscreen.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psyscreen.privacy.Pseudonymizer;

/**
 * A school's roster and the wave's coverage, on either database. The roster is generated from the
 * SYNTHETIC cohort with known gaps: every tenth of the school's students left off (screened, not on
 * the roster), 25 students added who were never screened, and the cohort's one id written on two
 * records (screened twice). Coverage must give exactly those numbers, class by class, as the test
 * counts them from the cohort file itself. {@link RosterOnSqliteTest} and {@link RosterOnPostgresTest}
 * run it.
 */
abstract class RosterContract {
    @TempDir
    static Path dir;

    static Path run;
    static Path cohort;

    /** One record of the cohort file, as written. */
    record Row(String id, String school, String klass, String grade) {}

    static final List<Row> rows = new ArrayList<>();
    static final List<Row> roster = new ArrayList<>();
    static final Set<String> leftOff = new HashSet<>();
    static Path rosterFile;
    static final Wave WAVE_COMPLETE = new Wave("2026-autumn", "2026-2027", 1);

    @BeforeAll
    static void cohortAndRoster() throws Exception {
        // shared by the SQLite and PostgreSQL subclasses, which may run in one JVM: start afresh
        rows.clear();
        roster.clear();
        leftOff.clear();
        run = Runs.scored(dir, 2000, 1);
        cohort = Runs.cohort(dir, 2000, 1, Runs.policy());
        List<String> lines = Files.readAllLines(cohort, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            rows.add(new Row(f[0], f[1], f[2], f[3]));
        }
        Set<String> seen = new HashSet<>();
        int k = 0;
        for (Row r : rows) {
            if (r.school().equals("SCH3") && seen.add(r.id())) {
                if (k++ % 10 == 3) {
                    leftOff.add(r.id());
                } else {
                    roster.add(r);
                }
            }
        }
        for (int i = 0; i < 25; i++) {
            String grade = String.valueOf(4 + i % 9);
            roster.add(new Row("R" + (9_000_000 + i), "SCH3", grade + "-" + (1 + i % 4), grade));
        }
        StringBuilder csv = new StringBuilder("student_id,name,school,grade,class,dormitory,attr.left_behind\n");
        for (int i = 0; i < roster.size(); i++) {
            Row r = roster.get(i);
            csv.append(r.id())
                    .append(",学生")
                    .append(i)
                    .append(',')
                    .append(r.school())
                    .append(',')
                    .append(r.grade())
                    .append(',')
                    .append(r.klass())
                    .append(',')
                    .append(i % 3 == 0 ? "D1" : "")
                    .append(',')
                    .append(i % 7 == 0 ? "是" : "否")
                    .append('\n');
        }
        rosterFile = Files.writeString(dir.resolve("roster-sch3.csv"), csv.toString(), StandardCharsets.UTF_8);
    }

    /** The location of a new, empty store. */
    abstract String location(String name);

    private RecordStore fresh(String name) {
        return RecordStore.open(location(name));
    }

    @Test
    void coverageCountsExactlyTheKnownGapsClassByClass() {
        try (RecordStore store = fresh("coverage.db")) {
            Roster read = Roster.read(rosterFile, Runs.PSEUDONYMS, "", "SCH3");
            RosterResult r = store.importRoster(new Wave("2026-autumn", "2026-2027", 1), read);
            assertThat(r.students()).isEqualTo(roster.size());
            store.importRun(run, Wave.named("2026-autumn"), Runs.BUNDLE, x -> {});

            Coverage c = store.coverage(Scope.school("", "SCH3"), "2026-autumn");
            Map<String, long[]> got = new TreeMap<>();
            for (Coverage.Unit u : c.classes()) {
                got.put(
                        u.grade() + "/" + u.klass(),
                        new long[] {u.onRoster(), u.screened(), u.notOnRoster(), u.screenedTwice()});
            }
            Map<String, long[]> expected = expected();
            assertThat(got.keySet()).isEqualTo(expected.keySet());
            expected.forEach((unit, e) -> assertThat(got.get(unit)).as(unit).containsExactly(e));

            Coverage.Unit school = c.bySchool().get(0);
            assertThat(school.onRoster()).isEqualTo(roster.size());
            assertThat(school.notScreened()).isEqualTo(25);
            assertThat(school.notOnRoster()).isEqualTo(leftOff.size());
            assertThat(school.rate()).isEqualTo((double) (roster.size() - 25) / roster.size());
            // the other schools were screened without a roster: named, not counted as full coverage
            assertThat(store.coverage(Scope.everything(), "2026-autumn").schoolsWithoutRoster())
                    .containsExactly("SCH1", "SCH2", "SCH4", "SCH5", "SCH6");
        }
    }

    /** Coverage counted from the cohort file and the roster, without the store. */
    private static Map<String, long[]> expected() {
        Map<String, Long> count = new HashMap<>();
        rows.forEach(r -> count.merge(r.id(), 1L, Long::sum));
        Set<String> cohortIds = new HashSet<>();
        rows.forEach(r -> cohortIds.add(r.id()));
        Map<String, long[]> e = new TreeMap<>();
        for (Row r : roster) {
            long[] u = e.computeIfAbsent(r.grade() + "/" + r.klass(), x -> new long[4]);
            u[0]++;
            u[1] += cohortIds.contains(r.id()) ? 1 : 0;
        }
        Map<String, Set<String>> extra = new LinkedHashMap<>();
        Map<String, Set<String>> twice = new LinkedHashMap<>();
        for (Row r : rows) {
            if (!r.school().equals("SCH3")) {
                continue;
            }
            String unit = r.grade() + "/" + r.klass();
            if (leftOff.contains(r.id())) {
                extra.computeIfAbsent(unit, x -> new HashSet<>()).add(r.id());
            }
            if (count.get(r.id()) > 1) {
                twice.computeIfAbsent(unit, x -> new HashSet<>()).add(r.id());
            }
        }
        extra.forEach((unit, ids) -> e.computeIfAbsent(unit, x -> new long[4])[2] = ids.size());
        twice.forEach((unit, ids) -> e.computeIfAbsent(unit, x -> new long[4])[3] = ids.size());
        return e;
    }

    @Test
    void outcomesBySpecialGroupAndDormitorySplitTheRosterAndHideSmallCells() {
        try (RecordStore store = fresh("groups.db")) {
            store.importRoster(WAVE_COMPLETE, Roster.read(rosterFile, Runs.PSEUDONYMS, "", "SCH3"));
            store.importRun(run, Wave.named("2026-autumn"), Runs.BUNDLE, x -> {});
            var tables = store.groups(Scope.school("", "SCH3"), "2026-autumn", Runs.policy(), 10);
            assertThat(tables).containsOnlyKeys("attr.left_behind", "dormitory");
            long yes = 0;
            long d1 = 0;
            for (int i = 0; i < roster.size(); i++) {
                yes += i % 7 == 0 ? 1 : 0;
                d1 += i % 3 == 0 ? 1 : 0;
            }
            var left = tables.get("attr.left_behind").units();
            assertThat(left)
                    .extracting(org.psyscreen.privacy.CountTable.Unit::id)
                    .containsExactly("SCH3", "no", "yes");
            assertThat(left.get(0).total()).isEqualTo(roster.size());
            assertThat(left.get(2).total()).isEqualTo(yes);
            var dorm = tables.get("dormitory").units();
            assertThat(dorm)
                    .extracting(org.psyscreen.privacy.CountTable.Unit::id)
                    .containsExactly("SCH3", "D1", "none");
            assertThat(dorm.get(1).total()).isEqualTo(d1);
            int notScreened = tables.get("dormitory").columns().indexOf("not-screened");
            assertThat(notScreened).isPositive();
            for (var t : tables.values()) {
                for (var u : t.units()) {
                    int hidden = 0;
                    for (int c = 0; c < t.columns().size(); c++) {
                        Long v = u.published(c);
                        if (v == null) {
                            hidden++;
                        } else {
                            assertThat(v)
                                    .as("%s %s", u.id(), t.columns().get(c))
                                    .satisfiesAnyOf(
                                            x -> assertThat(x).isZero(),
                                            x -> assertThat(x).isGreaterThanOrEqualTo(10));
                        }
                    }
                    if (u.publishedTotal() != null) {
                        assertThat(hidden)
                                .as("no lone hidden cell beside a published total")
                                .isNotEqualTo(1);
                    }
                }
            }
        }
    }

    @Test
    void aRosterThatIsNotOneSchoolsStudentsOnceIsRefusedWholeAndNamesNoValue() throws Exception {
        try (RecordStore store = fresh("refusals.db")) {
            Wave wave = new Wave("2026-autumn", "2026-2027", 1);
            String header = "student_id,name,school,grade,class\n";
            Map<String, String> bad = new LinkedHashMap<>();
            bad.put("PSY-3002", header + "Q7SENTINEL,甲,SCH3,7,7-1\nQ7SENTINEL,乙,SCH3,8,8-1\n");
            bad.put("PSY-3004", header + "G1,甲,Q7SENTINEL,7,7-1\n");
            bad.put("PSY-3003", header + "G1,甲,SCH3,Q7SENTINEL,7-1\n");
            bad.put("PSY-3001", "student_id,name,school,grade\nQ7SENTINEL,甲,SCH3,7\n");
            for (var b : bad.entrySet()) {
                Path f = Files.writeString(dir.resolve("bad-" + b.getKey() + ".csv"), b.getValue());
                assertThatThrownBy(() -> store.importRoster(wave, Roster.read(f, Runs.PSEUDONYMS, "", "SCH3")))
                        .as(b.getKey())
                        .isInstanceOf(RecordStoreException.class)
                        .hasMessageStartingWith(b.getKey())
                        .hasMessageNotContaining("Q7SENTINEL")
                        .hasMessageNotContaining("甲");
            }
            assertThat(store.waves()).isEmpty();

            Roster good = Roster.read(rosterFile, Runs.PSEUDONYMS, "", "SCH3");
            assertThatThrownBy(() -> store.importRoster(Wave.named("2026-autumn"), good))
                    .hasMessageContaining("school year and term");
            store.importRoster(wave, good);
            Roster otherKey = Roster.read(rosterFile, Pseudonymizer.of(new byte[32]), "", "SCH3");
            assertThatThrownBy(() -> store.importRoster(wave, otherKey)).hasMessageStartingWith("PSY-3005");
            // a school the store has never seen, while it knows SCH3: a misspelt code, unless said new
            Roster misspelt = Roster.read(
                    Files.writeString(dir.resolve("sch33.csv"), "student_id,grade,class\nG1,7,7-1\n"),
                    Runs.PSEUDONYMS,
                    "",
                    "SCH33");
            assertThatThrownBy(() -> store.importRoster(wave, misspelt))
                    .hasMessageStartingWith("PSY-3006")
                    .hasMessageContaining("nothing was imported");
            assertThat(store.coverage(Scope.school("", "SCH33"), "2026-autumn").bySchool())
                    .isEmpty();
            assertThat(store.importRoster(wave, misspelt, true).students()).isEqualTo(1);
            assertThat(store.coverage(Scope.everything(), "2026-autumn")
                            .bySchool()
                            .get(0)
                            .onRoster())
                    .isEqualTo(roster.size());
        }
    }

    @Test
    void aRosterImportedAgainReplacesTheSchoolsAndADeletedStudentLeavesIt() {
        try (RecordStore store = fresh("replace.db")) {
            Wave wave = new Wave("2026-autumn", "2026-2027", 1);
            Roster read = Roster.read(rosterFile, Runs.PSEUDONYMS, "", "SCH3");
            assertThat(store.importRoster(wave, read).replaced()).isFalse();
            assertThat(store.importRoster(wave, read).replaced()).isTrue();
            assertThat(store.coverage(Scope.everything(), "2026-autumn")
                            .bySchool()
                            .get(0)
                            .onRoster())
                    .isEqualTo(roster.size());
            store.deleteStudent(Scope.everything(), Runs.token(roster.get(0).id()));
            assertThat(store.coverage(Scope.everything(), "2026-autumn")
                            .bySchool()
                            .get(0)
                            .onRoster())
                    .isEqualTo(roster.size() - 1);
            // a school sees its own coverage only
            assertThat(store.coverage(Scope.school("", "SCH1"), "2026-autumn").classes())
                    .isEmpty();
        }
    }

    @Test
    void namesAreReadLocallyFromTheRosterFileAndNeverStored() throws Exception {
        Map<String, Roster.Named> names = Roster.names(rosterFile, Runs.PSEUDONYMS);
        assertThat(names).hasSize(roster.size());
        assertThat(names.get(Runs.token(roster.get(1).id())))
                .isEqualTo(new Roster.Named(roster.get(1).id(), "学生1"));
        try (RecordStore store = fresh("names.db")) {
            store.importRoster(
                    new Wave("2026-autumn", "2026-2027", 1), Roster.read(rosterFile, Runs.PSEUDONYMS, "", "SCH3"));
        }
        if (!location("x").startsWith("jdbc:")) {
            byte[] bytes = Files.readAllBytes(Path.of(location("names.db")));
            assertThat(new String(bytes, StandardCharsets.UTF_8))
                    .doesNotContain("学生1", roster.get(1).id());
        }
    }
}
