package org.psyscreen.analysis;

import org.apache.commons.statistics.descriptive.StandardDeviation;

/**
 * The per-form careless-responding indices, as the R package {@code careless} 1.2.2 (Yentes and
 * Wilhelm, MIT) defines them in its reference manual; Curran (2016, J Exp Soc Psychol 66:4-19,
 * doi:10.1016/j.jesp.2015.07.006) reviews them. Missing values are {@code NaN} and are left out, as
 * careless leaves out {@code NA}; a value that cannot be computed is {@code NaN}, never 0. The
 * scoring plan computes its validity checks with these methods, and analyses use the same ones.
 *
 * <p>The standard deviation is Commons Statistics'. The correlation is written here: Commons
 * Statistics has none, and commons-math3 (which has one) is not maintained.
 */
public final class Careless {
    private Careless() {}

    /**
     * {@return the intra-individual response variability: the standard deviation (denominator n - 1)
     * of the values that are not {@code NaN}; {@code NaN} with fewer than two} As {@code careless::irv}
     * with {@code na.rm = TRUE}.
     *
     * @param values one form's item values; {@code NaN} for a missing answer
     */
    public static double responseVariability(double[] values) {
        int n = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                n++;
            }
        }
        if (n < 2) {
            return Double.NaN;
        }
        double[] present = new double[n];
        int k = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                present[k++] = v;
            }
        }
        return StandardDeviation.of(present).getAsDouble();
    }

    /**
     * {@return Pearson's correlation of {@code x} and {@code y} over the positions where both are not
     * {@code NaN}; {@code NaN} with fewer than two such positions or when either side has no spread}
     * As R's {@code cor(x, y, use = "pairwise.complete.obs")}.
     *
     * @param x first values
     * @param y second values, as many as {@code x}
     */
    public static double correlation(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y differ in length");
        }
        int n = 0;
        double sx = 0;
        double sy = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
                n++;
                sx += x[i];
                sy += y[i];
            }
        }
        if (n < 2) {
            return Double.NaN;
        }
        double mx = sx / n;
        double my = sy / n;
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
                double dx = x[i] - mx;
                double dy = y[i] - my;
                sxx += dx * dx;
                syy += dy * dy;
                sxy += dx * dy;
            }
        }
        if (sxx == 0 || syy == 0) {
            return Double.NaN;
        }
        double r = sxy / Math.sqrt(sxx * syy);
        return Math.max(-1, Math.min(1, r));
    }

    /**
     * {@return the even-odd index: the correlation of the scales' odd-half means with their even-half
     * means (pairwise complete), corrected by Spearman-Brown {@code 2r / (1 + r)}, below -1 read as -1,
     * and negated so that higher means less consistent; {@code NaN} when the correlation is} As
     * {@code careless::evenodd} from version 1.2.0 (whose sign this follows); Johnson (2005, J Res
     * Pers 39:103-129) proposed the index.
     *
     * @param oddMeans per scale, the mean of its items in odd positions (1st, 3rd, ...), or {@code NaN}
     * @param evenMeans per scale, the mean of its items in even positions, or {@code NaN}
     */
    public static double evenOdd(double[] oddMeans, double[] evenMeans) {
        double r = correlation(evenMeans, oddMeans);
        if (Double.isNaN(r)) {
            return Double.NaN;
        }
        double corrected = 2 * r / (1 + r);
        return -Math.max(-1, corrected);
    }
}
