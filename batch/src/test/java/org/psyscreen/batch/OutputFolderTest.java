package org.psyscreen.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The output folder contract (issue 12): all-or-nothing publishing of the whole set, nothing stale,
 * one run at a time, never over an input; a run killed with SIGKILL at any step leaves either the
 * previous complete set, this run's complete set, or no folder — never a mix — and the next run
 * cleans up.
 */
class OutputFolderTest {
    @TempDir
    Path dir;

    static final List<String> STEPS = List.of("scoring", "staged", "moved-aside", "switched", "cleaned");

    Path previousInput;
    Path newInput;

    void twoInputs() throws Exception {
        previousInput = BatchFixtures.write(dir, "previous.csv", BatchFixtures.cohort(2_000, 3));
        newInput = BatchFixtures.write(dir, "new.csv", BatchFixtures.cohort(40_000, 4));
    }

    static BatchScorer scorer() {
        return new BatchScorer(
                BatchFixtures.options().toBuilder().overwrite(true).build());
    }

    /** The input SHA-256 of the complete set in {@code out}, after checking it is complete and unmixed. */
    static String completeSet(Path out) throws Exception {
        JsonNode summary = JsonMapper.builder()
                .build()
                .readTree(out.resolve("summary.json").toFile());
        Set<String> listed = new HashSet<>();
        summary.get("outputs").forEach(n -> listed.add(n.asString()));
        Set<String> present = new HashSet<>();
        try (Stream<Path> s = Files.list(out)) {
            s.forEach(p -> present.add(p.getFileName().toString()));
        }
        present.remove(OutputFolder.MARKER);
        assertThat(present).as("exactly the files the summary lists").isEqualTo(listed);
        if (summary.get("scored").asBoolean()) {
            long lines;
            try (Stream<String> l = Files.lines(out.resolve("scores.csv"))) {
                lines = l.count();
            }
            assertThat(lines - 1)
                    .as("scores.csv matches its summary")
                    .isEqualTo(summary.get("recordsOut").asLong());
        }
        return summary.get("inputSha256").asString();
    }

    static String sha(Path p) throws Exception {
        return org.psyscreen.load.DefinitionLoader.sha256(Files.readAllBytes(p));
    }

    List<String> leftovers() throws Exception {
        List<String> names = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(".out.") && !n.equals(".out.lock"))
                    .forEach(names::add);
        }
        return names;
    }

    @Test
    void aRunKilledAtAnyPublishingStepLeavesACompleteSetOrNone() throws Exception {
        twoInputs();
        Path out = dir.resolve("out");
        for (String step : STEPS) {
            OutputFolder.deleteTree(out);
            scorer().run(previousInput, out);
            String previous = completeSet(out);
            Process child = BatchFixtures.scoreInChildJvmPausing(newInput, out, step.equals("scoring") ? "" : step);
            if (step.equals("scoring")) {
                waitForStagedScores(child);
            } else {
                waitFor(child, "AT " + step);
            }
            child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

            if (List.of("scoring", "staged").contains(step)) {
                assertThat(completeSet(out))
                        .as(step + ": the previous set, untouched")
                        .isEqualTo(previous);
            } else if (step.equals("moved-aside")) {
                assertThat(out).as(step + ": no folder, never a mixed one").doesNotExist();
            } else {
                assertThat(completeSet(out)).as(step + ": the new set").isEqualTo(sha(newInput));
            }
            try (Stream<Path> s = Files.list(dir)) {
                assertThat(s.map(p -> p.getFileName().toString()))
                        .as(step + ": only hidden leftovers beside it")
                        .allMatch(n -> n.startsWith(".")
                                || List.of("out", "previous.csv", "new.csv").contains(n));
            }
            RunSummary again = scorer().run(newInput, out);
            assertThat(again.countsMatch()).isTrue();
            assertThat(completeSet(out)).isEqualTo(sha(newInput));
            assertThat(leftovers())
                    .as(step + ": the next run removed every leftover")
                    .isEmpty();
        }
    }

    private void waitForStagedScores(Process child) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (child.isAlive() && System.nanoTime() < deadline) {
            try (Stream<Path> s = Files.list(dir)) {
                if (s.anyMatch(p -> p.getFileName().toString().startsWith(".out.staging-")
                        && Files.exists(p.resolve("scores.csv")))) {
                    return;
                }
            }
            Thread.sleep(2);
        }
        throw new AssertionError("the child never started writing");
    }

    private static void waitFor(Process child, String line) throws Exception {
        BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        for (String l; (l = r.readLine()) != null; ) {
            if (l.equals(line)) {
                return;
            }
        }
        throw new AssertionError("the child ended before '" + line + "'");
    }

    @Test
    void aSecondRunIntoTheSameFolderIsRefusedWhileTheFirstHoldsIt() throws Exception {
        twoInputs();
        Path out = dir.resolve("out");
        Process child = BatchFixtures.scoreInChildJvmPausing(previousInput, out, "staged");
        try {
            waitFor(child, "AT staged");
            assertThatThrownBy(() -> scorer().run(newInput, out))
                    .isInstanceOf(OutputRefusedException.class)
                    .hasMessageContaining("another psyscreen run is writing to");
        } finally {
            child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(scorer().run(newInput, out).countsMatch()).isTrue();
    }

    @Test
    void foldersThatAreNotOursAndInputsInsideTheFolderAreRefused() throws Exception {
        Path in = BatchFixtures.write(dir, "in.csv", BatchFixtures.cohort(50, 1));
        Path notOurs = Files.createDirectories(dir.resolve("photos"));
        Files.writeString(notOurs.resolve("holiday.txt"), "x");
        assertThatThrownBy(() -> scorer().run(in, notOurs))
                .isInstanceOf(OutputRefusedException.class)
                .hasMessageContaining("not written by psyscreen");
        assertThat(notOurs.resolve("holiday.txt")).exists();

        Path out = dir.resolve("out");
        new BatchScorer(BatchFixtures.options()).run(in, out);
        assertThatThrownBy(() -> new BatchScorer(BatchFixtures.options()).run(in, out))
                .as("a previous run is replaced only when asked")
                .hasMessageContaining("--overwrite");

        Path inside = Files.copy(in, out.resolve("scores-input.csv"));
        assertThatThrownBy(() -> scorer().run(inside, out)).hasMessageContaining("inside the output folder");
        assertThat(inside).exists();

        Path file = Files.writeString(dir.resolve("a-file"), "x");
        assertThatThrownBy(() -> scorer().run(in, file)).hasMessageContaining("is a file");
    }

    @Test
    void aRefusedFileLeavesNoEarlierScoresAndAFailedRunLeavesNoStagedData() throws Exception {
        Path good = BatchFixtures.write(dir, "good.csv", BatchFixtures.cohort(50, 1));
        Path out = dir.resolve("out");
        scorer().run(good, out);
        Path empty = Files.writeString(dir.resolve("empty.csv"), "");
        RunSummary s = scorer().run(empty, out);
        assertThat(s.scored()).isFalse();
        try (Stream<Path> f = Files.list(out)) {
            assertThat(f.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("summary.json", OutputFolder.MARKER);
        }
        ResultSink failing = new ResultSink() {
            @Override
            public void open(Start start) {}

            @Override
            public void accept(ResultRow row) {}

            @Override
            public java.util.List<String> finish(RunSummary summary) throws java.io.IOException {
                throw new java.io.IOException("disk full");
            }
        };
        assertThatThrownBy(() -> scorer().run(ResponseFile.of(good), out, java.util.List.of(failing)))
                .hasMessage("disk full");
        assertThat(leftovers()).as("the staging folder (ids, scores) is gone").isEmpty();
        assertThat(completeSet(out)).as("the earlier set stands").isEqualTo(sha(empty));
    }
}
