package org.psyscreen.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.psyscreen.norm.NormResult;
import org.psyscreen.norm.NormTable;
import org.psyscreen.score.ScoredResponse;
import org.psyscreen.student.StudentProfile;

/**
 * Norm lookup: one scored form and one student profile to T-score and percentile (or NO_NORM and
 * why), cycling through 4,096 seeded students. {@code scared-total-cn-sex} is a lookup table by
 * sex (rows as printed); {@code synthetic-demo-phq9-grade-sex} a parametric table by grade band and
 * sex (mean/SD, normal percentile). One operation is one lookup.
 *
 * <pre>
 * ./mvnw -q -B install -DskipTests
 * java -jar benchmarks/target/benchmarks.jar NormLookupBenchmark -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class NormLookupBenchmark {
    static final int STUDENTS = 4096;

    @Param({"scared-total-cn-sex", "synthetic-demo-phq9-grade-sex"})
    public String table;

    NormTable norm;
    ScoredResponse[] forms;
    StudentProfile[] profiles;
    int next;

    @Setup(Level.Trial)
    public void setUp() {
        norm = BenchmarkCohort.BUNDLE.norms().get(table);
        String instrument = norm.definition().instrumentId();
        // the first bundled policy that screens with the table's instrument gives the cohort
        String policy = BenchmarkCohort.BUNDLE.policyIds().stream()
                .filter(p -> BenchmarkCohort.BUNDLE
                        .policy(p)
                        .orElseThrow()
                        .instruments()
                        .contains(instrument))
                .findFirst()
                .orElseThrow();
        BenchmarkCohort cohort = new BenchmarkCohort(policy, STUDENTS, 3L);
        forms = new ScoredResponse[STUDENTS];
        profiles = new StudentProfile[STUDENTS];
        for (int s = 0; s < STUDENTS; s++) {
            forms[s] = cohort.screening(s).form(instrument).orElseThrow();
            profiles[s] = cohort.profile(s);
        }
    }

    @Benchmark
    public NormResult lookup() {
        int i = next++ & (STUDENTS - 1);
        return norm.lookup(forms[i], profiles[i]);
    }
}
