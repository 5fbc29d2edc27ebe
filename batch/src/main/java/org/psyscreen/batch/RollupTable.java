package org.psyscreen.batch;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * {@code rollup.csv} from counts made elsewhere (a Spark aggregation): the same levels, the same
 * small-cell suppression and the same bytes as the batch writes from its own counts.
 */
public final class RollupTable {
    /** The file's name in a run folder. */
    public static final String FILE = "rollup.csv";

    /** The format version written in the run's {@code summary.json}. */
    public static final int FORMAT = 1;

    private final Rollups rollups;
    private final List<String> outcomes;

    /** @param outcomes the policy's tier ids, most severe first, then {@code none} */
    public RollupTable(List<String> outcomes) {
        this.outcomes = List.copyOf(outcomes);
        this.rollups = new Rollups(outcomes);
    }

    /**
     * Adds the students of one class with one outcome.
     *
     * @param region the region ({@code ""} when not given)
     * @param school the school
     * @param grade the grade
     * @param klass the class
     * @param outcome an outcome id of the policy ({@code CutoffPolicy.outcomeIds()})
     * @param count the students
     * @throws IllegalArgumentException for an outcome that is not one of the table's
     */
    public void add(String region, String school, String grade, String klass, String outcome, long count) {
        int column = outcomes.indexOf(outcome);
        if (column < 0) {
            throw new IllegalArgumentException("unknown outcome '" + outcome + "'");
        }
        rollups.add(region, school, grade, klass, column, count);
    }

    /**
     * Writes the suppressed roll-up.
     *
     * @param out where to write it
     * @param k the smallest count published; smaller ones, and those that would reveal them, are hidden
     * @throws IOException when it cannot be written
     */
    public void write(Writer out, int k) throws IOException {
        rollups.write(out, k);
    }
}
