package org.psyscreen.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psyscreen.load.Bundle;
import org.psyscreen.tier.CutoffPolicy;

/**
 * The warning database on either database: a case's life, re-decisions, the upward report and
 * deletion. {@link WarningCasesOnSqliteTest} and {@link WarningCasesOnPostgresTest} run it.
 */
abstract class WarningCasesContract {
    @TempDir
    static Path dir;

    static Path wave1;
    static Path wave2;
    static Path wave3;

    @BeforeAll
    static void score() throws Exception {
        wave1 = Runs.scored(dir, 2000, 1);
        wave2 = Runs.scored(dir, 2000, 2);
        wave3 = Runs.scored(dir, 2000, 3);
    }

    /** The location of a new, empty store. */
    abstract String location(String name);

    private RecordStore store(String name) {
        return RecordStore.open(location(name));
    }

    /** A student flagged in both waves: found through the store itself. */
    private String flaggedTwice() {
        try (RecordStore s = store("probe-" + System.nanoTime() + ".db")) {
            s.importRun(wave1, Wave.named("w1"), Runs.BUNDLE, x -> {});
            s.importRun(wave2, Wave.named("w2"), Runs.BUNDLE, x -> {});
            return s.changes(Scope.everything(), "w1", "w2").students().stream()
                    .filter(c -> c.fromTier() != null && c.toTier() != null)
                    .findFirst()
                    .orElseThrow()
                    .token();
        }
    }

    @Test
    void aCaseStaysOpenUntilClosedAndAFlaggedScreeningReopensIt() {
        String token = flaggedTwice();
        try (RecordStore store = store("life.db")) {
            store.importRun(wave1, Wave.named("w1"), Runs.BUNDLE, x -> {});
            WarningCase opened = store.warnings(Scope.everything()).stream()
                    .filter(w -> w.token().equals(token))
                    .findFirst()
                    .orElseThrow();
            assertThat(opened.state()).isEqualTo(CaseState.OPEN);
            assertThat(opened.events()).extracting(CaseEvent::kind).containsExactly(EventKind.OPENED);
            Scope school = Scope.school(opened.region(), opened.school());

            var interviewed = store.followUp(
                    school,
                    token,
                    Runs.policy(),
                    new FollowUp(EventKind.INTERVIEW, LocalDate.of(2026, 9, 20), Role.COUNSELLOR, "attended"));
            assertThat(interviewed.state()).isEqualTo(CaseState.OPEN);
            var monitored = store.followUp(
                    school,
                    token,
                    Runs.policy(),
                    new FollowUp(EventKind.MONITORING, LocalDate.of(2026, 10, 8), Role.COUNSELLOR, "stable"));
            assertThat(monitored.state()).isEqualTo(CaseState.MONITORING);
            assertThat(store.warnings(school)).extracting(WarningCase::token).contains(token);
            var closed = store.followUp(
                    school,
                    token,
                    Runs.policy(),
                    new FollowUp(EventKind.CLOSURE, LocalDate.of(2026, 12, 1), Role.COUNSELLOR, "cleared"));
            assertThat(closed.state()).isEqualTo(CaseState.CLOSED);
            assertThat(store.warnings(Scope.everything()))
                    .extracting(WarningCase::token)
                    .doesNotContain(token);
            assertThatThrownBy(() -> store.followUp(
                            school,
                            token,
                            Runs.policy(),
                            new FollowUp(EventKind.INTERVIEW, LocalDate.of(2026, 12, 2), Role.COUNSELLOR, "attended")))
                    .hasMessageContaining("no open or monitored warning case");

            ImportResult spring = store.importRun(wave2, Wave.named("w2"), Runs.BUNDLE, x -> {});
            assertThat(spring.casesReopened()).isPositive();
            WarningCase reopened = store.warnings(Scope.everything()).stream()
                    .filter(w -> w.token().equals(token))
                    .findFirst()
                    .orElseThrow();
            assertThat(reopened.state()).isEqualTo(CaseState.OPEN);
            assertThat(reopened.lastWave()).isEqualTo("w2");
            assertThat(reopened.events())
                    .extracting(CaseEvent::kind)
                    .containsExactly(
                            EventKind.OPENED,
                            EventKind.INTERVIEW,
                            EventKind.MONITORING,
                            EventKind.CLOSURE,
                            EventKind.REOPENED);
            assertThat(reopened.events().get(1).role()).isEqualTo(Role.COUNSELLOR);
        }
    }

    /**
     * Issue 27, case 5: cases are a function of the data, not of the order waves arrive in. Every order
     * of three waves (all six), with a counsellor's closure recorded as soon as the student has a case
     * (dated between the first two waves, so in some orders it is recorded after a later wave), gives
     * the same cases and the same events.
     */
    @Test
    void everyImportOrderGivesTheSameCases() {
        String token = flaggedTwice();
        List<List<Integer>> orders = List.of(
                List.of(1, 2, 3),
                List.of(1, 3, 2),
                List.of(2, 1, 3),
                List.of(2, 3, 1),
                List.of(3, 1, 2),
                List.of(3, 2, 1));
        Path[] runs = {null, wave1, wave2, wave3};
        List<WarningCase> reference = null;
        WarningCase referenceCase = null;
        for (List<Integer> order : orders) {
            try (RecordStore store = store("order-" + order + ".db")) {
                boolean closed = false;
                for (int w : order) {
                    store.importRun(runs[w], Wave.named("w" + w), Runs.BUNDLE, x -> {});
                    if (!closed
                            && store.warnings(Scope.everything()).stream()
                                    .anyMatch(c -> c.token().equals(token))) {
                        store.followUp(
                                Scope.everything(),
                                token,
                                Runs.policy(),
                                new FollowUp(
                                        EventKind.CLOSURE, LocalDate.of(2026, 10, 1), Role.COUNSELLOR, "resolved"));
                        closed = true;
                    }
                }
                List<WarningCase> cases = store.warnings(Scope.everything()).stream()
                        .sorted(java.util.Comparator.comparing(WarningCase::token))
                        .toList();
                WarningCase mine = store.history(Scope.everything(), token).cases().stream()
                        .filter(c -> c.policyId().equals(Runs.POLICY))
                        .findFirst()
                        .orElseThrow();
                if (reference == null) {
                    reference = cases;
                    referenceCase = mine;
                    // closed on 1 October, then flagged again in the spring: re-opened, whatever the order
                    assertThat(mine.events())
                            .extracting(CaseEvent::kind)
                            .startsWith(EventKind.OPENED, EventKind.CLOSURE, EventKind.REOPENED);
                    assertThat(mine.state()).isNotEqualTo(CaseState.CLOSED);
                } else {
                    assertThat(cases).as("order %s", order).isEqualTo(reference);
                    assertThat(mine).as("order %s", order).isEqualTo(referenceCase);
                }
            }
        }
    }

    /** Issue 26: grades sort in school order (4 … 9, 10, 11, 12, v1 …), not as text (10, 11, 12, 4 …). */
    @Test
    void theWarningListSortsGradesInSchoolOrder() {
        try (RecordStore store = store("order.db")) {
            store.importRun(wave1, Wave.named("w1"), Runs.BUNDLE, x -> {});
            List<WarningCase> list = store.warnings(Scope.everything());
            assertThat(list).hasSizeGreaterThan(100);
            java.util.Comparator<WarningCase> expected = java.util.Comparator.comparing(WarningCase::tierRank)
                    .thenComparing(WarningCase::region)
                    .thenComparing(WarningCase::school)
                    .thenComparing(c -> org.psyscreen.student.Grade.parse(c.grade()) == null
                            ? Integer.MAX_VALUE
                            : org.psyscreen.student.Grade.parse(c.grade()).rank());
            assertThat(list).isSortedAccordingTo(expected);
            assertThat(list.stream().map(WarningCase::grade).distinct()).contains("4", "10");
        }
    }

    @Test
    void followUpsTakeCodesNeverFreeText() {
        assertThatThrownBy(
                        () -> new FollowUp(EventKind.INTERVIEW, LocalDate.of(2026, 9, 20), Role.COUNSELLOR, "张三 came"))
                .hasMessageContaining("never free text");
        assertThatThrownBy(() -> new FollowUp(EventKind.OPENED, LocalDate.of(2026, 9, 20), Role.COUNSELLOR, "x"))
                .hasMessageContaining("recorded by the store");
        assertThatThrownBy(() -> new FollowUp(EventKind.REFERRAL, LocalDate.of(2026, 9, 20), Role.SYSTEM, "x"))
                .hasMessageContaining("store's own");
    }

    @Test
    void aRedecisionAddsDecisionsBesideTheOldOnesAndLeavesCases() throws Exception {
        // A SYNTHETIC second version of example policy A: PHQ-A "high" from 10 instead of 11.
        String v1 = new String(
                WarningCasesContract.class
                        .getResourceAsStream("/META-INF/psyscreen/policies/example-a-glad-pc/policy.yaml")
                        .readAllBytes(),
                StandardCharsets.UTF_8);
        String v2 = v1.replace("version: \"2026.1.1\"", "version: \"2026.2.0\"")
                .replace(
                        "effective: {from: \"2026-09-01\", to: \"2027-08-31\"}",
                        "effective: {from: \"2027-09-01\", to: \"2028-08-31\"}")
                .replace("{scale: phqa.total, op: \">=\", value: 11}", "{scale: phqa.total, op: \">=\", value: 10}");
        assertThat(v2).isNotEqualTo(v1).contains("2026.2.0", "value: 10}");
        Path file = dir.resolve("policy-v2/policy.yaml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, v2);
        Bundle bundle = Bundle.builder()
                .classPath(WarningCasesContract.class.getClassLoader())
                .file(file)
                .build();
        CutoffPolicy second = bundle.policyVersions(Runs.POLICY).stream()
                .filter(p -> p.version().equals("2026.2.0"))
                .findFirst()
                .orElseThrow();
        Path redecided = Runs.scored(dir, 2000, 1, Runs.PSEUDONYMS, second);

        try (RecordStore store = store("redecide.db")) {
            store.importRun(wave1, Wave.named("w1"), bundle, x -> {});
            var before = store.warnings(Scope.everything());
            ImportResult r = store.importRun(redecided, Wave.named("w1"), bundle, x -> {});
            assertThat(r.redecision()).isTrue();
            assertThat(r.stored()).isEqualTo(r.recordsIn() - r.withoutId());
            assertThat(store.warnings(Scope.everything())).isEqualTo(before);
            assertThat(store.importRun(redecided, Wave.named("w1"), bundle, x -> {})
                            .alreadyImported())
                    .isTrue();
            StudentHistory h = store.history(Scope.everything(), Runs.token("G4401000001"));
            assertThat(h.screenings()).hasSize(1);
            assertThat(h.screenings().get(0).decisions())
                    .extracting(StudentHistory.Decision::policy)
                    .containsExactly("example-a-glad-pc@2026.1.1", "example-a-glad-pc@2026.2.0");
        }
    }

    @Test
    void theUpwardReportHidesSmallCellsAndListsOnlyCrisisCases() throws Exception {
        try (RecordStore store = store("upward.db")) {
            store.importRun(wave1, Wave.named("w1"), Runs.BUNDLE, x -> {});
            UpwardReport report = store.upwardReport(Scope.everything(), "w1", 10);
            assertThat(report.columns()).containsExactly("urgent", "high", "watch", "none", "undetermined");
            assertThat(report.counts()).isNotEmpty();
            for (UpwardReport.Count c : report.counts()) {
                for (Long v : c.cells()) {
                    assertThat(v == null || v == 0 || v >= 10)
                            .as("a published cell is 0 or at least k")
                            .isTrue();
                }
            }
            assertThat(report.counts().stream().filter(c -> c.cells().contains(null)))
                    .as("nothing below 10 in the demo's six schools")
                    .isEmpty();
            UpwardReport strict = store.upwardReport(Scope.everything(), "w1", 40);
            assertThat(strict.counts().stream().filter(c -> c.cells().contains(null)))
                    .as("with k = 40 the schools' urgent counts (about 20 each) are hidden")
                    .isNotEmpty();
            for (UpwardReport.Count c : strict.counts()) {
                for (Long v : c.cells()) {
                    assertThat(v == null || v == 0 || v >= 40)
                            .as("a published cell is 0 or at least k")
                            .isTrue();
                }
            }
            assertThat(report.crisis())
                    .isNotEmpty()
                    .allSatisfy(c -> assertThat(c.tier()).isEqualTo("urgent"));
            Path out = dir.resolve("upward");
            report.writeTo(out);
            assertThat(Files.readString(out.resolve("upward-report.json")))
                    .contains("\"schema\":\"psyscreen-upward-report/1\"");
            assertThat(Files.readAllLines(out.resolve("upward-crisis.csv")))
                    .hasSize(report.crisis().size() + 1);
            assertThat(Files.readAllLines(out.resolve("upward-counts.csv")).get(0))
                    .isEqualTo("region,school,students,urgent,high,watch,none,undetermined");
        }
    }

    @Test
    void deletingAStudentLeavesNoTraceOfThem() {
        String token = flaggedTwice();
        try (RecordStore store = store("delete-student.db")) {
            store.importRun(wave1, Wave.named("w1"), Runs.BUNDLE, x -> {});
            store.importRun(wave2, Wave.named("w2"), Runs.BUNDLE, x -> {});
            assertThat(store.deleteStudent(Scope.everything(), token)).isPositive();
            assertThatThrownBy(() -> store.history(Scope.everything(), token)).isInstanceOf(RecordStoreException.class);
            assertThat(store.warnings(Scope.everything()))
                    .extracting(WarningCase::token)
                    .doesNotContain(token);
            assertThat(store.changes(Scope.everything(), "w1", "w2").students())
                    .extracting(WaveChanges.StudentChange::token)
                    .doesNotContain(token);
            assertThat(store.deleteStudent(Scope.everything(), token)).isZero();
        }
    }

    @Test
    void deletingOldWavesKeepsTheRecentOnes() {
        try (RecordStore store = store("delete-waves.db")) {
            store.importRun(wave1, Wave.named("2026-autumn"), Runs.BUNDLE, x -> {});
            store.importRun(wave2, Wave.named("2027-spring"), Runs.BUNDLE, x -> {});
            store.importRun(wave3, Wave.named("2027-autumn"), Runs.BUNDLE, x -> {});
            assertThat(RecordStore.schoolYearBefore(LocalDate.of(2028, 11, 25), 1))
                    .isEqualTo("2027-2028");
            assertThat(store.deleteWavesBefore("2027-2028")).isPositive();
            assertThat(store.waves()).containsExactly("2027-autumn");
            // Students who left before the kept wave have no screening and no case left.
            assertThat(store.warnings(Scope.everything()))
                    .allSatisfy(w -> assertThat(
                                    store.history(Scope.everything(), w.token()).screenings())
                            .isNotEmpty());
            assertThat(store.history(Scope.everything(), Runs.token("G4401000001"))
                            .screenings())
                    .extracting(StudentHistory.Screening::wave)
                    .containsExactly("2027-autumn");
        }
    }
}
