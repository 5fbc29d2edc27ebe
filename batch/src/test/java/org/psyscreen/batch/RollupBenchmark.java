package org.psyscreen.batch;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.SplittableRandom;
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
import org.psyscreen.privacy.SmallCellSuppressor;

/**
 * The roll-up at fixed rows (200,000 students) and a growing hierarchy: counting every student into
 * its class, then suppressing and writing {@code rollup.csv}. With cost linear in the cells the time
 * per operation grows with {@code schools}, not with schools x classes. One operation is one
 * whole roll-up.
 *
 * <pre>
 * benchmarks/e2e/stages.sh RollupBenchmark -wi 1 -i 3 -f 1
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
public class RollupBenchmark {
    static final int STUDENTS = 200_000;
    static final List<String> COLUMNS = List.of("t1", "t2", "t3", "none");

    /** Schools; each has 9 grades of 12 classes (108 classes a school). */
    @Param({"2", "20", "200"})
    public int schools;

    String[] school;
    String[] grade;
    String[] klass;
    int[] outcome;

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom r = new SplittableRandom(17);
        school = new String[STUDENTS];
        grade = new String[STUDENTS];
        klass = new String[STUDENTS];
        outcome = new int[STUDENTS];
        for (int s = 0; s < STUDENTS; s++) {
            school[s] = "SCH" + r.nextInt(schools);
            grade[s] = Integer.toString(4 + r.nextInt(9));
            klass[s] = grade[s] + "-" + r.nextInt(12);
            double u = r.nextDouble();
            outcome[s] = u < 0.02 ? 0 : u < 0.08 ? 1 : u < 0.25 ? 2 : 3;
        }
    }

    @Benchmark
    public String rollup() throws IOException {
        Rollups r = new Rollups(COLUMNS);
        for (int s = 0; s < STUDENTS; s++) {
            r.add("R1", school[s], grade[s], klass[s], outcome[s]);
        }
        StringWriter w = new StringWriter();
        r.write(w, SmallCellSuppressor.DEFAULT_K);
        return w.toString();
    }
}
