package org.psyscreen.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store on either database: two waves of the synthetic demo cohort scored, imported and queried.
 * {@link RecordStoreOnSqliteTest} and {@link RecordStoreOnPostgresTest} run it.
 */
abstract class RecordStoreContract {
    @TempDir
    static Path dir;

    static Path wave1;
    static Path wave2;

    @BeforeAll
    static void score() throws Exception {
        wave1 = Runs.scored(dir, 2000, 1);
        wave2 = Runs.scored(dir, 2000, 2);
    }

    /** The location of a new, empty store. */
    abstract String location(String name);

    private RecordStore fresh(String name) {
        return RecordStore.open(location(name));
    }

    @Test
    void importsTwoWavesAndCountsEveryRecord() {
        try (RecordStore store = fresh("two-waves.db")) {
            List<Long> progress = new ArrayList<>();
            ImportResult a = store.importRun(wave1, Wave.named("2026-autumn"), Runs.BUNDLE, progress::add);
            ImportResult b = store.importRun(wave2, Wave.named("2027-spring"), Runs.BUNDLE, x -> {});
            assertThat(a.recordsIn()).isEqualTo(2000);
            assertThat(a.stored() + a.withoutId()).isEqualTo(a.recordsIn());
            assertThat(a.casesOpened()).isPositive();
            assertThat(b.recordsIn()).isEqualTo(1955);
            assertThat(b.stored() + b.withoutId()).isEqualTo(b.recordsIn());
            assertThat(b.casesEscalated() + b.casesOpened()).isPositive();
            assertThat(progress).last().isEqualTo(2000L);
            assertThat(store.waves()).containsExactly("2026-autumn", "2027-spring");
            assertThat(store.keyId()).isEqualTo(Runs.PSEUDONYMS.keyId());
        }
    }

    @Test
    void theSameInputTwiceAddsNothing() {
        try (RecordStore store = fresh("twice.db")) {
            store.importRun(wave1, Wave.named("2026-autumn"), Runs.BUNDLE, x -> {});
            int cases = store.warnings(Scope.everything()).size();
            ImportResult again = store.importRun(wave1, Wave.named("2026-autumn"), Runs.BUNDLE, x -> {});
            assertThat(again.alreadyImported()).isTrue();
            assertThat(again.stored()).isZero();
            assertThat(store.warnings(Scope.everything())).hasSize(cases);
            assertThatThrownBy(() -> store.importRun(wave1, Wave.named("2027-spring"), Runs.BUNDLE, x -> {}))
                    .isInstanceOf(RecordStoreException.class)
                    .hasMessageContaining("imported as wave '2026-autumn' already");
            assertThat(store.waves()).containsExactly("2026-autumn");
        }
    }

    @Test
    void historyShowsBothWavesWithReliableChangeForGad7Only() {
        try (RecordStore store = fresh("history.db")) {
            store.importRun(wave1, Wave.named("2026-autumn"), Runs.BUNDLE, x -> {});
            store.importRun(wave2, Wave.named("2027-spring"), Runs.BUNDLE, x -> {});
            StudentHistory h = store.history(Scope.everything(), Runs.token("G4401000001"));
            assertThat(h.screenings()).hasSize(2);
            var first = h.screenings().get(0);
            var second = h.screenings().get(1);
            assertThat(first.wave()).isEqualTo("2026-autumn");
            assertThat(first.schoolYear()).isEqualTo("2026-2027");
            assertThat(first.term()).isEqualTo(1);
            assertThat(first.grade()).isEqualTo("9");
            assertThat(second.grade()).isEqualTo("9");
            assertThat(second.term()).isEqualTo(2);
            assertThat(second.schoolYear()).isEqualTo("2026-2027");
            assertThat(first.changes()).isEmpty();
            assertThat(second.forms()).containsOnlyKeys("gad7", "phqa", "scared");
            assertThat(second.decisions()).hasSize(1);
            assertThat(second.norms()).isNotEmpty();
            ScaleChange gad = second.changes().stream()
                    .filter(c -> c.instrument().equals("gad7"))
                    .findFirst()
                    .orElseThrow();
            double from = first.forms().get("gad7").scales().get("total");
            double to = second.forms().get("gad7").scales().get("total");
            assertThat(gad.change()).isEqualTo(to - from);
            // Jacobson & Truax 1991: RC = (x2 - x1) / S_diff, S_diff = sqrt(2) * SD * sqrt(1 - r); r = 0.89, SD = 3.5
            // (Löwe 2008). S_diff from R 4.2.2: sprintf("%.10f", sqrt(2)*3.5*sqrt(1-0.89)) = 1.6416455159.
            assertThat(gad.rci()).isCloseTo((to - from) / 1.6416455159, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(gad.rciNote()).contains("alpha 0.89", "SD 3.5", "lowe2008");
            ScaleChange phq = second.changes().stream()
                    .filter(c -> c.instrument().equals("phqa") && c.scale().equals("total"))
                    .findFirst()
                    .orElseThrow();
            assertThat(phq.rci()).isNull();
            assertThat(phq.reliable()).isNull();
            assertThat(phq.rciNote()).startsWith("RCI not available");
        }
    }

    @Test
    void changesCountTransitionsAndWhoIsMissing() {
        try (RecordStore store = fresh("changes.db")) {
            store.importRun(wave1, Wave.named("2026-autumn"), Runs.BUNDLE, x -> {});
            store.importRun(wave2, Wave.named("2027-spring"), Runs.BUNDLE, x -> {});
            WaveChanges c = store.changes(Scope.everything(), "2026-autumn", "2027-spring");
            long both = c.students().size();
            assertThat(both + c.missingTokens().size()).isEqualTo(c.seenBefore());
            assertThat(c.transitions().values().stream()
                            .mapToLong(Long::longValue)
                            .sum())
                    .isEqualTo(both);
            assertThat(c.transitions())
                    .containsKeys(
                            WaveChanges.Transition.NEWLY_FLAGGED,
                            WaveChanges.Transition.ESCALATED,
                            WaveChanges.Transition.IMPROVED,
                            WaveChanges.Transition.UNCHANGED);
            // About 3% are absent from the spring re-screen: they are missing, never dropped silently.
            assertThat(c.missingTokens()).isNotEmpty();
        }
    }

    @Test
    void aSchoolNeverSeesAnotherSchoolsStudents() {
        try (RecordStore store = fresh("scope.db")) {
            store.importRun(wave1, Wave.named("2026-autumn"), Runs.BUNDLE, x -> {});
            store.importRun(wave2, Wave.named("2027-spring"), Runs.BUNDLE, x -> {});
            Scope sch1 = Scope.school("", "SCH1");
            assertThat(store.warnings(sch1))
                    .isNotEmpty()
                    .allSatisfy(w -> assertThat(w.school()).isEqualTo("SCH1"));
            assertThat(store.warnings(Scope.everything()))
                    .anySatisfy(w -> assertThat(w.school()).isNotEqualTo("SCH1"));
            // G4401000001 is at SCH3: SCH1 gets the same answer as for a student who does not exist.
            String other = Runs.token("G4401000001");
            assertThatThrownBy(() -> store.history(sch1, other))
                    .hasMessage("no screening of this student in school 'SCH1'");
            assertThatThrownBy(() -> store.history(sch1, Runs.token("nobody")))
                    .hasMessage("no screening of this student in school 'SCH1'");
            assertThat(store.changes(sch1, "2026-autumn", "2027-spring").students())
                    .allSatisfy(s -> assertThat(s.school()).isEqualTo("SCH1"));
            assertThat(store.upwardReport(sch1, "2026-autumn", 10).counts())
                    .allSatisfy(r -> assertThat(r.school()).isIn("", "SCH1"));
            assertThat(store.upwardReport(sch1, "2026-autumn", 10).crisis())
                    .allSatisfy(r -> assertThat(r.school()).isEqualTo("SCH1"));
            assertThatThrownBy(() -> store.followUp(
                            sch1,
                            other,
                            Runs.policy(),
                            new FollowUp(EventKind.INTERVIEW, LocalDate.of(2026, 10, 1), Role.COUNSELLOR, "attended")))
                    .isInstanceOf(RecordStoreException.class);
            assertThat(store.undetermined(sch1)).isSubsetOf(store.undetermined(Scope.everything()));
        }
    }
}
