package org.psyscreen.records;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.psyscreen.batch.BatchOptions;
import org.psyscreen.batch.BatchScorer;
import org.psyscreen.cohort.SyntheticCohort;
import org.psyscreen.load.Bundle;
import org.psyscreen.privacy.Pseudonymizer;
import org.psyscreen.tier.CutoffPolicy;

/**
 * Scored runs for the store's tests: waves of the SYNTHETIC demo cohort ({@link SyntheticCohort}),
 * scored by the real batch scorer under the example policy A with a fixed test key.
 */
final class Runs {
    static final Bundle BUNDLE = Bundle.classPath(Runs.class.getClassLoader());
    static final String POLICY = "example-a-glad-pc";
    /** A test key (not secret: the cohort is synthetic). */
    static final byte[] KEY =
            HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

    static final Pseudonymizer PSEUDONYMS = Pseudonymizer.of(KEY);

    private Runs() {}

    /** Writes wave {@code wave} of an {@code n}-student cohort and scores it into {@code dir/run-wave}. */
    static Path scored(Path dir, int n, int wave) throws Exception {
        return scored(dir, n, wave, PSEUDONYMS, policy());
    }

    static Path scored(Path dir, int n, int wave, Pseudonymizer keys, CutoffPolicy policy) throws Exception {
        Path csv = cohort(dir, n, wave, policy);
        Path out = dir.resolve("run-" + n + "-wave" + wave + "-" + policy.version() + (keys == null ? "-nokey" : ""));
        scorer(keys, policy).run(csv, out);
        return out;
    }

    /** Writes wave {@code wave} of an {@code n}-student cohort (once) and returns its file. */
    static Path cohort(Path dir, int n, int wave, CutoffPolicy policy) throws Exception {
        Files.createDirectories(dir);
        Path csv = dir.resolve("cohort-" + n + "-wave" + wave + ".csv");
        if (!Files.exists(csv)) {
            try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
                SyntheticCohort.write(w, BUNDLE.plansFor(policy), n, 20261123L, wave);
            }
        }
        return csv;
    }

    /** The batch scorer of the store's tests: {@code policy}, the bundle's norms, the key (or none). */
    static BatchScorer scorer(Pseudonymizer keys, CutoffPolicy policy) {
        BatchOptions options = BatchOptions.builder(BUNDLE.plansFor(policy), policy)
                .norms(BUNDLE.norms())
                .policyVersions(List.of(policy))
                .overwrite(true)
                .build();
        if (keys != null) {
            options = options.toBuilder().pseudonymizer(keys).build();
        }
        return new BatchScorer(options);
    }

    /** A student on SCH3's roster who was never screened (SYNTHETIC). */
    static final String UNSCREENED = "R9000001";

    /** SCH3's roster of two: {@link #UNSCREENED} and one screened student (SYNTHETIC). */
    static Path smallRoster(Path dir) throws Exception {
        return Files.writeString(
                dir.resolve("roster.csv"),
                "student_id,grade,class\n" + UNSCREENED + ",7,7-1\nG4401000001,9,9-1\n",
                StandardCharsets.UTF_8);
    }

    static CutoffPolicy policy() {
        return BUNDLE.policy(POLICY).orElseThrow();
    }

    /** The token of a synthetic student id under the test key. */
    static String token(String id) {
        return PSEUDONYMS.token(id);
    }
}
