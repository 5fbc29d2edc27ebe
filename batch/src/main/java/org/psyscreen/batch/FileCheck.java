package org.psyscreen.batch;

import de.siegmar.fastcsv.reader.CsvParseException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.psyscreen.diagnostic.Problem;
import org.psyscreen.diagnostic.ProblemCode;
import org.psyscreen.diagnostic.Problems;
import org.psyscreen.load.MappingLoader;
import org.psyscreen.plan.ScoringPlan;
import org.psyscreen.privacy.Pseudonymizer;

/**
 * Pass 1 of a run: everything that decides whether a response file can be scored at all, found
 * before any output is written — its bytes (hash, encoding), its header against the plans and the
 * mapping, its record count and the student ids it holds twice. Memory does not grow with the file.
 */
final class FileCheck {
    private final Map<String, ScoringPlan> plans;
    private final MappingLoader.HeaderMapping mapping;

    FileCheck(Map<String, ScoringPlan> plans, MappingLoader.HeaderMapping mapping) {
        this.plans = plans;
        this.mapping = mapping;
    }

    /** What the checking pass over a file found: its bytes, layout, counts and file problems. */
    record Checked(
            String name,
            ResponseFileScan.Bytes bytes,
            ColumnLayout layout,
            long records,
            long blank,
            DuplicateIds duplicated,
            Problems problems) {}

    /**
     * Reads and checks {@code input} (encoding, header, shape, duplicate ids) without scoring it; with
     * {@code otherInstrumentsIgnored}, columns of instruments not being scored are ignored.
     */
    Checked check(ResponseInput in, boolean otherInstrumentsIgnored) throws IOException {
        String name = in.name();
        List<Problem> problems = new ArrayList<>();
        ResponseFileScan.Bytes bytes;
        ResponseFileScan.Bytes guess = null;
        IdPass guessed = null;
        if (in instanceof ResponseRows rows) {
            bytes = rows.digest(); // cells, not bytes: no encoding to find, nothing to decode
        } else if (((ResponseFile) in).format() == ResponseFile.Format.CSV) {
            ResponseFile input = (ResponseFile) in;
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
                    guessed = idPass(in, guess, name, otherInstrumentsIgnored);
                } catch (IOException | RuntimeException e) {
                    guessed = null; // not plain after all; the byte pass decides how to read it
                }
            }
            bytes = finished(bytePass);
        } else {
            bytes = ResponseFileScan.bytes((ResponseFile) in, name, problems);
        }
        ColumnLayout layout = null;
        long records = 0;
        long blank = 0;
        DuplicateIds duplicated = DuplicateIds.none();
        if (problems.isEmpty()) {
            IdPass ids = guessed != null && ResponseFileScan.readsAs(bytes, guess) ? guessed : null;
            guessed = null; // a wrong guess's filter is garbage before the second read allocates one
            if (ids == null) {
                ids = idPass(in, bytes, name, otherInstrumentsIgnored);
            }
            problems.addAll(ids.problems());
            layout = ids.layout();
            records = ids.records();
            blank = ids.blank();
            duplicated = ids.duplicated();
        }
        Problems fileProblems = Problems.of(problems);
        if (!fileProblems.hasErrors() && duplicated.needsRecount()) {
            recountIds(in, bytes, layout, duplicated);
        }
        return new Checked(name, bytes, layout, records, blank, duplicated, fileProblems);
    }

    /** What reading the records found: header problems, the layout, counts and the ids seen. */
    private record IdPass(
            List<Problem> problems, ColumnLayout layout, long records, long blank, DuplicateIds duplicated) {}

    /** Reads the header and every record's id as {@code bytes} says the file reads. */
    private IdPass idPass(
            ResponseInput input, ResponseFileScan.Bytes bytes, String name, boolean otherInstrumentsIgnored)
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
                        mapping.columns(),
                        mapping.ignore(),
                        otherInstrumentsIgnored,
                        problems);
                int idCol = layout.idColumn();
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

    /** The exact recount of candidate duplicate ids (only their hashes are kept). */
    private static void recountIds(
            ResponseInput input, ResponseFileScan.Bytes bytes, ColumnLayout layout, DuplicateIds ids)
            throws IOException {
        int idCol = layout.idColumn();
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
}
