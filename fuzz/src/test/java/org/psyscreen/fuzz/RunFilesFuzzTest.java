package org.psyscreen.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.psyscreen.batch.BatchOptions;
import org.psyscreen.batch.BatchScorer;
import org.psyscreen.load.Bundle;
import org.psyscreen.privacy.Pseudonymizer;
import org.psyscreen.records.RecordStore;
import org.psyscreen.records.RecordStoreException;
import org.psyscreen.records.Scope;
import org.psyscreen.records.Wave;
import org.psyscreen.tier.CutoffPolicy;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A run's files read back by the records store: a real run's {@code summary.json} beside a fuzzed
 * {@code scores.jsonl} (its record count made to match). Any bytes are imported or refused with a
 * {@link RecordStoreException} that names no value, never another exception, and a refused import
 * leaves the store as it was.
 */
class RunFilesFuzzTest {
    private static final Bundle BUNDLE = Bundle.classPath(RunFilesFuzzTest.class.getClassLoader());
    private static final Path HOME;
    private static final ObjectNode SUMMARY;
    private static final RecordStore STORE;

    static {
        try {
            HOME = Files.createTempDirectory("psyscreen-fuzz-run");
            CutoffPolicy policy = BUNDLE.policy("example-a-glad-pc").orElseThrow();
            byte[] key = new byte[32];
            for (int i = 0; i < key.length; i++) {
                key[i] = (byte) (i * 37 + 11);
            }
            List<String> lines = Files.readAllLines(Path.of("../examples/demo/cohort.csv"), StandardCharsets.UTF_8);
            Path cohort = Files.write(HOME.resolve("cohort.csv"), lines.subList(0, 21), StandardCharsets.UTF_8);
            new BatchScorer(BatchOptions.builder(BUNDLE.plansFor(policy), policy)
                            .norms(BUNDLE.norms())
                            .pseudonymizer(Pseudonymizer.of(key))
                            .build())
                    .run(cohort, HOME.resolve("run"));
            SUMMARY = (ObjectNode) JsonMapper.builder()
                    .build()
                    .readTree(HOME.resolve("run/summary.json").toFile());
            STORE = RecordStore.open(HOME.resolve("store.db").toString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @FuzzTest(maxDuration = "20s")
    void anyAuditTrailIsImportedOrRefused(byte[] input) throws IOException {
        Path run = Files.createTempDirectory(HOME, "run");
        try {
            long lines = new String(input, StandardCharsets.UTF_8)
                    .lines()
                    .filter(l -> !l.isEmpty())
                    .count();
            ObjectNode summary = SUMMARY.deepCopy();
            summary.put("recordsOut", lines);
            summary.put("inputSha256", Integer.toHexString(java.util.Arrays.hashCode(input)) + "0".repeat(56));
            Files.writeString(run.resolve("summary.json"), summary.toString());
            Files.write(run.resolve("scores.jsonl"), input);
            long before = STORE.warnings(Scope.everything()).size();
            try {
                STORE.importRun(run, Wave.named("fuzz"), BUNDLE, n -> {});
            } catch (RecordStoreException e) {
                Leaks.assertNotEchoed(input, e.getMessage());
                assertThat(STORE.warnings(Scope.everything())).hasSize((int) before);
            }
        } finally {
            try (var tree = Files.walk(run)) {
                for (Path p : tree.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
