package org.psyscreen.batch;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.psyscreen.cohort.SyntheticCohort;
import org.psyscreen.load.Bundle;
import org.psyscreen.plan.ScoringPlan;
import org.psyscreen.tier.CutoffPolicy;

/**
 * The SYNTHETIC cohort the batch's stage benchmarks read ({@link ChunkBenchmark}, {@link
 * CsvDecodeBenchmark}): wave 1 of the project's one generator for a bundled policy's instruments, with
 * its awkward records. The same seed gives the same file.
 */
final class StageCohort {
    /** The bundled instruments, norm tables and policies. */
    static final Bundle BUNDLE = Bundle.classPath(StageCohort.class.getClassLoader());

    final CutoffPolicy policy;
    final Map<String, ScoringPlan> plans;
    private final int students;
    private final long seed;

    StageCohort(String policyId, int students, long seed) {
        this.policy = BUNDLE.policy(policyId).orElseThrow();
        this.plans = BUNDLE.plansFor(policy);
        this.students = students;
        this.seed = seed;
    }

    /** Writes the cohort as CSV to {@code file} and returns it. */
    Path write(Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            SyntheticCohort.write(w, plans, students, seed, 1, SyntheticCohort.Hierarchy.SMALL);
        }
        return file;
    }
}
