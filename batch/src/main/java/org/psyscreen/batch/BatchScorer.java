package org.psyscreen.batch;

import de.siegmar.fastcsv.reader.CsvParseException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.psyscreen.diagnostic.ProblemCode;
import org.psyscreen.diagnostic.Problems;
import org.psyscreen.plan.ScoringPlan;
import org.psyscreen.screening.Screener;
import org.psyscreen.screening.ScreeningResult;
import org.psyscreen.screening.StudentInput;
import org.psyscreen.student.StudentReaders;
import tools.jackson.core.json.JsonFactory;

/**
 * Scores a response file (CSV, JSON Lines or .xlsx) into {@code scores.csv}, {@code scores.jsonl},
 * {@code rollup.csv} and {@code summary.json} in an output folder, and into any further
 * {@linkplain ResultSink result sinks}. This class orchestrates: {@link FileCheck} is pass 1,
 * {@link ScoringPass} pass 2, {@link RowScreener} one record, the run-file codecs the bytes.
 *
 * <ol>
 *   <li>Pass 1 reads the file once to decide whether it can be scored at all: encoding, NUL bytes,
 *       header (unknown, missing or repeated columns), an unclosed quote, the record count and the
 *       duplicated ids. A file-level error stops the run: only the summary is written.
 *   <li>Pass 2 scores the records in chunks on several threads and writes them in input order, one
 *       output record per input record, to temporary files that are forced to disk and renamed
 *       only when the counts match — a killed run never leaves a file that looks finished.
 * </ol>
 *
 * <p>Nothing is logged; problems name records, lines and columns, never values. Output bytes do not
 * depend on the thread count, locale or time zone.
 */
public final class BatchScorer {
    /** The tier-count key of records that are not students (a header repeated inside the file). */
    public static final String NOT_A_STUDENT = "repeated header (not a student)";

    /** File problems listed in summary.json; the rest are counted (a 100,000-column header stays small). */
    public static final int MAX_LISTED_PROBLEMS = 100;

    private static final JsonFactory JSON = JsonFactory.builder().build();

    /** One generator writes the whole JSON Lines file; records are separated by a newline. */
    private static final JsonFactory JSON_LINES =
            JsonFactory.builder().rootValueSeparator("\n").build();

    private final BatchOptions options;
    private final Map<String, ScoringPlan> plans;

    /** Screens every record: the batch reads cells, the screener does everything else. */
    private final Screener screener;

    /** Pass 2: scoring, encoding, writing in order, the sinks. */
    private final ScoringPass pass;

    /** The schema and row writer of scores.csv. */
    private final ScoresCsv scoresCsv;

    /**
     * A scorer for {@code options}: the screener, the output schema and the record path are built
     * once and serve every run the scorer makes.
     *
     * @param options what every run needs
     * @throws IllegalArgumentException when the options contradict each other (a mapping's stage)
     * @throws org.psyscreen.diagnostic.DefinitionException when a policy's instruments are not all planned
     */
    public BatchScorer(BatchOptions options) {
        this.options = options;
        this.plans = new TreeMap<>(options.plans()); // sorted: output columns never depend on map order
        Screener.Builder b = Screener.builder().instruments(plans).norms(options.norms());
        if (options.mapping().stage() != null) {
            b.stage(StudentReaders.Stage.valueOf(options.mapping().stage().toUpperCase(java.util.Locale.ROOT)));
        }
        if (options.policy() != null) {
            b.policy(options.policy()).policyVersions(options.policyVersions());
        }
        this.screener = b.build();
        this.coding = new CodingCheck(screener.instrumentIds(), List.copyOf(plans.values()));
        this.scoresCsv = new ScoresCsv(plans, screener.normTableIds(), options.policy() != null);
        this.fileCheck = new FileCheck(plans, options.mapping());
        this.rowScreener = new RowScreener(Recodes.of(options.mapping().values(), plans), options.pseudonymizer());
        this.pass = new ScoringPass(options, screener, scoresCsv, coding, rowScreener, SummaryJson.definitions(plans));
    }

    Map<String, ScoringPlan> plans() {
        return plans;
    }

    StudentInput newInput() {
        return screener.newInput();
    }

    /** One record through the screener, as the outputs write it (for benchmarks of the record path). */
    RowOutcome row(
            ColumnLayout layout, DuplicateIds duplicated, StudentInput in, long recordNo, long line, String[] rec) {
        return rowScreener.row(layout, duplicated, in, recordNo, line, rec);
    }

    /** One record's scores.csv cells (for {@link RecordScorer}). */
    List<String> csvCells(
            ColumnLayout layout, DuplicateIds duplicated, StudentInput in, long record, long line, String[] rec) {
        return pass.cells(rowScreener.row(layout, duplicated, in, record, line, rec));
    }

    /** Pass 1: whether a file can be scored, its layout, counts and duplicated ids. */
    private final FileCheck fileCheck;

    /** Reads a record's cells through the screener (the mapping's recoding, the batch's record checks). */
    private final RowScreener rowScreener;

    /** The shape of the coding check (an empty one); each chunk counts into a fresh copy. */
    private final CodingCheck coding;

    /** {@return the screener every record goes through} */
    public Screener screener() {
        return screener;
    }

    /**
     * Scores {@code input}, a CSV (or a file in the format its name says), into {@code outDir} (see
     * {@link #run(ResponseInput, Path, List)}).
     *
     * @param input the response file
     * @param outDir the output folder
     * @return what the run did
     * @throws IOException when the input cannot be read or the outputs cannot be written
     */
    public RunSummary run(Path input, Path outDir) throws IOException {
        return run(ResponseFile.of(input), outDir, List.of());
    }

    /**
     * Scores {@code input}, in any format, into {@code outDir} (see below).
     *
     * @param input the response file and how to read it
     * @param outDir the output folder
     * @return what the run did
     * @throws IOException when the input cannot be read or the outputs cannot be written
     */
    public RunSummary run(ResponseInput input, Path outDir) throws IOException {
        return run(input, outDir, List.of());
    }

    /**
     * Scores {@code input} — a CSV, JSON Lines or .xlsx response file, or rows of cells — into
     * {@code outDir}: every file is written into a private staging folder and the whole set replaces {@code outDir} in one switch
     * (see the README's output-folder contract). A file that cannot be scored publishes a set with
     * only {@code summary.json}, so no earlier run's scores survive beside it. Each of {@code sinks}
     * is given every record as it is scored, and what it writes is published with the rest.
     *
     * @param input the response file and how to read it, or the rows
     * @param outDir the output folder
     * @param sinks further destinations of the results (new ones for each run)
     * @return what the run did
     * @throws IOException when the input cannot be read or the outputs cannot be written
     * @throws OutputRefusedException when {@code outDir} cannot be used (another run holds it, it is
     *     not empty and not a previous output, the input is inside it, it cannot be written)
     */
    public RunSummary run(ResponseInput input, Path outDir, List<ResultSink> sinks) throws IOException {
        SinkSet sinkSet = new SinkSet(List.copyOf(sinks));
        try (OutputFolder folder = OutputFolder.open(
                outDir,
                input instanceof ResponseFile f ? f.path() : null,
                options.overwrite(),
                options.steps()::reached)) {
            RunSummary done;
            try {
                RunSummary s = scoreInto(input, folder.staging(), sinkSet);
                List<String> outputs = new ArrayList<>(s.outputs());
                outputs.add("summary.json");
                done = s.withOutputs(outputs);
                try (OutputStream os = Files.newOutputStream(folder.staging().resolve("summary.json"))) {
                    SummaryJson.write(done, plans, os);
                }
                folder.publish();
            } catch (IOException | RuntimeException | Error e) {
                try {
                    sinkSet.abandon(); // not published: no sink keeps anything of the run
                } catch (IOException | RuntimeException also) {
                    e.addSuppressed(also);
                }
                throw e;
            }
            sinkSet.published();
            return done;
        }
    }

    /** Reads, checks and scores {@code input}, writing every output but the summary into {@code dir}. */
    private RunSummary scoreInto(ResponseInput input, Path outDir, SinkSet sinks) throws IOException {
        long started = System.nanoTime();
        FileCheck.Checked c = fileCheck.check(input, false);
        if (c.problems().hasErrors()) {
            return pass.summary(
                    c.name(),
                    c.bytes(),
                    c.records(),
                    0,
                    c.blank(),
                    c.problems(),
                    Map.of(),
                    Map.of(),
                    Map.of(),
                    List.of(),
                    started);
        }
        return pass.score(input, c, outDir, started, sinks);
    }

    /**
     * One record of a response file, screened.
     *
     * @param record its 1-based number
     * @param line the line (or sheet row) it starts on
     * @param student the student as outputs name them: the keyed pseudonym, or the raw id of a run
     *     without a key, or {@code ""} without an id
     * @param result the screening result
     */
    public record ScreenedRecord(long record, long line, String student, ScreeningResult result) {
        @Override
        public String toString() {
            return "ScreenedRecord[record " + record + "]"; // it holds health data: never printed
        }
    }

    /**
     * Reads {@code input} exactly as {@link #run} does (encodings, the mapping and its value recoding,
     * every file check) and hands every record, screened, to {@code each} in file order on this
     * thread; writes nothing. For front ends that need the results themselves (validation,
     * research). Returns the file's problems: when they hold an error, no record is handed over.
     * Record problems that depend on the whole file's codes (PSY-2009, PSY-2011) are not checked.
     * Columns of instruments other than those of the options ({@code other.q1}) are ignored, so one
     * instrument of a file that holds several can be read.
     *
     * @param input the response file, in the format its name says
     * @param each told every record, screened, in file order
     * @return the file's problems
     * @throws IOException when the file cannot be read, or changed while it was read
     */
    public Problems screenEach(Path input, java.util.function.Consumer<ScreenedRecord> each) throws IOException {
        return screenEach(ResponseFile.of(input), each);
    }

    /**
     * As {@link #screenEach(Path, java.util.function.Consumer)}, for a file in any format, or rows.
     *
     * @param input the response file, or the rows
     * @param each told every record, screened, in file order
     * @return the file's problems
     * @throws IOException when the file cannot be read, or changed while it was read
     */
    public Problems screenEach(ResponseInput input, java.util.function.Consumer<ScreenedRecord> each)
            throws IOException {
        FileCheck.Checked c = fileCheck.check(input, true);
        if (c.problems().hasErrors()) {
            return c.problems();
        }
        StudentInput in = screener.newInput();
        long next = 1;
        try (RecordSource source = RecordSource.open(input, c.bytes())) {
            source.header();
            for (RecordBlock b; (b = source.next(options.chunk())) != null; ) {
                for (int i = 0; i < b.size(); i++) {
                    long line = b.line(i);
                    String[] rec = b.fields(i);
                    each.accept(rowScreener.screened(c.layout(), c.duplicated(), in, next++, line, rec));
                }
            }
        } catch (CsvParseException | UncheckedIOException e) {
            throw new IOException("the input changed while it was being read", e);
        }
        return c.problems();
    }

    /** An encoder of scores.csv and scores.jsonl lines as the run uses (for benchmarks of encoding). */
    ScoringPass.Encoder newEncoder() {
        return pass.new Encoder();
    }

    /** Scores one chunk as the run does (for benchmarks of the chunk path). */
    ScoringPass.ScoredChunk scoreChunk(ColumnLayout layout, DuplicateIds duplicated, long first, RecordBlock block) {
        return pass.scoreChunk(layout, duplicated, first, block);
    }

    /** Output column names, fixed for a given set of plans and policy. */
    List<String> columns() {
        return scoresCsv.columns();
    }

    /**
     * {@return what a problem code means, or {@code ""} for a code psyscreen does not have}
     *
     * @param codeId a code, {@code PSY-nnnn}
     */
    public static String meaning(String codeId) {
        for (ProblemCode c : ProblemCode.values()) {
            if (c.id().equals(codeId)) {
                return c.summary() + (c.makesRecordUnscorable() ? " (the record is not scored)" : "");
            }
        }
        return "";
    }
}
