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

    /** An item's answer was read: its state, raw value and keyed value (0 unless answered). */
    default void answer(int item, AnswerState state, int raw, int keyed) {}

    /** A critical item was evaluated. */
    default void critical(int critical, CriticalState state) {}

    /** A member of a scale was used (or found missing). {@code member} is an item or scale index. */
    default void member(int scale, int member, boolean present, double value) {}

    /** A scale was finished. */
    default void scale(int scale, ScaleScore score) {}

    /** A validity check was evaluated; {@code measure} is NaN when it could not be. */
    default void validity(int check, double measure, boolean fired) {}

    /** The form's status was decided. */
    default void status(FormStatus status) {}
}
