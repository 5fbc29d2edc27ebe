package org.psyscreen.screening;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One student's record as raw text, filled by a front end and handed to {@link #screen()}: the
 * student's fields, region-supplied attributes, answers by instrument and item, and any problem the
 * front end found with the record itself (a shifted row, a duplicated id). Nothing is parsed here;
 * the {@link Screener} reads everything, so a cell means the same whichever front end carried it.
 *
 * <p>Mutable and reusable: {@link #clear()} it between students. Not thread-safe: one per thread.
 */
public final class StudentInput {
    private final Screener screener;
    private final String[] fields = new String[StudentField.values().length];
    private final Map<String, String> attributes = new TreeMap<>();
    private final String[][] answers;
    private final List<RecordProblem> flags = new ArrayList<>(4);

    StudentInput(Screener screener) {
        this.screener = screener;
        this.answers = new String[screener.plans.length][];
        for (int k = 0; k < answers.length; k++) {
            answers[k] = new String[screener.plans[k].itemCount()];
        }
    }

    /** Sets a student field (raw text; {@code null} or blank is unknown). */
    public StudentInput set(StudentField field, String raw) {
        fields[field.ordinal()] = raw;
        return this;
    }

    /** Sets a region-supplied yes/no attribute (raw text; blank is unknown, never no). */
    public StudentInput attribute(String name, String raw) {
        attributes.put(Objects.requireNonNull(name, "name"), raw);
        return this;
    }

    /**
     * Sets an answer by position: {@code instrument} indexes {@link Screener#instrumentIds()},
     * {@code item} the instrument's items in form order. The fast path for front ends that resolved
     * their columns once.
     */
    public StudentInput answer(int instrument, int item, String raw) {
        answers[instrument][item] = raw;
        return this;
    }

    /**
     * Sets an answer by ids.
     *
     * @throws IllegalArgumentException when the screener has no such instrument or item
     */
    public StudentInput answer(String instrumentId, String itemId, String raw) {
        int k = screener.instrumentIndex(instrumentId);
        if (k < 0) {
            throw new IllegalArgumentException("no instrument '" + instrumentId + "' in this screener");
        }
        int i = screener.plans[k].itemIndex(itemId);
        if (i < 0) {
            throw new IllegalArgumentException("instrument '" + instrumentId + "' has no item '" + itemId + "'");
        }
        answers[k][i] = raw;
        return this;
    }

    /**
     * Records a problem the front end found with the record itself. One whose code
     * {@linkplain org.psyscreen.diagnostic.ProblemCode#makesRecordUnscorable() makes the record
     * unscorable} means no answer is read by position.
     */
    public StudentInput flag(RecordProblem problem) {
        flags.add(Objects.requireNonNull(problem, "problem"));
        return this;
    }

    /** Forgets everything, for the next student. */
    public StudentInput clear() {
        Arrays.fill(fields, null);
        attributes.clear();
        for (String[] a : answers) {
            Arrays.fill(a, null);
        }
        flags.clear();
        return this;
    }

    /** Screens the student as filled in. */
    public ScreeningResult screen() {
        return screener.screen(this);
    }

    String field(StudentField f) {
        return fields[f.ordinal()];
    }

    Map<String, String> attributes() {
        return attributes;
    }

    String[] answers(int instrument) {
        return answers[instrument];
    }

    List<RecordProblem> flags() {
        return flags;
    }
}
