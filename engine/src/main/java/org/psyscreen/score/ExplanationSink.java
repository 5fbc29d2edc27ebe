package org.psyscreen.score;

/**
 * Receives every step of one scoring run. The scorer calls it on the same path it computes on, so
 * an explanation is a way of running the one scorer, never a second implementation. The fast path
 * passes {@link #NONE} and pays a single reference comparison per step.
 *
 * <p>Indexes are plan indexes: items, scales, validity checks and critical items in definition
 * order.
 */
public interface ExplanationSink {
    /** Ignores everything. */
    ExplanationSink NONE = new ExplanationSink() {};

    /**
     * An item's answer was read.
     *
     * @param item the item's index in form order
     * @param state answered, blank or invalid
     * @param raw the raw code read
     * @param keyed the value after reverse keying (0 unless answered)
     */
    default void answer(int item, AnswerState state, int raw, int keyed) {}

    /**
     * A critical item was evaluated.
     *
     * @param critical the critical item's index in the definition
     * @param state positive, negative or unknown
     */
    default void critical(int critical, CriticalState state) {}

    /**
     * A member of a scale was used (or found missing).
     *
     * @param scale the scale's index
     * @param member the member's index: an item's, or a scale's for a composite
     * @param present whether it had a value
     * @param value its value (keyed answer or scale score) when present
     */
    default void member(int scale, int member, boolean present, double value) {}

    /**
     * A scale was finished.
     *
     * @param scale the scale's index
     * @param score its score, or why it has none
     */
    default void scale(int scale, ScaleScore score) {}

    /**
     * A validity check was evaluated.
     *
     * @param check the check's index in the definition
     * @param measure what it measured; NaN when it could not be measured
     * @param fired whether it flagged the form
     */
    default void validity(int check, double measure, boolean fired) {}

    /**
     * The form's status was decided.
     *
     * @param status the form's status
     */
    default void status(FormStatus status) {}
}
