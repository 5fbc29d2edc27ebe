package org.psyscreen.batch;

import java.util.ArrayList;
import java.util.List;
import org.psyscreen.diagnostic.Problem;
import org.psyscreen.diagnostic.Problems;
import org.psyscreen.privacy.Pseudonymizer;
import org.psyscreen.screening.StudentInput;

/**
 * The batch's scoring of one record at a time, for engines that read and distribute records
 * themselves (Spark): the same header resolution, the same checks of each record, the same
 * {@code scores.csv} columns and cells as {@link BatchScorer}, so both give equal output for equal
 * input. Not thread-safe: one per thread or partition. What only a whole file shows is given to it:
 * the ids that occur more than once ({@link #idHash}).
 */
public final class RecordScorer {
    private final BatchScorer scorer;
    private final ColumnLayout layout;
    private final DuplicateIds duplicated;
    private final StudentInput input;

    private RecordScorer(BatchScorer scorer, ColumnLayout layout, DuplicateIds duplicated) {
        this.scorer = scorer;
        this.layout = layout;
        this.duplicated = duplicated;
        this.input = scorer.newInput();
    }

    /** The header was refused: the problems say which column and how to fix it. */
    public static final class HeaderRefused extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Problems problems;

        HeaderRefused(Problems problems) {
            super("the header cannot be scored: " + problems.all().size() + " problem(s)");
            this.problems = problems;
        }

        /** {@return the header's problems, at least one of them an error} */
        public Problems problems() {
            return problems;
        }
    }

    /**
     * {@return a scorer of the records of an input with this header}
     *
     * @param options as for {@link BatchScorer}
     * @param header the input's column names
     * @param duplicatedIdHashes {@link #idHash} of every id that occurs more than once in the input
     * @throws HeaderRefused when the header cannot be scored (a missing or unknown column, a repeat)
     */
    public static RecordScorer open(BatchOptions options, List<String> header, long[] duplicatedIdHashes)
            throws HeaderRefused {
        BatchScorer scorer = new BatchScorer(options);
        List<Problem> problems = new ArrayList<>();
        ColumnLayout layout = ColumnLayout.resolve(
                "input",
                header,
                scorer.plans(),
                options.mapping().columns(),
                options.mapping().ignore(),
                false,
                problems);
        Problems p = Problems.of(problems);
        if (p.hasErrors()) {
            throw new HeaderRefused(p);
        }
        return new RecordScorer(scorer, layout, DuplicateIds.of(duplicatedIdHashes));
    }

    /**
     * {@return the hash under which an id counts as duplicated (of the canonical id; 0 for a blank one)}
     *
     * @param rawId an id as read
     */
    public static long idHash(String rawId) {
        String id = Pseudonymizer.canonical(rawId == null ? "" : rawId);
        return id.isEmpty() ? 0 : LongSet.hash(id);
    }

    /**
     * {@return the fields of one line of a CSV file, split by the batch's own CSV reader with its settings
     * (for engines that read a file's lines themselves)}
     *
     * @param line one line of a CSV file
     */
    public static String[] fields(String line) {
        try (var csv = ResponseFileScan.csv(new java.io.StringReader(line))) {
            for (var record : csv) {
                return record.getFields().toArray(String[]::new);
            }
            return new String[0];
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** {@return the output columns, as {@code scores.csv} has them} */
    public List<String> columns() {
        return scorer.columns();
    }

    /**
     * {@return the cells of one record's {@code scores.csv} line (before CSV quoting)}
     *
     * @param record 1-based record number
     * @param line the line it starts on
     * @param fields its fields as read (fewer or more than the header are flagged, never dropped)
     */
    public List<String> score(long record, long line, String[] fields) {
        return scorer.csvCells(layout, duplicated, input, record, line, fields);
    }
}
