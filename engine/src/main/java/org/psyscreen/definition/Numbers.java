package org.psyscreen.definition;

import java.math.BigDecimal;

/** Locale-independent number printing for describe() texts and messages. */
public final class Numbers {
    private Numbers() {}

    /** Prints whole numbers without a decimal point and others in their shortest exact form. */
    public static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
