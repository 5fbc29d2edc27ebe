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
import org.openjdk.jmh.annotations.Warmup;

/**
 * What one scoring thread does per record of a batch, by stage, on a chunk of 2,048 students of
 * policy A (PHQ-A, GAD-7, SCARED; four SCARED norm tables): {@code score} = cut and decode the fields,
 * read demographics, score three forms, look up four norms, decide the tier; {@code encode} = write
 * the {@code scores.csv} and {@code scores.jsonl} lines of already scored records; {@code chunk} =
 * both, exactly as the batch runs it. One operation is one record (ns). {@code cohort=wide} is the
 * same students as a wide platform export ({@link StageCohort#wide}: CES-D as well, 87 columns renamed
 * by a mapping, no test date), the shape that costs most per record. {@code outputs=lean} runs as
 * {@code --outputs csv,rollup} does (no {@code scores.jsonl}), the configuration issue 29's targets name.
 *
 * <pre>
 * benchmarks/e2e/stages.sh ChunkBenchmark -prof gc
 * benchmarks/e2e/stages.sh "ChunkBenchmark.chunk" -p cohort=wide -p outputs=lean -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ChunkBenchmark {
    static final int RECORDS = 2048;

    /** {@code narrow}: the policy's own instruments and column names; {@code wide}: a platform's export. */
    @Param({"narrow", "wide"})
    public String cohort = "narrow";

    /** {@code all}: with the audit trail ({@code scores.jsonl}); {@code lean}: {@code --outputs csv,rollup}. */
    @Param({"all", "lean"})
    public String outputs = "all";

    BatchScorer scorer;
    ColumnLayout layout;
    DuplicateIds ids;
    RecordBlock block;
    List<RowOutcome> scored;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        StageCohort cohort = cohort(this.cohort);
        Path file = cohort.write(Files.createTempFile("psyscreen-chunk", ".csv"));
        try {
            BatchOptions options = options(cohort, outputs.equals("lean"));
            scorer = new BatchScorer(options);
            // the run's own checking pass: the layout, and the ids the cohort holds twice
            FileCheck.Checked c = new FileCheck(cohort.plans, options.mapping()).check(ResponseFile.of(file), false);
            if (c.problems().hasErrors()) {
                throw new IllegalStateException("the benchmark cohort must load cleanly");
            }
            layout = c.layout();
            ids = c.duplicated();
            try (RecordSource source = RecordSource.open(ResponseFile.of(file), c.bytes())) {
                source.header();
                block = source.next(RECORDS);
            }
            if (block.size() != RECORDS) {
                throw new IllegalStateException("the benchmark cohort must load cleanly");
            }
        } finally {
            Files.deleteIfExists(file);
        }
        scored = score();
    }

    static StageCohort cohort(String shape) {
        return shape.equals("wide")
                ? StageCohort.wide("example-a-glad-pc", RECORDS, 11L)
                : new StageCohort("example-a-glad-pc", RECORDS, 11L);
    }

    static BatchOptions options(StageCohort cohort) {
        return options(cohort, false);
    }

    static BatchOptions options(StageCohort cohort, boolean lean) {
        return BatchOptions.builder(cohort.plans, cohort.policy)
                .norms(StageCohort.BUNDLE.norms())
                .mapping(cohort.mapping)
                .outputs(lean ? new BatchOptions.Outputs(false, true) : BatchOptions.Outputs.ALL)
                .build();
    }

    /** Decode, score, norms and tier for every record of the chunk. */
    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public List<RowOutcome> score() {
        List<RowOutcome> out = new ArrayList<>(RECORDS);
        var input = scorer.screener().newInput();
        for (int i = 0; i < RECORDS; i++) {
            out.add(scorer.row(layout, ids, input, i + 1, block.line(i), block.fields(i)));
        }
        return out;
    }

    /** The output lines of already scored records. */
    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public ScoringPass.Encoder encode() {
        ScoringPass.Encoder e = scorer.newEncoder();
        scored.forEach(e::add);
        e.finish();
        return e;
    }

    /** Everything a scoring thread does with a chunk, as the batch runs it. */
    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public ScoringPass.ScoredChunk chunk() {
        return scorer.scoreChunk(layout, ids, 1, block);
    }
}
