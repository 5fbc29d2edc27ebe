package org.psyscreen.score;

/**
 * One student's answers, addressed by item index in plan order. A {@code null} or empty answer is
 * blank. Answers are codes exactly as the instrument declares them: reading cells (trimming,
 * full-width digits) is done once, by {@link #cell(String)}, which every front end uses through the
 * {@code Screener}, so the scorer never guesses.
 */
@FunctionalInterface
public interface ResponseRow {
    /**
     * {@return the answer code of item {@code item}, or {@code null}/empty when blank}
     *
     * @param item the item's index in form order
     */
    CharSequence answer(int item);

    /**
     * {@return the sitting's response time per answered item, in seconds, or {@code NaN} when the
     * source recorded no time} A definition's {@code response-time} check reads it; a row without a
     * time leaves that check not evaluated.
     */
    default double secondsPerItem() {
        return Double.NaN;
    }

    /**
     * {@return {@code row} with the sitting's response time per answered item}
     *
     * @param row the answers
     * @param secondsPerItem seconds per answered item of the whole sitting, or {@code NaN}
     */
    static ResponseRow timed(ResponseRow row, double secondsPerItem) {
        return new ResponseRow() {
            @Override
            public CharSequence answer(int item) {
                return row.answer(item);
            }

            @Override
            public double secondsPerItem() {
                return secondsPerItem;
            }
        };
    }

    /** Longest cell read as an answer; longer is an invalid answer (a corrupt file, not a student). */
    int MAX_CELL = 4096;

    /**
     * {@return a row over an array of codes (not copied: do not change it while scoring)}
     *
     * @param answers the answer codes in form order
     */
    static ResponseRow of(String... answers) {
        return i -> i < answers.length ? answers[i] : null;
    }

    /**
     * {@return a cell as a file or a form carries it, read as the code it means: full-width characters
     * half-width, surrounding white space trimmed ({@code " ３ "} is {@code "3"}); a cell longer than
     * {@link #MAX_CELL} characters is an answer no code matches; {@code null} stays blank} Nothing else
     * is changed: {@code "3.0"} or {@code "三"} stay what they are, invalid for a 0..3 item.
     *
     * @param raw the cell as written, or {@code null}
     */
    static String cell(String raw) {
        if (raw == null) {
            return null;
        }
        return raw.length() > MAX_CELL ? "\u0000" : org.psyscreen.student.Cells.normalise(raw);
    }

    /**
     * {@return a row over cells read with {@link #cell(String)} (a copy)}
     *
     * @param cells the cells as written, in form order
     */
    static ResponseRow ofCells(String... cells) {
        String[] codes = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            codes[i] = cell(cells[i]);
        }
        return of(codes);
    }
}
