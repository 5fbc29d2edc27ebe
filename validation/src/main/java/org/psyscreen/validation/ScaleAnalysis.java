package org.psyscreen.validation;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.statistics.descriptive.Mean;
import org.apache.commons.statistics.descriptive.Variance;
import org.apache.commons.statistics.distribution.FDistribution;

/**
 * Item statistics and reliability of one item scale, on the respondents who answered every item of
 * it (listwise, as R's {@code psych::alpha(na.omit(x))}), with the items keyed as the scale sums them.
 *
 * <ul>
 *   <li>Cronbach's alpha: k/(k−1) · (1 − Σ var(item) / var(total)).
 *   <li>Feldt's confidence interval (Feldt, Woodruff &amp; Salih 1987; as {@code psych::alpha.ci}):
 *       1 − (1 − α) · F(1 − p/2 | p/2; n − 1, (n − 1)(k − 1)).
 *   <li>Standard error of measurement: SD(total) · √(1 − α).
 *   <li>Corrected item–total correlation: r(item, total − item) ({@code r.drop} in psych); alpha if the
 *       item is deleted ({@code alpha.drop}).
 *   <li>Omega total from a one-factor model ({@link OneFactor}).
 * </ul>
 *
 * @param scale scale id
 * @param items item ids in scale order
 * @param n complete respondents
 * @param meanTotal mean of the scale total on them
 * @param sdTotal its SD (n − 1)
 * @param alpha Cronbach's alpha
 * @param alphaLower Feldt lower 95% bound
 * @param alphaUpper Feldt upper 95% bound
 * @param sem standard error of measurement
 * @param omegaTotal omega total (NaN when the one-factor fit is not possible)
 * @param itemStatistics one per item
 */
public record ScaleAnalysis(
        String scale,
        List<String> items,
        int n,
        double meanTotal,
        double sdTotal,
        double alpha,
        double alphaLower,
        double alphaUpper,
        double sem,
        double omegaTotal,
        List<ItemStatistics> itemStatistics) {

    /**
     * Analyses a complete-case matrix.
     *
     * @param scale scale id
     * @param items item ids
     * @param x keyed values, one row per respondent who answered every item, one column per item
     * @param min lowest keyed value per item
     * @param max highest keyed value per item
     * @param missingRate per item: the share of respondents given the form who did not answer it
     * @return the scale's reliability and its items' statistics
     */
    public static ScaleAnalysis of(
            String scale, List<String> items, double[][] x, int[] min, int[] max, double[] missingRate) {
        int n = x.length;
        int k = items.size();
        double[] total = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                total[i] += x[i][j];
            }
        }
        double alpha = alpha(x, -1);
        double sdTotal = Math.sqrt(Variance.of(total).getAsDouble());
        double lower = Double.NaN;
        double upper = Double.NaN;
        if (n > 1 && k > 1) {
            FDistribution f = FDistribution.of(n - 1, (double) (n - 1) * (k - 1));
            lower = 1 - (1 - alpha) * f.inverseCumulativeProbability(0.975);
            upper = 1 - (1 - alpha) * f.inverseCumulativeProbability(0.025);
        }
        List<ItemStatistics> stats = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            double[] item = new double[n];
            double[] rest = new double[n];
            int floor = 0;
            int ceiling = 0;
            for (int i = 0; i < n; i++) {
                item[i] = x[i][j];
                rest[i] = total[i] - x[i][j];
                floor += x[i][j] == min[j] ? 1 : 0;
                ceiling += x[i][j] == max[j] ? 1 : 0;
            }
            double r = correlation(item, rest);
            stats.add(new ItemStatistics(
                    items.get(j),
                    n,
                    Mean.of(item).getAsDouble(),
                    Math.sqrt(Variance.of(item).getAsDouble()),
                    missingRate[j],
                    n == 0 ? Double.NaN : (double) floor / n,
                    n == 0 ? Double.NaN : (double) ceiling / n,
                    r,
                    k > 2 ? alpha(x, j) : Double.NaN,
                    ItemStatistics.flag(r)));
        }
        double omega = k > 2 && n > k ? OneFactor.fit(correlationMatrix(x)).omegaTotal() : Double.NaN;
        return new ScaleAnalysis(
                scale,
                List.copyOf(items),
                n,
                Mean.of(total).getAsDouble(),
                sdTotal,
                alpha,
                lower,
                upper,
                sdTotal * Math.sqrt(1 - alpha),
                omega,
                stats);
    }

    /** Cronbach's alpha of the columns of {@code x}, leaving out column {@code drop} (−1: none). */
    static double alpha(double[][] x, int drop) {
        int n = x.length;
        int k = x.length == 0 ? 0 : x[0].length;
        int used = drop < 0 ? k : k - 1;
        if (n < 2 || used < 2) {
            return Double.NaN;
        }
        double[] total = new double[n];
        double sumVar = 0;
        double[] column = new double[n];
        for (int j = 0; j < k; j++) {
            if (j == drop) {
                continue;
            }
            for (int i = 0; i < n; i++) {
                column[i] = x[i][j];
                total[i] += x[i][j];
            }
            sumVar += Variance.of(column).getAsDouble();
        }
        double varTotal = Variance.of(total).getAsDouble();
        return (double) used / (used - 1) * (1 - sumVar / varTotal);
    }

    /** Pearson's correlation; NaN when either variable is constant. */
    static double correlation(double[] a, double[] b) {
        int n = a.length;
        double ma = Mean.of(a).getAsDouble();
        double mb = Mean.of(b).getAsDouble();
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < n; i++) {
            double da = a[i] - ma;
            double db = b[i] - mb;
            sab += da * db;
            saa += da * da;
            sbb += db * db;
        }
        return saa == 0 || sbb == 0 ? Double.NaN : sab / Math.sqrt(saa * sbb);
    }

    /** The items' correlation matrix. */
    static double[][] correlationMatrix(double[][] x) {
        int n = x.length;
        int k = x[0].length;
        double[][] columns = new double[k][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                columns[j][i] = x[i][j];
            }
        }
        double[][] r = new double[k][k];
        for (int a = 0; a < k; a++) {
            r[a][a] = 1;
            for (int b = a + 1; b < k; b++) {
                r[a][b] = correlation(columns[a], columns[b]);
                r[b][a] = r[a][b];
            }
        }
        return r;
    }
}
