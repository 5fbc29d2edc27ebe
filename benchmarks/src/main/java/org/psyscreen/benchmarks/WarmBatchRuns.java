package org.psyscreen.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.psyscreen.batch.BatchOptions;
import org.psyscreen.batch.BatchScorer;
import org.psyscreen.batch.RunSummary;
import org.psyscreen.tier.CutoffPolicy;

/**
 * One file scored again and again in one JVM, as a Java system that embeds psyscreen scores a
 * region's schools one file after another: the first run pays for start-up and the JIT's warm-up,
 * the later ones show the batch's steady speed. Prints each run's wall time and records per second.
 * Outputs as {@code psyscreen score --outputs csv,rollup}.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.psyscreen.benchmarks.WarmBatchRuns FILE POLICY [RUNS] [THREADS] [AUDIT]
 * </pre>
 */
public final class WarmBatchRuns {
    private WarmBatchRuns() {}

    public static void main(String[] args) throws Exception {
        Path input = Path.of(args[0]);
        CutoffPolicy policy = BenchmarkCohort.BUNDLE.policy(args[1]).orElseThrow();
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        boolean audit = args.length > 4 && Boolean.parseBoolean(args[4]);
        BatchOptions options = BatchOptions.builder(BenchmarkCohort.BUNDLE.plansFor(policy), policy)
                .norms(BenchmarkCohort.BUNDLE.norms())
                .policyVersions(BenchmarkCohort.BUNDLE.policyVersions(policy.id()))
                .threads(threads)
                .outputs(new BatchOptions.Outputs(audit, true))
                .overwrite(true)
                .build();
        Path out = Files.createTempDirectory("psyscreen-warm").resolve("out");
        for (int r = 1; r <= runs; r++) {
            long t0 = System.nanoTime();
            RunSummary s = new BatchScorer(options).run(input, out);
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (!s.scored() || !s.countsMatch()) {
                throw new IllegalStateException("the run did not score every record: " + s.fileProblems());
            }
            System.out.printf(
                    Locale.ROOT,
                    "run %d: %d records in %.2f s, %.0f records/s%n",
                    r,
                    s.recordsOut(),
                    seconds,
                    s.recordsOut() / seconds);
        }
    }
}
