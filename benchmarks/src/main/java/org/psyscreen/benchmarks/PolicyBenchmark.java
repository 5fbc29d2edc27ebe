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
import org.psyscreen.tier.CutoffPolicy;
import org.psyscreen.tier.Policies;
import org.psyscreen.tier.Screening;
import org.psyscreen.tier.TierDecision;

/**
 * Policy evaluation: one student's scored forms (and the norm tables the policy reads) to a tier
 * decision with every fired rule and what it read, cycling through 4,096 seeded students. One
 * operation is one decision.
 *
 * <pre>
 * ./mvnw -q -B install -DskipTests
 * java -jar benchmarks/target/benchmarks.jar PolicyBenchmark -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PolicyBenchmark {
    static final int STUDENTS = 4096;

    @Param({"example-a-glad-pc", "example-b-cn-cutoffs"})
    public String policyId;

    CutoffPolicy policy;
    Screening[] screenings;
    int next;

    @Setup(Level.Trial)
    public void setUp() {
        BenchmarkCohort cohort = new BenchmarkCohort(policyId, STUDENTS, 5L);
        policy = cohort.policy;
        screenings = new Screening[STUDENTS];
        for (int s = 0; s < STUDENTS; s++) {
            screenings[s] = cohort.screening(s);
        }
    }

    @Benchmark
    public TierDecision decide() {
        return Policies.decide(policy, screenings[next++ & (STUDENTS - 1)]);
    }
}
