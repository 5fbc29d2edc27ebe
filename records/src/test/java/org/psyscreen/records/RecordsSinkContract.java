package org.psyscreen.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psyscreen.batch.ResponseFile;
import org.psyscreen.batch.ResultRow;
import org.psyscreen.batch.ResultSink;
import org.psyscreen.batch.RunSummary;
import org.psyscreen.privacy.Pseudonymizer;

/**
 * A run imported while it is scored ({@link RecordStore#importing}) on either database: the store
 * ends as a scored folder imported afterwards leaves it, and a run that is not published, or that
 * the store refuses, leaves the store as it was. {@link RecordsSinkOnSqliteTest} and
 * {@link RecordsSinkOnPostgresTest} run it.
 */
abstract class RecordsSinkContract {
    @TempDir
    static Path dir;

    static Path cohort;
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC);

    @BeforeAll
    static void write() throws Exception {
        cohort = Runs.cohort(dir, 2000, 1, Runs.policy());
    }

    /** The location of a new, empty store. */
    abstract String location(String name);

    private RecordStore fresh(String name) {
        return RecordStore.open(location(name), CLOCK);
    }

    private static RunSummary score(Path out, ResultSink... sinks) throws IOException {
        return Runs.scorer(Runs.PSEUDONYMS, Runs.policy()).run(ResponseFile.of(cohort), out, List.of(sinks));
    }

    @Test
    void aRunImportedWhileScoredEqualsItsFolderImportedAfterwards() throws Exception {
        Path out = dir.resolve("together");
        try (RecordStore together = fresh("together.db");
                RecordStore apart = fresh("apart.db")) {
            RecordsSink sink = together.importing(Wave.named("2026-autumn"), Runs.BUNDLE);
            RunSummary s = score(out, sink);
            ImportResult afterwards = apart.importRun(out, Wave.named("2026-autumn"), Runs.BUNDLE, x -> {});

            assertThat(sink.result()).contains(afterwards);
            assertThat(afterwards.recordsIn()).isEqualTo(s.recordsOut()).isEqualTo(2000);
            assertThat(together.waves()).isEqualTo(apart.waves());
            List<WarningCase> cases = together.warnings(Scope.everything());
            assertThat(cases).isNotEmpty().isEqualTo(apart.warnings(Scope.everything()));
            for (WarningCase c : cases.subList(0, 20)) {
                assertThat(together.history(Scope.everything(), c.token()))
                        .isEqualTo(apart.history(Scope.everything(), c.token()));
            }

            // The same input again into the same wave adds nothing, as a folder import does.
            RecordsSink again = together.importing(Wave.named("2026-autumn"), Runs.BUNDLE);
            score(dir.resolve("again"), again);
            assertThat(again.result())
                    .hasValueSatisfying(r -> assertThat(r.alreadyImported()).isTrue());
            assertThat(together.warnings(Scope.everything())).isEqualTo(cases);
        }
    }

    @Test
    void aRunThatFailsBeforeItIsPublishedLeavesTheStoreAsItWas() throws Exception {
        Path out = dir.resolve("failed");
        try (RecordStore store = fresh("failed.db")) {
            RecordsSink sink = store.importing(Wave.named("2026-autumn"), Runs.BUNDLE);
            ResultSink breaksAtTheEnd = new Recording() {
                @Override
                public List<String> finish(RunSummary summary) throws IOException {
                    throw new IOException("the disk is full");
                }
            };
            assertThatThrownBy(() -> score(out, sink, breaksAtTheEnd)).hasMessageContaining("the disk is full");
            assertThat(Files.exists(out.resolve("summary.json"))).isFalse();
            assertThat(sink.result()).isEmpty();
            assertThat(store.waves()).isEmpty();
            assertThat(store.warnings(Scope.everything())).isEmpty();

            // the store is usable afterwards: the same run, published, lands whole
            RecordsSink next = store.importing(Wave.named("2026-autumn"), Runs.BUNDLE);
            score(out, next);
            assertThat(next.result())
                    .hasValueSatisfying(
                            r -> assertThat(r.stored() + r.withoutId()).isEqualTo(2000));
        }
    }

    @Test
    void aRunTheStoreWouldRefuseIsRefusedBeforeItIsScored() throws Exception {
        try (RecordStore store = fresh("other-key.db")) {
            RecordsSink first = store.importing(Wave.named("2026-autumn"), Runs.BUNDLE);
            score(dir.resolve("first"), first);
            int cases = store.warnings(Scope.everything()).size();

            Recording after = new Recording();
            RecordsSink otherKey = store.importing(Wave.named("2027-spring"), Runs.BUNDLE);
            Path out = dir.resolve("other-key");
            byte[] key = new byte[32];
            assertThatThrownBy(() -> Runs.scorer(Pseudonymizer.of(key), Runs.policy())
                            .run(ResponseFile.of(cohort), out, List.of(otherKey, after)))
                    .isInstanceOf(RecordStoreException.class)
                    .hasMessageContaining("key");
            assertThat(after.accepted).isZero();
            assertThat(after.abandoned).isTrue();
            assertThat(Files.exists(out.resolve("summary.json"))).isFalse();
            assertThat(store.waves()).containsExactly("2026-autumn");
            assertThat(store.warnings(Scope.everything())).hasSize(cases);
        }
    }

    @Test
    void whileARunIsImportedOtherThreadsWaitAndTheScoringThreadIsRefused() throws Exception {
        try (RecordStore store = fresh("busy.db")) {
            RecordsSink sink = store.importing(Wave.named("2026-autumn"), Runs.BUNDLE);
            AtomicReference<Throwable> onScoringThread = new AtomicReference<>();
            AtomicReference<CompletableFuture<List<String>>> elsewhere = new AtomicReference<>();
            List<Boolean> doneBeforeFinish = new ArrayList<>();
            Recording probe = new Recording() {
                @Override
                public void accept(ResultRow row) {
                    if (accepted++ == 0) {
                        try {
                            store.waves();
                        } catch (RecordStoreException e) {
                            onScoringThread.set(e);
                        }
                        elsewhere.set(CompletableFuture.supplyAsync(store::waves));
                    }
                }

                @Override
                public List<String> finish(RunSummary summary) {
                    doneBeforeFinish.add(elsewhere.get().isDone());
                    return List.of();
                }
            };
            score(dir.resolve("busy"), sink, probe);
            assertThat(onScoringThread.get())
                    .isInstanceOf(RecordStoreException.class)
                    .hasMessageContaining("being imported");
            assertThat(doneBeforeFinish).containsExactly(false);
            // the other thread saw the store only once the import was committed: the whole wave
            assertThat(elsewhere.get().get()).containsExactly("2026-autumn");
        }
    }

    /** A sink that counts what it is given. */
    static class Recording implements ResultSink {
        int accepted;
        boolean abandoned;

        @Override
        public void open(Start start) {}

        @Override
        public void accept(ResultRow row) {
            accepted++;
        }

        @Override
        public List<String> finish(RunSummary summary) throws IOException {
            return List.of();
        }

        @Override
        public void abandon() {
            abandoned = true;
        }
    }
}
