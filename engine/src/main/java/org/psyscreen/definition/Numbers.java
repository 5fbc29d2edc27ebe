package org.psyscreen.definition;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Locale-independent number printing for describe() texts and messages. */
public final class Numbers {
    private Numbers() {}

    /**
     * Prints whole numbers without a decimal point and others in their shortest exact form.
     *
     * @param v a number
     * @return the number as text
     */
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

    /** {@code m / 10^k} in plain notation, at least one digit before the point, built in one array. */
    private static String decimal(long m, int k) {
        long a = Math.abs(m);
        long scale = 1;
        for (int i = 0; i < k; i++) {
            scale *= 10;
        }
        long whole = a / scale;
        long fraction = a % scale;
        int wholeDigits = 1;
        for (long x = whole; x >= 10; x /= 10) {
            wholeDigits++;
        }
        int sign = m < 0 ? 1 : 0;
        byte[] out = new byte[sign + wholeDigits + 1 + k];
        int pos = out.length - 1;
        for (int i = 0; i < k; i++, fraction /= 10) {
            out[pos--] = (byte) ('0' + fraction % 10);
        }
        out[pos--] = '.';
        for (int i = 0; i < wholeDigits; i++, whole /= 10) {
            out[pos--] = (byte) ('0' + whole % 10);
        }
        if (sign == 1) {
            out[0] = '-';
        }
        return new String(out, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /**
     * {@return {@code v} rounded half-up to {@code decimals} and printed with exactly that many (null: {@link #format})}
     *
     * @param v a number
     * @param decimals decimal places, or {@code null} for the shortest exact form
     */
    public static String format(double v, Integer decimals) {
        if (decimals == null) {
            return format(v);
        }
        long m = halfUpDigits(v, decimals);
        if (m != NO_FAST_PATH) {
            return decimals == 0 ? Long.toString(m) : decimal(m, decimals);
        }
        return BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
    }

    /**
     * {@return {@code v} rounded half-up to {@code decimals} (0–9): half-up of the decimal {@code v} prints as
     * ({@link BigDecimal#valueOf(double)}), so 2.45 rounds to 2.5 at one decimal although the double
     * nearest 2.45 lies just below it}
     *
     * @param v a number
     * @param decimals decimal places, 0 to 9
     */
    public static double roundHalfUp(double v, int decimals) {
        long m = halfUpDigits(v, decimals);
        if (m != NO_FAST_PATH) {
            return m == 0 ? 0.0 : m / (double) POW10[decimals];
        }
        return BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }

    private static final long NO_FAST_PATH = Long.MIN_VALUE;

    private static final long[] POW10 = {
        1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L, 1_000_000_000L
    };

    /**
     * The digits of {@code v} rounded half-up to {@code decimals} ({@code v * 10^decimals} rounded), or
     * {@link #NO_FAST_PATH} when double arithmetic cannot be sure of the answer: only when the scaled
     * value is within a few ulps of a half (where the printed decimal, not the double, decides), or too
     * large or not finite. Everywhere else the printed decimal and the double round to the same
     * integer, because they differ by less than an ulp; BigDecimal answers the rest. Double.toString
     * inside BigDecimal.valueOf was a twentieth of a batch's time in JDK 17.
     */
    private static long halfUpDigits(double v, int decimals) {
        if (decimals < 0 || decimals >= POW10.length || !(Math.abs(v) < 1e9)) {
            return NO_FAST_PATH;
        }
        double scaled = Math.abs(v) * POW10[decimals];
        double floor = Math.floor(scaled);
        double fraction = scaled - floor; // exact: both are below 2^53
        if (Math.abs(fraction - 0.5) <= 16 * Math.ulp(scaled)) {
            return NO_FAST_PATH;
        }
        long m = (long) floor + (fraction > 0.5 ? 1 : 0);
        return v < 0 ? -m : m;
    }
}
