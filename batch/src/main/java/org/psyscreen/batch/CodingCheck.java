package org.psyscreen.batch;

import java.util.ArrayList;
import java.util.List;
import org.psyscreen.definition.InstrumentDefinition;
import org.psyscreen.definition.Item;
import org.psyscreen.definition.ResponseCode;
import org.psyscreen.definition.ResponseSet;
import org.psyscreen.plan.ScoringPlan;
import org.psyscreen.score.AnswerState;
import org.psyscreen.score.ScoredResponse;
import org.psyscreen.student.Cells;

/**
 * Evidence, per item column, that a file is coded differently from its definition — option numbers
 * 1..4 where the definition says 0..3. Such a file scores silently wrong (every answer one too high,
 * a self-harm item POSITIVE for everyone), so a column where no answer uses the lowest code and some
 * answers are numbers above the highest code refuses the whole file. Counted per chunk on the pool,
 * added up in order; only booleans are kept.
 */
final class CodingCheck {
    private final List<String> instruments;
    private final List<ScoringPlan> plans;
    private final int[][] lowestValue;
    private final long[][] highestCode;
    final boolean[][] sawLowest;
    /** Answers above the highest code, per column, counted up to {@link #ENOUGH}. */
    final int[][] above;

    /**
     * Above-range answers a column needs before it counts as coded differently: one stray '4' in a
     * tiny file is a typo (an invalid answer), not a coding.
     */
    static final int ENOUGH = 2;

    /** Per column: answers that are text (not numbers) and not a code, and answers that are codes. */
    final int[][] text;

    final int[][] answered;

    CodingCheck(List<String> instruments, List<ScoringPlan> plans) {
        this.instruments = instruments;
        this.plans = plans;
        int n = plans.size();
        lowestValue = new int[n][];
        highestCode = new long[n][];
        sawLowest = new boolean[n][];
        above = new int[n][];
        text = new int[n][];
        answered = new int[n][];
        for (int k = 0; k < n; k++) {
            InstrumentDefinition d = plans.get(k).definition();
            int items = d.items().size();
            lowestValue[k] = new int[items];
            highestCode[k] = new long[items];
            sawLowest[k] = new boolean[items];
            above[k] = new int[items];
            text[k] = new int[items];
            answered[k] = new int[items];
            for (int i = 0; i < items; i++) {
                Item item = d.items().get(i);
                ResponseSet set = d.responseSet(item.responses()).orElseThrow();
                lowestValue[k][i] = set.minValue();
                long high = Long.MIN_VALUE;
                for (ResponseCode c : set.codes()) {
                    if (c.code().matches("[0-9]{1,9}")) {
                        high = Math.max(high, Long.parseLong(c.code()));
                    }
                }
                highestCode[k][i] = high;
            }
        }
    }

    /** An empty check of the same shape (one per chunk): the definition's ranges shared, counters new. */
    CodingCheck fresh() {
        return new CodingCheck(this);
    }

    private CodingCheck(CodingCheck shape) {
        this.instruments = shape.instruments;
        this.plans = shape.plans;
        this.lowestValue = shape.lowestValue; // never written after construction
        this.highestCode = shape.highestCode;
        int n = shape.sawLowest.length;
        sawLowest = new boolean[n][];
        above = new int[n][];
        text = new int[n][];
        answered = new int[n][];
        for (int k = 0; k < n; k++) {
            int items = shape.sawLowest[k].length;
            sawLowest[k] = new boolean[items];
            above[k] = new int[items];
            text[k] = new int[items];
            answered[k] = new int[items];
        }
    }

    /** A number as an answer cell may hold one, and a whole code (compiled once: they ran per invalid answer). */
    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("-?[0-9]{1,9}(\\.[0-9]+)?");

    private static final java.util.regex.Pattern WHOLE = java.util.regex.Pattern.compile("[0-9]{1,9}");

    /** Records what one form's answers show; {@code cells} are the raw cells of its items. */
    void see(int k, ScoredResponse form, String[] rec, int[] columns) {
        for (int i = 0; i < columns.length; i++) {
            AnswerState st = form.answerState(i);
            if (st == AnswerState.ANSWERED) {
                answered[k][i]++;
                if (!sawLowest[k][i] && form.rawValueAt(i) == lowestValue[k][i]) {
                    sawLowest[k][i] = true;
                }
            } else if (st == AnswerState.INVALID) {
                int c = columns[i];
                String v = c >= 0 && c < rec.length ? Cells.normalise(rec[c]) : "";
                if (NUMBER.matcher(v).matches()) {
                    if (highestCode[k][i] != Long.MIN_VALUE
                            && WHOLE.matcher(v).matches()
                            && Long.parseLong(v) > highestCode[k][i]) {
                        above[k][i]++;
                    }
                } else if (!v.isEmpty()) {
                    text[k][i]++;
                }
            }
        }
    }

    /** Adds another chunk's evidence. */
    void add(CodingCheck other) {
        for (int k = 0; k < sawLowest.length; k++) {
            for (int i = 0; i < sawLowest[k].length; i++) {
                sawLowest[k][i] |= other.sawLowest[k][i];
                above[k][i] += other.above[k][i];
                text[k][i] += other.text[k][i];
                answered[k][i] += other.answered[k][i];
            }
        }
    }

    /**
     * Columns ({@code instrument.item}) coded differently: no answer uses the lowest code, and at
     * least {@link #ENOUGH} are numbers above the highest.
     */
    List<String> suspicious() {
        List<String> out = new ArrayList<>();
        for (int k = 0; k < sawLowest.length; k++) {
            for (int i = 0; i < sawLowest[k].length; i++) {
                if (!sawLowest[k][i] && above[k][i] >= ENOUGH) {
                    out.add(instruments.get(k) + "." + plans.get(k).itemIds().get(i));
                }
            }
        }
        return out;
    }

    /**
     * Columns whose answers are mostly text that is not a code (option text such as 完全不会 exported
     * without a recoding table): at least {@link #ENOUGH} such answers and at least half of the
     * column's non-blank answers.
     */
    List<String> textColumns() {
        List<String> out = new ArrayList<>();
        for (int k = 0; k < text.length; k++) {
            for (int i = 0; i < text[k].length; i++) {
                if (text[k][i] >= ENOUGH && 2L * text[k][i] >= (long) text[k][i] + answered[k][i]) {
                    out.add(instruments.get(k) + "." + plans.get(k).itemIds().get(i));
                }
            }
        }
        return out;
    }

    /** Up to ten columns with the definition's range each ({@code phqa.q1 (definition 0..3)}), for a message. */
    String listed(List<String> columns) {
        List<String> shown = new ArrayList<>();
        for (String c : columns.subList(0, Math.min(10, columns.size()))) {
            shown.add(c + " (definition " + range(c) + ")");
        }
        return String.join(", ", shown) + (columns.size() > 10 ? ", ..." : "");
    }

    /** The definition's codes of a column, as {@code lowest..highest}, for the message. */
    private String range(String column) {
        int dot = column.indexOf('.');
        int k = instruments.indexOf(column.substring(0, dot));
        int i = plans.get(k).itemIndex(column.substring(dot + 1));
        InstrumentDefinition d = plans.get(k).definition();
        ResponseSet set = d.responseSet(d.items().get(i).responses()).orElseThrow();
        String low = set.codes().stream()
                .filter(c -> c.value() == set.minValue())
                .findFirst()
                .orElseThrow()
                .code();
        return low + ".." + highestCode[k][i];
    }
}
