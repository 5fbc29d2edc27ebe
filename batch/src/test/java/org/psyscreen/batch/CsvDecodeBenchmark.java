package org.psyscreen.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.psyscreen.diagnostic.Problem;

/**
 * CSV decode to rows: a 20,000-student response file (policy A's 61 item columns, ~3% blanks)
 * read from the page cache into every record's fields, by FastCSV or by the plain-file fast path
 * ({@code PlainCsv}). One operation is one record (time per record, ns). The library's reading thread
 * does only the line cutting of the fast path; the field cutting runs on the scoring threads.
 *
 * <pre>
 * benchmarks/e2e/stages.sh CsvDecodeBenchmark -prof gc
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CsvDecodeBenchmark {
    static final int STUDENTS = 20_000;

    @Param({"fastcsv", "plain"})
    public String reader;

    Path file;
    ResponseFileScan.Bytes bytes;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        file = Files.createTempFile("psyscreen-decode", ".csv");
        new StageCohort("example-a-glad-pc", STUDENTS, 7L).write(file);
        List<Problem> problems = new ArrayList<>();
        bytes = ResponseFileScan.bytes(file, "cohort.csv", problems);
        if (!problems.isEmpty() || !bytes.plain()) {
            throw new IllegalStateException("the benchmark cohort must be a plain CSV");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        Files.deleteIfExists(file);
    }

    /** Reads every record's fields; returns the total length of all fields (so nothing is dead code). */
    @Benchmark
    @OperationsPerInvocation(STUDENTS)
    public long decode() throws IOException {
        long chars = 0;
        try (RecordSource source = open()) {
            source.header();
            for (RecordBlock b; (b = source.next(2048)) != null; ) {
                for (int i = 0; i < b.size(); i++) {
                    for (String f : b.fields(i)) {
                        chars += f.length();
                    }
                }
            }
        }
        return chars;
    }

    RecordSource open() throws IOException {
        return reader.equals("plain")
                ? new PlainCsv(file, bytes.bomLength())
                : new RecordSource.FastCsv(ResponseFileScan.csv(ResponseFileScan.reader(file, bytes)));
    }
}
