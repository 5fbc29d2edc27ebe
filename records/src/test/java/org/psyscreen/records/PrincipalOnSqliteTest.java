package org.psyscreen.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On SQLite the file is the boundary, and the API still takes a principal: a store opened for one is held
 * to its scope, and what only the owner does is refused, so the same calls run on both databases
 * ({@link AccessOnPostgresTest} for PostgreSQL, where the database enforces it too).
 */
class PrincipalOnSqliteTest {
    @TempDir
    static Path dir;

    static Path run;
    static String file;
    static String flagged;

    private static final Scope SCH3 = Scope.school("", "SCH3");
    private static final Scope SCH1 = Scope.school("", "SCH1");
    private static final Wave WAVE = Wave.named("2026-autumn");

    @BeforeAll
    static void ownersStore() throws Exception {
        run = Runs.scored(dir, 2000, 1);
        file = dir.resolve("school.db").toString();
        try (RecordStore owner = RecordStore.open(file)) {
            owner.importRun(run, WAVE, Runs.BUNDLE, x -> {});
            flagged = owner.warnings(SCH3).get(0).token();
        }
    }

    @Test
    void aSchoolReadsAndRecordsInItsOwnScopeOnly() {
        Principal school = Principal.school("sch3_staff", "", "SCH3");
        try (RecordStore s = RecordStore.open(file, school)) {
            assertThat(s.openedFor()).contains(school);
            assertThat(s.warnings(SCH3)).extracting(WarningCase::school).containsOnly("SCH3");
            for (Scope outside : new Scope[] {SCH1, Scope.everything(), Scope.region("")}) {
                assertThatThrownBy(() -> s.warnings(outside))
                        .hasMessageStartingWith("PSY-3209")
                        .hasMessageContaining("reads and records in");
                assertThatThrownBy(() -> s.history(outside, flagged)).hasMessageStartingWith("PSY-3209");
            }
            WarningCase c = s.followUp(
                    SCH3,
                    flagged,
                    Runs.policy(),
                    new FollowUp(EventKind.INTERVIEW, LocalDate.of(2026, 10, 1), Role.COUNSELLOR, "attended"));
            assertThat(c.events()).extracting(CaseEvent::kind).contains(EventKind.INTERVIEW);
            assertThatThrownBy(() -> s.importRun(run, WAVE, Runs.BUNDLE, x -> {}))
                    .hasMessageStartingWith("PSY-3210")
                    .hasMessageContaining("an import is the store owner's");
            assertThatThrownBy(() -> s.importing(WAVE, Runs.BUNDLE)).hasMessageStartingWith("PSY-3210");
            assertThatThrownBy(() -> s.purge(LocalDate.of(2030, 1, 1))).hasMessageStartingWith("PSY-3210");
            assertThatThrownBy(s::verifyAudit).hasMessageStartingWith("PSY-3210");
            assertThatThrownBy(s::principals).hasMessageStartingWith("PSY-3210");
            assertThatThrownBy(() -> s.deleteWavesBefore("2030-2031")).hasMessageStartingWith("PSY-3210");
        }
    }

    @Test
    void aRegionReadsItsSchoolsAndTheProvinceOnlyWhatIsReportedUpward() {
        try (RecordStore r = RecordStore.open(file, Principal.region("region_staff", ""))) {
            assertThat(r.warnings(Scope.region("")))
                    .extracting(WarningCase::school)
                    .contains("SCH1", "SCH3");
            assertThat(r.warnings(SCH1)).isNotEmpty();
            assertThatThrownBy(() -> r.warnings(Scope.everything())).hasMessageStartingWith("PSY-3209");
            assertThatThrownBy(() -> r.warnings(Scope.region("R9"))).hasMessageStartingWith("PSY-3209");
        }
        try (RecordStore p = RecordStore.open(file, Principal.province("province_staff"))) {
            assertThat(p.upwardReport(Scope.everything(), "2026-autumn", 10).counts())
                    .isNotEmpty();
            assertThatThrownBy(() -> p.warnings(Scope.everything()))
                    .hasMessageStartingWith("PSY-3209")
                    .hasMessageContaining("the province reads the upward report and the district form");
            assertThatThrownBy(() -> p.history(Scope.everything(), flagged)).hasMessageStartingWith("PSY-3209");
        }
    }
}
