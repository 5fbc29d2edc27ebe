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
        // T-scores and percentiles have a few decimals: the fewest k digits that read back as v,
        // found with integer arithmetic (Double.toString was a tenth of a batch's time in JDK 17).
        // Below 1e9 and with k <= 6 a k-digit decimal that reads back as v is the only one.
        if (Math.abs(v) < 1e9) {
            long scale = 1;
            for (int k = 1; k <= 6; k++) {
                scale *= 10;
                double m = Math.rint(v * scale);
                if (m / scale == v) {
                    return decimal((long) m, k);
                }
            }
        }
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** {@code m / 10^k} in plain notation. */
    private static String decimal(long m, int k) {
        String digits = Long.toString(Math.abs(m));
        StringBuilder s = new StringBuilder(digits.length() + k + 2);
        if (m < 0) {
            s.append('-');
        }
        for (int i = digits.length(); i <= k; i++) {
            s.append('0'); // at least one digit before the point
        }
        s.append(digits);
        s.insert(s.length() - k, '.');
        return s.toString();
    }

    /** {@code v} rounded half-up to {@code decimals} and printed with exactly that many (null: {@link #format}). */
    public static String format(double v, Integer decimals) {
        if (decimals == null) {
            return format(v);
        }
        return java.math.BigDecimal.valueOf(v)
                .setScale(decimals, java.math.RoundingMode.HALF_UP)
                .toPlainString();
    }
}
