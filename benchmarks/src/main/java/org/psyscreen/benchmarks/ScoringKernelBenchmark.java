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
import org.psyscreen.load.InstrumentCatalog;
import org.psyscreen.plan.PlanCompiler;
import org.psyscreen.plan.ScoringPlan;
import org.psyscreen.score.ResponseRow;
import org.psyscreen.score.ScoredResponse;

/**
 * Throughput of the scoring kernel per compiled plan, one form per operation, cycling through 4,096
 * seeded synthetic forms. Run with the GC profiler to see allocation per form (the result object
 * and its arrays; nothing else):
 *
 * <pre>
 * ./mvnw -q -B install -DskipTests
 * java -jar benchmarks/target/benchmarks.jar ScoringKernelBenchmark -prof gc
 * </pre>
 *
 * <p>Compare plans by the ratio of their scores in one run, never by absolute numbers across runs.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ScoringKernelBenchmark {
    static final int FORMS = 4096;

    @Param({"phq9", "phqa", "gad7", "scared", "cesd"})
    public String instrument;

    ScoringPlan plan;
    ResponseRow[] rows;
    ResponseRow complete;
    int next;

    @Setup(Level.Trial)
    public void setUp() {
        var entry = InstrumentCatalog.fromClassPath(ScoringKernelBenchmark.class.getClassLoader())
                .find(instrument)
                .orElseThrow();
        var loaded = entry.load();
        plan = PlanCompiler.compile(loaded.orThrow(), loaded.sha256());
        String[][] forms = org.psyscreen.cohort.SyntheticCohort.forms(plan, FORMS, 42L);
        rows = new ResponseRow[FORMS];
        for (int r = 0; r < FORMS; r++) {
            rows[r] = ResponseRow.of(forms[r]);
        }
        String[] lowest = new String[plan.itemCount()];
        for (int i = 0; i < lowest.length; i++) {
            var d = plan.definition();
            lowest[i] = d.responseSet(d.items().get(i).responses())
                    .orElseThrow()
                    .codes()
                    .get(0)
                    .code();
        }
        complete = ResponseRow.of(lowest);
    }

    /** Scores the next form. */
    @Benchmark
    public ScoredResponse score() {
        ResponseRow row = rows[next];
        next = (next + 1) & (FORMS - 1);
        return plan.score(row);
    }

    /**
     * Scores one complete form with every item at its lowest code: the allocation floor, which is
     * the result object and its arrays and nothing else.
     */
    @Benchmark
    public ScoredResponse scoreCompleteForm() {
        return plan.score(complete);
    }
}
