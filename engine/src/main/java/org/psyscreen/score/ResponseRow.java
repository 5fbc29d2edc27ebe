package org.psyscreen.score;

/**
 * One student's answers, addressed by item index in plan order. A {@code null} or empty answer is
 * blank. Answers are codes exactly as the instrument declares them: normalising input (trimming,
 * full-width digits) is the reader's job, so the scorer never guesses.
 */
@FunctionalInterface
public interface ResponseRow {
    /** The answer code of item {@code item}, or {@code null}/empty when blank. */
    CharSequence answer(int item);

    /** A row over an array of codes (not copied: do not change it while scoring). */
    static ResponseRow of(String... answers) {
        return i -> i < answers.length ? answers[i] : null;
    }
}
