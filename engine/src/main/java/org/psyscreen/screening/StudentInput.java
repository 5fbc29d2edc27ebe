package org.psyscreen.screening;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One student's record as raw text, filled by a front end and handed to {@link #screen()}: the
 * student's fields, region-supplied attributes, answers by instrument and item, and any problem the
 * front end found with the record itself (a shifted row, a duplicated id). Nothing is parsed here;
 * the {@link Screener} reads everything, so a cell means the same whichever front end carried it.
 *
 * <p>One student at a time, and never two: {@link #screen()} empties the input again, whatever
 * happens, so the next student starts from nothing, and a setter that refuses its arguments empties
 * it too (a caller who skips that student cannot carry half of it to the next). A student's answer
 * can therefore never reach another student's result through a reused input. Mutable, not
 * thread-safe: one per thread. {@link Screener#screen(java.util.function.Consumer)} hands out a fresh
 * one per call for callers who would rather not hold one.
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

    /**
     * Sets a student field.
     *
     * @param field which field
     * @param raw its raw text; {@code null} or blank is unknown
     * @return this input
     */
    public StudentInput set(StudentField field, String raw) {
        if (field == null) {
            clear();
            throw new NullPointerException("field (the input was emptied: fill the student again)");
        }
        fields[field.ordinal()] = raw;
        return this;
    }

    /**
     * Sets a region-supplied yes/no attribute.
     *
     * @param name the attribute's name, as the policy declares it
     * @param raw its raw text; blank is unknown, never no
     * @return this input
     */
    public StudentInput attribute(String name, String raw) {
        if (name == null) {
            clear();
            throw new NullPointerException("attribute name (the input was emptied: fill the student again)");
        }
        attributes.put(name, raw);
        return this;
    }

    /**
     * Sets an answer by position: {@code instrument} indexes {@link Screener#instrumentIds()},
     * {@code item} the instrument's items in form order. The fast path for front ends that resolved
     * their columns once.
     *
     * @param instrument the instrument's index in {@link Screener#instrumentIds()}
     * @param item the item's index in the instrument's form order
     * @param raw the answer as written; {@code null} or blank is unanswered
     * @return this input
     */
    public StudentInput answer(int instrument, int item, String raw) {
        if (instrument < 0 || instrument >= answers.length || item < 0 || item >= answers[instrument].length) {
            clear();
            throw new IndexOutOfBoundsException("no instrument " + instrument + ", item " + item
                    + " in this screener (the input was emptied: fill the student again)");
        }
        answers[instrument][item] = raw;
        return this;
    }

    /**
     * Sets an answer by ids.
     *
     * @param instrumentId the instrument's id
     * @param itemId the item's id
     * @param raw the answer as written; {@code null} or blank is unanswered
     * @return this input
     * @throws IllegalArgumentException when the screener has no such instrument or item
     */
    public StudentInput answer(String instrumentId, String itemId, String raw) {
        int k = screener.instrumentIndex(instrumentId);
        if (k < 0) {
            clear();
            throw new IllegalArgumentException("no instrument '" + instrumentId + "' in this screener"
                    + " (the input was emptied: fill the student again)");
        }
        int i = screener.plans[k].itemIndex(itemId);
        if (i < 0) {
            clear();
            throw new IllegalArgumentException("instrument '" + instrumentId + "' has no item '" + itemId + "'"
                    + " (the input was emptied: fill the student again)");
        }
        answers[k][i] = raw;
        return this;
    }

    /**
     * Records a problem the front end found with the record itself. One whose code
     * {@linkplain org.psyscreen.diagnostic.ProblemCode#makesRecordUnscorable() makes the record
     * unscorable} means no answer is read by position.
     *
     * @param problem the problem, with its code and place
     * @return this input
     */
    public StudentInput flag(RecordProblem problem) {
        if (problem == null) {
            clear();
            throw new NullPointerException("problem (the input was emptied: fill the student again)");
        }
        flags.add(problem);
        return this;
    }

    /**
     * Forgets everything. {@link #screen()} does this itself; call it to drop a half-filled student.
     *
     * @return this input, empty
     */
    public StudentInput clear() {
        Arrays.fill(fields, null);
        attributes.clear();
        for (String[] a : answers) {
            Arrays.fill(a, null);
        }
        flags.clear();
        return this;
    }

    /**
     * Screens the student as filled in, then empties the input (also when screening throws): the
     * next student starts from nothing.
     *
     * @return the student's result
     */
    public ScreeningResult screen() {
        try {
            return screener.screen(this);
        } finally {
            clear();
        }
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
