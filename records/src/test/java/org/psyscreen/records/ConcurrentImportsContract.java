package org.psyscreen.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two imports at once, and an import killed with SIGKILL, on either database: nothing lost, nothing
 * half-written. {@link ConcurrentImportsOnSqliteTest} and {@link ConcurrentImportsOnPostgresTest} run it.
 */
abstract class ConcurrentImportsContract {
    @TempDir
    Path dir;

    /** The location of a new, empty store. */
    abstract String location(String name);

    @Test
    void twoImportsAtOnceBothLandWhole() throws Exception {
        Path a = Runs.scored(dir, 1500, 1);
        Path b = Runs.scored(dir, 1500, 2);
        String db = location("both.db");
        RecordStore.open(db).close();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Callable<ImportResult>> jobs = List.of(
                    () -> importInOwnStore(db, a, "w1"),
                    () -> importInOwnStore(db, b, "w2"),
                    () -> importInOwnStore(db, a, "w1"));
            List<ImportResult> results = new ArrayList<>();
            for (Future<ImportResult> f : pool.invokeAll(jobs)) {
                results.add(f.get());
            }
            assertThat(results.stream().filter(ImportResult::alreadyImported)).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        try (RecordStore store = RecordStore.open(db)) {
            assertThat(store.waves()).containsExactlyInAnyOrder("w1", "w2");
            WaveChanges c = store.changes(Scope.everything(), "w1", "w2");
            assertThat(c.seenBefore()).isEqualTo(1499); // 1,500 records, one id written twice
            assertThat(c.students().size() + c.missingTokens().size()).isEqualTo(1499);
        }
    }

    private static ImportResult importInOwnStore(String db, Path run, String wave) {
        try (RecordStore store = RecordStore.open(db)) {
            return store.importRun(run, Wave.named(wave), Runs.BUNDLE, x -> {});
        }
    }

    @Test
    @Tag("heavy")
    void anImportKilledMidwayLeavesTheStoreAsItWas() throws Exception {
        Path first = Runs.scored(dir, 300, 1);
        Path big = Runs.scored(dir, 25_000, 2);
        String db = location("killed.db");
        try (RecordStore store = RecordStore.open(db)) {
            store.importRun(first, Wave.named("w1"), Runs.BUNDLE, x -> {});
        }
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        ImportChild.class.getName(),
                        db,
                        big.toString(),
                        "w2")
                .redirectErrorStream(true)
                .start();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("READ ")) {
                // Start-up output, if any.
            }
            assertThat(line).as("the child got half-way through its import").isEqualTo("READ 10000");
        }
        child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        try (RecordStore store = RecordStore.open(db)) {
            assertThat(store.waves()).containsExactly("w1");
            assertThat(store.history(Scope.everything(), Runs.token("G4401000001"))
                            .screenings())
                    .hasSize(1);
            ImportResult again = store.importRun(big, Wave.named("w2"), Runs.BUNDLE, x -> {});
            assertThat(again.alreadyImported())
                    .as("the killed import left no trace")
                    .isFalse();
            assertThat(again.stored() + again.withoutId()).isEqualTo(again.recordsIn());
        }
    }
}
