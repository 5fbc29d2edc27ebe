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
import org.psyscreen.screening.Screener;
import org.psyscreen.screening.ScreeningResult;
import org.psyscreen.screening.StudentInput;

/**
 * The public per-student entry, as an embedder calls it: raw text in (fields and every answer of
 * every instrument of the policy), a screened student out — answers normalised, forms scored, norms
 * looked up once, the tier decided. Cycles through 4,096 seeded students; one operation is one
 * student. Only the public API is used.
 *
 * <pre>
 * ./mvnw -q -B install -DskipTests
 * java -jar benchmarks/target/benchmarks.jar ScreenerBenchmark -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ScreenerBenchmark {
    static final int STUDENTS = 4096;

    @Param({"example-a-glad-pc", "example-b-cn-cutoffs"})
    public String policyId;

    BenchmarkCohort cohort;
    Screener screener;
    StudentInput input;
    int next;

    @Setup(Level.Trial)
    public void setUp() {
        cohort = new BenchmarkCohort(policyId, STUDENTS, 5L);
        screener = cohort.screener();
        input = screener.newInput();
    }

    @Benchmark
    public ScreeningResult screen() {
        return cohort.fill(screener, input, next++ & (STUDENTS - 1)).screen();
    }
}
