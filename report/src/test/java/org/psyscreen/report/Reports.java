package org.psyscreen.report;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.psyscreen.batch.BatchOptions;
import org.psyscreen.batch.BatchScorer;
import org.psyscreen.cohort.SyntheticCohort;
import org.psyscreen.cohort.SyntheticRosters;
import org.psyscreen.load.Bundle;
import org.psyscreen.privacy.Pseudonymizer;
import org.psyscreen.records.RecordStore;
import org.psyscreen.records.Roster;
import org.psyscreen.records.Wave;
import org.psyscreen.tier.CutoffPolicy;

/**
 * Two waves of the SYNTHETIC demo cohort, scored with a test key and imported into a records file,
 * with every school's SYNTHETIC roster for the second.
 */
final class Reports {
    static final Bundle BUNDLE = Bundle.classPath(Reports.class.getClassLoader());
    static final CutoffPolicy POLICY = BUNDLE.policy("example-a-glad-pc").orElseThrow();
    static final Pseudonymizer KEYS = Pseudonymizer.of(
            HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"));

    private Reports() {}

    /** Scores waves 1 and 2 into {@code dir/wave1}, {@code dir/wave2} and imports both into {@code dir/school.db}. */
    static Path twoWaves(Path dir) throws Exception {
        var plans = BUNDLE.plansFor(POLICY);
        List<Path> runs = new ArrayList<>();
        for (int wave = 1; wave <= 2; wave++) {
            Path csv = dir.resolve("wave" + wave + ".csv");
            try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
                SyntheticCohort.write(w, plans, 2000, 20261123L, wave);
            }
            Path out = dir.resolve("wave" + wave);
            new BatchScorer(BatchOptions.builder(plans, POLICY)
                            .norms(BUNDLE.norms())
                            .policyVersions(List.of(POLICY))
                            .pseudonymizer(KEYS)
                            .overwrite(true)
                            .build())
                    .run(csv, out);
            runs.add(out);
        }
        try (RecordStore store = RecordStore.open(dir.resolve("school.db").toString())) {
            store.importRun(runs.get(0), Wave.named("2026-autumn"), BUNDLE, n -> {});
            store.importRun(runs.get(1), Wave.named("2027-spring"), BUNDLE, n -> {});
            for (var roster : SyntheticRosters.write(plans, 2000, 20261123L, 2, SyntheticCohort.Hierarchy.SMALL, dir)
                    .entrySet()) {
                store.importRoster(
                        Wave.named("2027-spring"), Roster.read(roster.getValue(), KEYS, "", roster.getKey()));
            }
        }
        return dir;
    }
}
