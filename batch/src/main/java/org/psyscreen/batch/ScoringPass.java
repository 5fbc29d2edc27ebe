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
import org.psyscreen.privacy.SmallCellSuppressor;
import org.psyscreen.score.FormStatus;
import org.psyscreen.score.ScoredResponse;
import org.psyscreen.screening.RecordProblem;
import org.psyscreen.screening.Screener;
import org.psyscreen.screening.StudentInput;
import org.psyscreen.version.EngineVersion;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Pass 2 of a run: the records of a checked file read in chunks, scored and encoded on several
 * threads, written in input order ({@code scores.csv}, {@code scores.jsonl}, the roll-up) and given to
 * the result sinks; then the problems only the whole file shows, which refuse it with nothing but the
 * summary published. Output bytes do not depend on the thread count.
 */
final class ScoringPass {
    /** One generator writes the whole JSON Lines file; records are separated by a newline. */
    private static final JsonFactory JSON_LINES =
            JsonFactory.builder().rootValueSeparator("\n").build();

    private final BatchOptions options;
    private final Screener screener;
    private final ScoresCsv scoresCsv;
    private final CodingCheck coding;
    private final RowScreener rowScreener;
    private final int columnCount;
    private final Map<String, SummaryJson.Definition> definitions;
    /** The policy's outcome ids (the roll-up's columns), or none without a policy. */
    private final List<String> outcomeIds;

    ScoringPass(
            BatchOptions options,
            Screener screener,
            ScoresCsv scoresCsv,
            CodingCheck coding,
            RowScreener rowScreener,
            Map<String, SummaryJson.Definition> definitions) {
        this.options = options;
        this.screener = screener;
        this.scoresCsv = scoresCsv;
        this.coding = coding;
        this.rowScreener = rowScreener;
        this.columnCount = scoresCsv.columns().size();
        this.definitions = definitions;
        this.outcomeIds =
                options.policy() == null ? List.of() : options.policy().outcomeIds();
    }

    /** One record's scores.csv cells. */
    List<String> cells(RowOutcome o) {
        List<String> v = new ArrayList<>(columnCount);
        scoresCsv.write(o, RowCells.into(v));
        return v;
    }

    /**
     * Pass 2: scores every record of a checked file into {@code outDir} and gives each to the sinks;
     * a file refused after scoring (a problem only the whole file shows) or a failure leaves nothing
     * of the sinks. Returns the run's summary (its outputs not yet holding summary.json).
     */
    RunSummary score(ResponseInput input, FileCheck.Checked c, Path outDir, long started, SinkSet sunk)
            throws IOException {
        String name = c.name();
        ResponseFileScan.Bytes bytes = c.bytes();
        ColumnLayout layout = c.layout();
        long recordsIn = c.records();
        long blank = c.blank();
        DuplicateIds duplicated = c.duplicated();
        Path csvTmp = outDir.resolve(ScoresCsv.FILE);
        Path jsonTmp = outDir.resolve(ScoresJsonl.FILE);
        Tally tally = newTally();
        // Each scoring thread counts its records into its own roll-up, added up once at the end:
        // merged per chunk, the main thread re-hashed every class of every chunk (with tens of
        // thousands of classes a chunk shares almost none) — a tenth of a run's time.
        Map<Thread, Rollups> rollupsByThread = new java.util.concurrent.ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(options.threads());
        // Chunks are read here, scored and encoded on the pool, written here in input order; at most
        // two per thread are in flight, so memory stays flat whatever the file size.
        Deque<Future<ScoredChunk>> inFlight = new ArrayDeque<>();
        long out = 0;
        try (RecordSource source = RecordSource.open(input, bytes);
                OutputStream csvOut = new BufferedOutputStream(Files.newOutputStream(csvTmp), 1 << 16);
                OutputStream jsonOut = options.outputs().auditTrail()
                        ? new BufferedOutputStream(Files.newOutputStream(jsonTmp), 1 << 16)
                        : OutputStream.nullOutputStream()) {
            PagedBytes header = new PagedBytes();
            CsvLines.write(scoresCsv.columns(), header);
            header.writeTo(csvOut);
            sunk.open(new ResultSink.Start(
                    outDir,
                    scoresCsv.columns(),
                    options.policy() == null ? "" : options.policy().key(),
                    bytes.sha256(),
                    options.pseudonymizer() == null
                            ? ""
                            : options.pseudonymizer().keyId(),
                    EngineVersion.VALUE,
                    definitions));
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
                                        Thread.currentThread(),
                                        t -> new Rollups(options.policy().outcomeIds())))));
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
                    name,
                    0,
                    "pass 1 read " + recordsIn + " records and pass 2 read " + out,
                    "do not change the file while it is scored; run again");
        } else if (!textColumns.isEmpty()) {
            refusal = ResponseFileScan.fileProblem(
                    ProblemCode.FILE_TEXT_ANSWERS,
                    name,
                    1,
                    textColumns.size() + " item column(s) hold option text where the definition expects codes — "
                            + tally.coding.listed(textColumns),
                    "add a 'values:' table to the mapping that says which code each option text is, e.g."
                            + " values: {phqa: {\"完全不会\": \"0\", \"好几天\": \"1\"}}; or export option scores");
        } else if (!odd.isEmpty()) {
            refusal = ResponseFileScan.fileProblem(
                    ProblemCode.FILE_CODED_DIFFERENTLY,
                    name,
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
            sunk.abandon();
            return summary(
                    name,
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
                name,
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
    record ScoredChunk(long records, PagedBytes csv, PagedBytes json, List<ResultRow> sunk, Tally tally) {}

    /** Scores and encodes one chunk, with a roll-up of its own. */
    ScoredChunk scoreChunk(ColumnLayout layout, DuplicateIds duplicated, long first, RecordBlock block) {
        return scoreChunk(
                layout,
                duplicated,
                first,
                block,
                false,
                rollupWanted() ? new Rollups(options.policy().outcomeIds()) : null);
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
        Tally tally = newTally(null);
        List<ResultRow> sunk = forSinks ? new ArrayList<>(block.size()) : null;
        Encoder encoder = new Encoder();
        StudentInput input = screener.newInput();
        for (int i = 0; i < block.size(); i++) {
            String[] rec = block.fields(i);
            RowOutcome o = rowScreener.row(layout, duplicated, input, first + i, block.line(i), rec);
            if (!o.unscorable()) {
                int k = 0;
                for (ScoredResponse form : o.forms().values()) {
                    tally.coding.see(k, form, rec, layout.itemColumns[k]);
                    k++;
                }
            }
            encoder.add(o);
            if (sunk != null) {
                sunk.add(new ResultRow(o, cells(o), screener.normTableIds()));
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
        boolean header = false;
        for (RecordProblem p : o.problems()) {
            t.problemCodes[p.code().ordinal()]++;
            header |= p.code() == ProblemCode.ROW_HEADER_REPEATED;
        }
        if (header) {
            // A header repeated inside the file (concatenated exports) is output and flagged, but it is
            // not a student: it is not counted in statuses, tiers or roll-ups.
            t.notAStudent++;
            return;
        }
        int k = 0;
        for (ScoredResponse form : o.forms().values()) {
            t.formStatus[k++][form.status().ordinal()]++;
        }
        // its own column: a student whose decision is unevaluated is never counted as no risk
        int col = o.decision() == null
                ? t.outcomes.length - 1
                : outcomeIds.indexOf(o.decision().outcomeId());
        if (col < 0) {
            // not one of the chosen version's outcomes (another version decided): counted by name; the
            // roll-up's columns are the chosen version's, and Rollups.add refuses it
            t.tiers.merge(o.decision().outcomeId(), 1L, Long::sum);
        } else {
            t.outcomes[col]++;
        }
        if (rollups != null) {
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
        return newTally(rollupWanted() ? new Rollups(options.policy().outcomeIds()) : null);
    }

    private Tally newTally(Rollups rollups) {
        return new Tally(rollups, coding.fresh(), screener.instrumentIds(), outcomeIds);
    }

    private boolean rollupWanted() {
        return options.policy() != null && options.outputs().rollup();
    }

    /**
     * Counts for the summary and the roll-up: per chunk on the pool, added up in input order. A chunk
     * counts by index (form and status, outcome, problem code) and its counts are added to the maps
     * once: merging names into sorted maps for every record was a twentieth of a scoring thread's time.
     */
    static final class Tally {
        final Map<String, Map<String, Long>> status = new TreeMap<>();
        final Map<String, Long> tiers = new TreeMap<>();
        final Map<String, Long> codes = new TreeMap<>();
        final Rollups rollups;
        final CodingCheck coding;
        private final List<String> forms;
        private final List<String> outcomeIds;
        /** Per form (in {@code forms} order) and {@link FormStatus} ordinal. */
        final long[][] formStatus;
        /** Per outcome (in {@code outcomeIds} order), then records decided by no policy. */
        final long[] outcomes;
        /** Per {@link ProblemCode} ordinal. */
        final long[] problemCodes = new long[ProblemCode.values().length];

        long notAStudent;

        Tally(Rollups rollups, CodingCheck coding, List<String> forms, List<String> outcomeIds) {
            this.rollups = rollups;
            this.coding = coding;
            this.forms = forms;
            this.outcomeIds = outcomeIds;
            this.formStatus = new long[forms.size()][FormStatus.values().length];
            this.outcomes = new long[outcomeIds.size() + 1];
        }

        void add(Tally t) {
            coding.add(t.coding);
            t.tiers.forEach((k, n) -> tiers.merge(k, n, Long::sum)); // outcomes another version named
            for (int f = 0; f < t.formStatus.length; f++) {
                for (FormStatus s : FormStatus.values()) {
                    long n = t.formStatus[f][s.ordinal()];
                    if (n > 0) {
                        status.computeIfAbsent(t.forms.get(f), x -> new TreeMap<>())
                                .merge(s.name(), n, Long::sum);
                    }
                }
            }
            for (int c = 0; c < t.outcomes.length; c++) {
                if (t.outcomes[c] > 0) {
                    tiers.merge(c < t.outcomeIds.size() ? t.outcomeIds.get(c) : "no policy", t.outcomes[c], Long::sum);
                }
            }
            if (t.notAStudent > 0) {
                tiers.merge(BatchScorer.NOT_A_STUDENT, t.notAStudent, Long::sum);
            }
            for (ProblemCode code : ProblemCode.values()) {
                if (t.problemCodes[code.ordinal()] > 0) {
                    codes.merge(code.id(), t.problemCodes[code.ordinal()], Long::sum);
                }
            }
            if (rollups != null && t.rollups != null) {
                rollups.add(t.rollups);
            }
        }
    }

    RunSummary summary(
            String input,
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
                input,
                bytes.sha256(),
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
}
