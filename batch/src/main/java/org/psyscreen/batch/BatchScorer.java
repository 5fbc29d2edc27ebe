package org.psyscreen.batch;

import de.siegmar.fastcsv.reader.CsvParseException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.psyscreen.diagnostic.Problem;
import org.psyscreen.diagnostic.ProblemCode;
import org.psyscreen.diagnostic.Problems;
import org.psyscreen.plan.ScoringPlan;
import org.psyscreen.privacy.Pseudonymizer;
import org.psyscreen.privacy.SmallCellSuppressor;
import org.psyscreen.score.ScoredResponse;
import org.psyscreen.screening.RecordProblem;
import org.psyscreen.screening.Screener;
import org.psyscreen.screening.ScreeningResult;
import org.psyscreen.screening.StudentField;
import org.psyscreen.screening.StudentInput;
import org.psyscreen.student.StudentProfile;
import org.psyscreen.student.StudentReaders;
import org.psyscreen.tier.TierDecision;
import org.psyscreen.version.EngineVersion;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Scores a response file (CSV) into {@code scores.csv}, {@code scores.jsonl} and
 * {@code summary.json} in an output folder.
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

    /** Longest cell read as an answer, id or demographic; longer is flagged (a corrupt file, not a student). */
    static final int MAX_FIELD = Screener.MAX_CELL;

    private static final JsonFactory JSON = JsonFactory.builder().build();

    /** One generator writes the whole JSON Lines file; records are separated by a newline. */
    private static final JsonFactory JSON_LINES =
            JsonFactory.builder().rootValueSeparator("\n").build();

    private final BatchOptions options;
    private final Map<String, ScoringPlan> plans;

    /** Screens every record: the batch reads cells, the screener does everything else. */
    private final Screener screener;

    /** How many columns scores.csv has (a row's list is sized once). */
    private final int columnCount;

    /** The schema and row writer of scores.csv. */
    private final ScoresCsv scoresCsv;

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
        this.recodes = Recodes.of(options.mapping().values(), plans);
        this.columnCount = columns().size();
    }

    Map<String, ScoringPlan> plans() {
        return plans;
    }

    StudentInput newInput() {
        return screener.newInput();
    }

    /** One record's scores.csv cells (for {@link RecordScorer}). */
    List<String> csvCells(
            ColumnLayout layout, DuplicateIds duplicated, StudentInput in, long record, long line, String[] rec) {
        return csvRow(row(layout, duplicated, in, record, line, rec));
    }

    /** How the mapping recodes values (option text, numbered options, sex codes). */
    private final Recodes recodes;

    /** The shape of the coding check (an empty one); each chunk counts into a fresh copy. */
    private final CodingCheck coding;

    /** {@return the screener every record goes through} */
    public Screener screener() {
        return screener;
    }

    /**
     * How the summary and problems name the input: its name and SHA-256.
     *
     * @param name the file's name
     * @param sha256 its SHA-256
     */
    record InputLabel(String name, String sha256) {}

    /** Scores {@code input}, a CSV (or a file in the format its name says), into {@code outDir} (see below). */
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
    public RunSummary run(ResponseFile input, Path outDir) throws IOException {
        return run(input, outDir, List.of());
    }

    /**
     * Scores {@code input}, a CSV, JSON Lines or .xlsx response file, into {@code outDir}: every file
     * is written into a private staging folder and the whole set replaces {@code outDir} in one switch
     * (see the README's output-folder contract). A file that cannot be scored publishes a set with
     * only {@code summary.json}, so no earlier run's scores survive beside it. Each of {@code sinks}
     * is given every record as it is scored, and what it writes is published with the rest.
     *
     * @param input the response file and how to read it
     * @param outDir the output folder
     * @param sinks further destinations of the results (new ones for each run)
     * @return what the run did
     * @throws IOException when the input cannot be read or the outputs cannot be written
     * @throws OutputRefusedException when {@code outDir} cannot be used (another run holds it, it is
     *     not empty and not a previous output, the input is inside it, it cannot be written)
     */
    public RunSummary run(ResponseFile input, Path outDir, List<ResultSink> sinks) throws IOException {
        try (OutputFolder folder =
                OutputFolder.open(outDir, input.path(), options.overwrite(), options.steps()::reached)) {
            RunSummary s = scoreInto(input, folder.staging(), List.copyOf(sinks));
            List<String> outputs = new ArrayList<>(s.outputs());
            outputs.add("summary.json");
            RunSummary done = s.withOutputs(outputs);
            try (OutputStream os = Files.newOutputStream(folder.staging().resolve("summary.json"))) {
                SummaryJson.write(done, plans, os);
            }
            folder.publish();
            return done;
        }
    }

    /** What the checking pass over a file found: its bytes, layout, counts and file problems. */
    private record Checked(
            InputLabel named,
            ResponseFileScan.Bytes bytes,
            ColumnLayout layout,
            long records,
            long blank,
            DuplicateIds duplicated,
            Problems problems) {}

    /** Reads and checks {@code input} (encoding, header, shape, duplicate ids) without scoring it. */
    private Checked check(ResponseFile input, InputLabel label) throws IOException {
        return check(input, label, false);
    }

    private Checked check(ResponseFile input, InputLabel label, boolean otherInstrumentsIgnored) throws IOException {
        String name = label == null ? input.name() : label.name();
        List<Problem> problems = new ArrayList<>();
        ResponseFileScan.Bytes bytes;
        ResponseFileScan.Bytes guess = null;
        IdPass guessed = null;
        if (input.format() == ResponseFile.Format.CSV) {
            // The byte pass (hash, encoding, NUL, quoting) runs on its own thread while this one reads
            // the records and ids as if the file were plain UTF-8, as nearly every export is. The
            // guess is kept only when the byte pass agrees that the file reads that way; otherwise the
            // records are read again the way the byte pass says. Either way the result is what
            // reading them one after the other gave, in about the time of the longer of the two.
            java.util.concurrent.FutureTask<ResponseFileScan.Bytes> bytePass =
                    new java.util.concurrent.FutureTask<>(() -> ResponseFileScan.bytes(input.path(), name, problems));
            Thread byteThread = new Thread(bytePass, "psyscreen-byte-pass");
            byteThread.setDaemon(true);
            byteThread.start();
            guess = ResponseFileScan.plainUtf8Guess(input.path());
            if (guess != null) {
                try {
                    guessed = idPass(input, guess, name, otherInstrumentsIgnored);
                } catch (IOException | RuntimeException e) {
                    guessed = null; // not plain after all; the byte pass decides how to read it
                }
            }
            bytes = finished(bytePass);
        } else {
            bytes = ResponseFileScan.bytes(input, name, problems);
        }
        InputLabel named = label != null ? label : new InputLabel(name, bytes.sha256());
        ColumnLayout layout = null;
        long records = 0;
        long blank = 0;
        DuplicateIds duplicated = DuplicateIds.none();
        if (problems.isEmpty()) {
            IdPass ids = guessed != null && ResponseFileScan.readsAs(bytes, guess) ? guessed : null;
            guessed = null; // a wrong guess's filter is garbage before the second read allocates one
            if (ids == null) {
                ids = idPass(input, bytes, name, otherInstrumentsIgnored);
            }
            problems.addAll(ids.problems());
            layout = ids.layout();
            records = ids.records();
            blank = ids.blank();
            duplicated = ids.duplicated();
        }
        Problems fileProblems = Problems.of(problems);
        if (!fileProblems.hasErrors() && duplicated.needsRecount()) {
            recountIds(input, bytes, layout, duplicated);
        }
        return new Checked(named, bytes, layout, records, blank, duplicated, fileProblems);
    }

    /** What reading the records found: header problems, the layout, counts and the ids seen. */
    private record IdPass(
            List<Problem> problems, ColumnLayout layout, long records, long blank, DuplicateIds duplicated) {}

    /** Reads the header and every record's id as {@code bytes} says the file reads. */
    private IdPass idPass(
            ResponseFile input, ResponseFileScan.Bytes bytes, String name, boolean otherInstrumentsIgnored)
            throws IOException {
        List<Problem> problems = new ArrayList<>();
        ColumnLayout layout = null;
        long records = 0;
        long blank = 0;
        DuplicateIds duplicated = new DuplicateIds();
        try (RecordSource source = RecordSource.open(input, bytes)) {
            String[] header = source.header();
            if (header != null) {
                // Header problems are collected; reading goes on so every file-level problem is listed.
                layout = ColumnLayout.resolve(
                        name,
                        Arrays.asList(header),
                        plans,
                        options.mapping().columns(),
                        options.mapping().ignore(),
                        otherInstrumentsIgnored,
                        problems);
                int idCol = layout.column("student_id");
                for (RecordBlock b; (b = source.next(4096)) != null; ) {
                    records += b.size();
                    idHashes(b, idCol, duplicated::offer);
                }
                blank = source.blankLines();
            }
        } catch (CsvParseException e) {
            problems.add(ResponseFileScan.undelimited(e, name, bytes));
        } catch (SourceProblem e) {
            problems.add(e.problem());
        }
        if (layout == null && problems.isEmpty()) {
            problems.add(ResponseFileScan.fileProblem(
                    ProblemCode.FILE_EMPTY, name, 1, "the file has no header", "export the data with its header row"));
        }
        return new IdPass(problems, layout, records, blank, duplicated);
    }

    /** The byte pass's result, its exceptions as they were thrown. */
    private static ResponseFileScan.Bytes finished(java.util.concurrent.FutureTask<ResponseFileScan.Bytes> pass)
            throws IOException {
        try {
            return pass.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while the file was checked");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("the byte pass failed", e.getCause());
        }
    }

    /** Reads, checks and scores {@code input}, writing every output but the summary into {@code dir}. */
    private RunSummary scoreInto(ResponseFile input, Path outDir, List<ResultSink> sinks) throws IOException {
        long started = System.nanoTime();
        Checked c = check(input, null);
        if (c.problems().hasErrors()) {
            return summary(
                    c.named(),
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
        return score(
                input,
                c.named(),
                outDir,
                c.bytes(),
                c.layout(),
                c.records(),
                c.blank(),
                c.duplicated(),
                started,
                sinks);
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
     */
    public Problems screenEach(Path input, java.util.function.Consumer<ScreenedRecord> each) throws IOException {
        return screenEach(ResponseFile.of(input), each);
    }

    /**
     * As {@link #screenEach(Path, java.util.function.Consumer)}, for a file in any format.
     *
     * @param input the response file
     * @param each told every record, screened, in file order
     * @return the file's problems
     * @throws IOException when the file cannot be read, or changed while it was read
     */
    public Problems screenEach(ResponseFile input, java.util.function.Consumer<ScreenedRecord> each)
            throws IOException {
        Checked c = check(input, null, true);
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
                    ScreeningResult r = screen(c.layout(), c.duplicated(), in, next, rec);
                    each.accept(
                            new ScreenedRecord(next++, sourceLine(c.layout(), rec, line), student(c.layout(), rec), r));
                }
            }
        } catch (CsvParseException | UncheckedIOException e) {
            throw new IOException("the input changed while it was being read", e);
        }
        return c.problems();
    }

    /** The exact recount of candidate duplicate ids (only their hashes are kept). */
    private static void recountIds(
            ResponseFile input, ResponseFileScan.Bytes bytes, ColumnLayout layout, DuplicateIds ids)
            throws IOException {
        int idCol = layout.column("student_id");
        try (RecordSource source = RecordSource.open(input, bytes)) {
            source.header();
            for (RecordBlock b; (b = source.next(4096)) != null; ) {
                idHashes(b, idCol, ids::recount);
            }
        }
        ids.finish();
    }

    /** The hash of every non-empty id in {@code b}, as both id passes count them. */
    private static void idHashes(RecordBlock b, int idCol, java.util.function.LongConsumer sink) {
        for (int i = 0; i < b.size(); i++) {
            String id = Pseudonymizer.canonical(b.field(i, idCol));
            if (!id.isEmpty()) {
                sink.accept(LongSet.hash(id));
            }
        }
    }

    private RunSummary score(
            ResponseFile input,
            InputLabel named,
            Path outDir,
            ResponseFileScan.Bytes bytes,
            ColumnLayout layout,
            long recordsIn,
            long blank,
            DuplicateIds duplicated,
            long started,
            List<ResultSink> sinks)
            throws IOException {
        Path csvTmp = outDir.resolve("scores.csv");
        Path jsonTmp = outDir.resolve("scores.jsonl");
        Tally tally = newTally();
        // Each scoring thread counts its records into its own roll-up, added up once at the end:
        // merged per chunk, the main thread re-hashed every class of every chunk (with tens of
        // thousands of classes a chunk shares almost none) — a tenth of a run's time.
        Map<Thread, Rollups> rollupsByThread = new java.util.concurrent.ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(options.threads());
        // Chunks are read here, scored and encoded on the pool, written here in input order; at most
        // two per thread are in flight, so memory stays flat whatever the file size.
        Deque<Future<ScoredChunk>> inFlight = new ArrayDeque<>();
        SinkSet sunk = new SinkSet(sinks);
        try {
            return scoreWith(
                    input,
                    named,
                    outDir,
                    bytes,
                    layout,
                    recordsIn,
                    blank,
                    duplicated,
                    started,
                    sunk,
                    tally,
                    rollupsByThread,
                    pool,
                    inFlight,
                    csvTmp,
                    jsonTmp);
        } finally {
            sunk.abandon(List.of()); // refused or failed (a finished run's sinks are done): nothing is published
        }
    }

    private RunSummary scoreWith(
            ResponseFile input,
            InputLabel named,
            Path outDir,
            ResponseFileScan.Bytes bytes,
            ColumnLayout layout,
            long recordsIn,
            long blank,
            DuplicateIds duplicated,
            long started,
            SinkSet sunk,
            Tally tally,
            Map<Thread, Rollups> rollupsByThread,
            ExecutorService pool,
            Deque<Future<ScoredChunk>> inFlight,
            Path csvTmp,
            Path jsonTmp)
            throws IOException {
        long out = 0;
        try (RecordSource source = RecordSource.open(input, bytes);
                OutputStream csvOut = new BufferedOutputStream(Files.newOutputStream(csvTmp), 1 << 16);
                OutputStream jsonOut = options.outputs().auditTrail()
                        ? new BufferedOutputStream(Files.newOutputStream(jsonTmp), 1 << 16)
                        : OutputStream.nullOutputStream()) {
            PagedBytes header = new PagedBytes();
            CsvLines.write(columns(), header);
            header.writeTo(csvOut);
            sunk.open(new ResultSink.Start(
                    outDir,
                    columns(),
                    options.policy() == null ? "" : options.policy().key()));
            source.header();
            long next = 1;
            for (RecordBlock b; (b = source.next(options.chunk())) != null; ) {
                long first = next;
                RecordBlock block = b;
                next += block.size();
                inFlight.add(pool.submit(() -> scoreChunk(
                        layout,
                        duplicated,
                        first,
                        block,
                        !sunk.isEmpty(),
                        tally.rollups == null
                                ? null
                                : rollupsByThread.computeIfAbsent(
                                        Thread.currentThread(), t -> new Rollups(outcomeColumns())))));
                if (inFlight.size() > 2 * options.threads()) {
                    out += write(inFlight.remove(), csvOut, jsonOut, tally, sunk);
                    options.progress().update(out, recordsIn);
                }
            }
            while (!inFlight.isEmpty()) {
                out += write(inFlight.remove(), csvOut, jsonOut, tally, sunk);
                options.progress().update(out, recordsIn);
            }
            if (tally.rollups != null) {
                rollupsByThread.values().forEach(tally.rollups::add);
            }
        } catch (CsvParseException
                | UncheckedIOException
                | java.nio.charset.CharacterCodingException
                | SourceProblem e) {
            Files.deleteIfExists(csvTmp);
            Files.deleteIfExists(jsonTmp);
            throw new IOException("the input changed while it was being scored; nothing was published", e);
        } finally {
            pool.shutdownNow();
        }
        // Problems only the whole file shows refuse it after every record was read: nothing but the
        // summary is published.
        Problem refusal = null;
        List<String> textColumns = tally.coding.textColumns();
        List<String> odd = tally.coding.suspicious();
        if (out != recordsIn) {
            refusal = ResponseFileScan.fileProblem(
                    ProblemCode.FILE_CHANGED,
                    named.name(),
                    0,
                    "pass 1 read " + recordsIn + " records and pass 2 read " + out,
                    "do not change the file while it is scored; run again");
        } else if (!textColumns.isEmpty()) {
            refusal = ResponseFileScan.fileProblem(
                    ProblemCode.FILE_TEXT_ANSWERS,
                    named.name(),
                    1,
                    textColumns.size() + " item column(s) hold option text where the definition expects codes — "
                            + tally.coding.listed(textColumns),
                    "add a 'values:' table to the mapping that says which code each option text is, e.g."
                            + " values: {phqa: {\"完全不会\": \"0\", \"好几天\": \"1\"}}; or export option scores");
        } else if (!odd.isEmpty()) {
            refusal = ResponseFileScan.fileProblem(
                    ProblemCode.FILE_CODED_DIFFERENTLY,
                    named.name(),
                    1,
                    odd.size() + " item column(s) look coded differently from the definition: no answer uses the"
                            + " lowest code and some are numbers above the highest — " + tally.coding.listed(odd),
                    "export the answers as the definition codes them (e.g. option scores 0..3, not option numbers"
                            + " 1..4), or say so in the mapping: values: {phqa: {offset: -1}}; scoring them as"
                            + " they are would inflate every score and turn critical items positive");
        }
        if (refusal != null) {
            Files.deleteIfExists(csvTmp);
            Files.deleteIfExists(jsonTmp);
            sunk.abandon(List.of());
            return summary(
                    named,
                    bytes,
                    recordsIn,
                    0,
                    blank,
                    Problems.of(List.of(refusal)),
                    Map.of(),
                    Map.of(),
                    Map.of(),
                    List.of(),
                    started);
        }
        List<String> outputs = new ArrayList<>(List.of("scores.csv"));
        if (options.outputs().auditTrail()) {
            outputs.add("scores.jsonl");
        }
        if (tally.rollups != null) {
            try (OutputStream os = Files.newOutputStream(outDir.resolve("rollup.csv"))) {
                Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8);
                tally.rollups.write(w, SmallCellSuppressor.DEFAULT_K);
                w.flush();
            }
            outputs.add("rollup.csv");
        }
        RunSummary scored = summary(
                named,
                bytes,
                recordsIn,
                out,
                blank,
                Problems.none(),
                tally.status,
                tally.tiers,
                tally.codes,
                outputs,
                started);
        List<String> all = new ArrayList<>(outputs);
        all.addAll(sunk.finish(scored));
        return scored.withOutputs(all);
    }

    /** Waits for a chunk and writes it; returns its record count. */
    private static long write(
            Future<ScoredChunk> f, OutputStream csvOut, OutputStream jsonOut, Tally tally, SinkSet sinks)
            throws IOException {
        ScoredChunk c;
        try {
            c = f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UncheckedIOException u) {
                throw u; // a field no longer decodes: the file changed since pass 1
            }
            throw new IllegalStateException("scoring a record failed; this is a bug", e.getCause());
        }
        c.csv().writeTo(csvOut);
        c.json().writeTo(jsonOut);
        sinks.deliver(c.sunk());
        tally.add(c.tally());
        return c.records();
    }

    /**
     * A chunk ready to write: its bytes in both formats, its records for result sinks ({@code null}
     * without sinks) and what it adds to the summary.
     */
    record ScoredChunk(long records, PagedBytes csv, PagedBytes json, List<SinkSet.Sunk> sunk, Tally tally) {}

    /** Scores and encodes one chunk, with a roll-up of its own. */
    ScoredChunk scoreChunk(ColumnLayout layout, DuplicateIds duplicated, long first, RecordBlock block) {
        return scoreChunk(
                layout, duplicated, first, block, false, rollupWanted() ? new Rollups(outcomeColumns()) : null);
    }

    /**
     * Scores and encodes one chunk, counting its records into {@code rollups} (the thread's own, or
     * null without a roll-up); the chunk's tally carries the other counts. Runs on pool threads;
     * touches only immutable state and its own.
     */
    ScoredChunk scoreChunk(
            ColumnLayout layout,
            DuplicateIds duplicated,
            long first,
            RecordBlock block,
            boolean forSinks,
            Rollups rollups) {
        Tally tally = new Tally(null, coding.fresh());
        List<SinkSet.Sunk> sunk = forSinks ? new ArrayList<>(block.size()) : null;
        Encoder encoder = new Encoder();
        StudentInput input = screener.newInput();
        for (int i = 0; i < block.size(); i++) {
            String[] rec = block.fields(i);
            RowOutcome o = row(layout, duplicated, input, first + i, block.line(i), rec);
            if (!o.unscorable()) {
                int k = 0;
                for (ScoredResponse form : o.forms().values()) {
                    tally.coding.see(k, form, rec, layout.itemColumns[k]);
                    k++;
                }
            }
            encoder.add(o);
            if (sunk != null) {
                sunk.add(new SinkSet.Sunk(
                        new ScreenedRecord(o.recordNo(), o.line(), o.student(), o.result()), csvRow(o)));
            }
            count(o, tally, rollups);
        }
        encoder.finish();
        return new ScoredChunk(block.size(), encoder.csv, encoder.json, sunk, tally);
    }

    /** Encodes outcomes as {@code scores.csv} lines and {@code scores.jsonl} lines, in order. */
    final class Encoder {
        private long count;
        final PagedBytes csv = new PagedBytes();
        private final CsvLines.Line line = new CsvLines.Line(csv);
        final PagedBytes json = new PagedBytes();
        private final JsonGenerator jg = JSON_LINES.createGenerator(ObjectWriteContext.empty(), json);

        void add(RowOutcome o) {
            scoresCsv.write(o, line);
            line.end();
            if (options.outputs().auditTrail()) {
                ScoresJsonl.write(o, screener.normTableIds(), jg);
            }
            count++;
        }

        /** Ends the last JSON line; the pages are then complete. */
        void finish() {
            if (count > 0 && options.outputs().auditTrail()) {
                jg.writeRaw('\n'); // the separator goes between records; end the last line too
            }
            jg.close();
        }
    }

    private void count(RowOutcome o, Tally t, Rollups rollups) {
        o.problems().forEach(p -> t.codes.merge(p.code().id(), 1L, Long::sum));
        boolean header = false;
        for (RecordProblem p : o.problems()) {
            header |= p.code() == ProblemCode.ROW_HEADER_REPEATED;
        }
        if (header) {
            // A header repeated inside the file (concatenated exports) is output and flagged, but it is
            // not a student: it is not counted in statuses, tiers or roll-ups.
            t.tiers.merge(NOT_A_STUDENT, 1L, Long::sum);
            return;
        }
        o.forms()
                .forEach((k, v) -> t.status
                        .computeIfAbsent(k, x -> new TreeMap<>())
                        .merge(v.status().name(), 1L, Long::sum));
        t.tiers.merge(o.decision() == null ? "no policy" : o.decision().outcomeId(), 1L, Long::sum);
        if (rollups != null) {
            TierDecision d = o.decision();
            int col = d.tier() == null
                    ? options.policy().tiers().size()
                    : options.policy().tiers().indexOf(d.tier());
            rollups.add(
                    o.demographics().region(),
                    o.demographics().school(),
                    o.demographics().grade(),
                    o.demographics().klass(),
                    col);
        }
    }

    /** An empty tally; with a roll-up when there is a policy to tier by. */
    private Tally newTally() {
        return new Tally(rollupWanted() ? new Rollups(outcomeColumns()) : null, coding.fresh());
    }

    private boolean rollupWanted() {
        return options.policy() != null && options.outputs().rollup();
    }

    /** Counts for the summary and the roll-up: per chunk on the pool, added up in input order. */
    static final class Tally {
        final Map<String, Map<String, Long>> status = new TreeMap<>();
        final Map<String, Long> tiers = new TreeMap<>();
        final Map<String, Long> codes = new TreeMap<>();
        final Rollups rollups;
        final CodingCheck coding;

        Tally(Rollups rollups, CodingCheck coding) {
            this.rollups = rollups;
            this.coding = coding;
        }

        void add(Tally t) {
            coding.add(t.coding);
            t.status.forEach((k, m) -> m.forEach(
                    (s, n) -> status.computeIfAbsent(k, x -> new TreeMap<>()).merge(s, n, Long::sum)));
            t.tiers.forEach((k, n) -> tiers.merge(k, n, Long::sum));
            t.codes.forEach((k, n) -> codes.merge(k, n, Long::sum));
            if (rollups != null && t.rollups != null) {
                rollups.add(t.rollups);
            }
        }
    }

    /**
     * Reads one record into {@code in} and screens it. Runs on pool threads; touches only immutable
     * state and the thread's own input. The batch finds what only a file can show (a shifted row, a
     * repeated header, an over-long cell, an id seen twice); the screener reads and decides the rest.
     */
    RowOutcome row(
            ColumnLayout layout, DuplicateIds duplicated, StudentInput in, long recordNo, long line, String[] rec) {
        ScreeningResult r = screen(layout, duplicated, in, recordNo, rec);
        return outcome(layout, r, recordNo, line, rec);
    }

    /** Reads one record into {@code in} (the batch's own checks first) and screens it. */
    private ScreeningResult screen(
            ColumnLayout layout, DuplicateIds duplicated, StudentInput in, long recordNo, String[] rec) {
        in.clear();
        int n = rec.length;
        if (n < layout.width) {
            in.flag(new RecordProblem(
                    ProblemCode.ROW_MISSING_FIELDS, "", "fields " + (n + 1) + "-" + layout.width + " absent"));
        } else if (n > layout.width) {
            in.flag(new RecordProblem(
                    ProblemCode.ROW_EXTRA_FIELDS, "", (n - layout.width) + " field(s) past column " + layout.ownWidth));
        }
        if (layout.repeatsHeader(rec)) {
            in.flag(RecordProblem.of(ProblemCode.ROW_HEADER_REPEATED));
        }
        for (int c = 0; c < Math.min(n, layout.width); c++) {
            if (rec[c].length() > MAX_FIELD) {
                in.flag(new RecordProblem(ProblemCode.ROW_FIELD_TOO_LONG, "", "column " + (c + 1)));
            }
        }
        String rawId = cell(rec, layout.column("student_id"));
        String id = Pseudonymizer.canonical(rawId);
        if (!id.isEmpty() && duplicated.duplicated(LongSet.hash(id))) {
            in.flag(RecordProblem.of(ProblemCode.ROW_DUPLICATE_ID));
        }
        for (StudentField f : STUDENT_FIELDS) {
            in.set(f, recodes.field(f, cell(rec, layout.column(f.column()))));
        }
        layout.attributes.forEach((k, c) -> in.attribute(k, cell(rec, c)));
        for (int k = 0; k < layout.itemColumns.length; k++) {
            int[] cols = layout.itemColumns[k];
            for (int i = 0; i < cols.length; i++) {
                in.answer(k, i, recodes.answer(k, i, cell(rec, cols[i])));
            }
        }
        return in.screen();
    }

    /** The student column: the keyed pseudonym, the canonical raw id without a key, or "" without an id. */
    private String student(ColumnLayout layout, String[] rec) {
        String rawId = cell(rec, layout.column("student_id"));
        String id = Pseudonymizer.canonical(rawId);
        return id.isEmpty()
                ? ""
                : options.pseudonymizer() == null ? id : options.pseudonymizer().token(rawId);
    }

    private RowOutcome outcome(ColumnLayout layout, ScreeningResult r, long recordNo, long line, String[] rec) {
        String student = student(layout, rec);
        StudentProfile profile = r.profile();
        RowOutcome.Demographics demo = new RowOutcome.Demographics(
                r.school(),
                r.schoolClass(),
                r.region(),
                profile.grade() == null ? "" : profile.grade().code(),
                ScoresCsv.sexCell(profile.sex()));
        List<String> texts = new ArrayList<>(r.problems().size());
        for (RecordProblem p : r.problems()) {
            texts.add(layout.describe(p));
        }
        return new RowOutcome(
                recordNo,
                sourceLine(layout, rec, line),
                student,
                demo,
                r.problems(),
                texts,
                r.forms(),
                r.norms(),
                r.decision().orElse(null),
                profile.testDate(),
                r);
    }

    /** The spreadsheet row when a converter supplied one, else the CSV line the record starts on. */
    private static long sourceLine(ColumnLayout layout, String[] rec, long line) {
        String row = cell(rec, layout.column("source_row"));
        return !row.isEmpty() && SOURCE_ROW.matcher(row).matches() ? Long.parseLong(row) : line;
    }

    /** A spreadsheet row number as a converter writes it (compiled once: it was per record). */
    private static final java.util.regex.Pattern SOURCE_ROW = java.util.regex.Pattern.compile("[1-9][0-9]{0,9}");

    private static String cell(String[] rec, int column) {
        return column >= 0 && column < rec.length ? rec[column] : "";
    }

    /** Roll-up columns: the policy's tiers, most severe first, then "none". */
    private List<String> outcomeColumns() {
        return options.policy().outcomeIds();
    }

    /** {@code StudentField.values()} once (each call copies the array). */
    private static final StudentField[] STUDENT_FIELDS = StudentField.values();

    private List<String> csvRow(RowOutcome o) {
        List<String> v = new ArrayList<>(columnCount);
        scoresCsv.write(o, RowCells.into(v));
        return v;
    }

    /** Output column names, fixed for a given set of plans and policy. */
    List<String> columns() {
        return scoresCsv.columns();
    }

    private RunSummary summary(
            InputLabel input,
            ResponseFileScan.Bytes bytes,
            long in,
            long out,
            long blank,
            Problems problems,
            Map<String, Map<String, Long>> status,
            Map<String, Long> tiers,
            Map<String, Long> codes,
            List<String> outputs,
            long started) {
        return new RunSummary(
                input.name(),
                input.sha256(),
                bytes.encodingNote(),
                in,
                out,
                blank,
                problems,
                status,
                tiers,
                codes,
                outputs,
                options.policy() == null ? "" : options.policy().key(),
                options.pseudonymizer() == null ? "" : options.pseudonymizer().keyId(),
                EngineVersion.VALUE,
                (System.nanoTime() - started) / 1_000_000);
    }

    /** {@return what a problem code ({@code PSY-nnnn}) means} */
    public static String meaning(String codeId) {
        for (ProblemCode c : ProblemCode.values()) {
            if (c.id().equals(codeId)) {
                return c.summary() + (c.makesRecordUnscorable() ? " (the record is not scored)" : "");
            }
        }
        return "";
    }
}
