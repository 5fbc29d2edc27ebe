package org.psyscreen.validation;

import java.util.TreeMap;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * Differential item functioning of one item between two groups (reference: boys, focal: girls) by
 * the Mantel–Haenszel procedure: the item dichotomised as endorsed (above its lowest keyed value),
 * respondents matched on the scale total, one 2×2 table per total score. Strata with one respondent or
 * one group only carry no information and are left out (R's {@code mantelhaen.test} refuses a stratum
 * of one, so the R reference leaves them out too).
 *
 * <ul>
 *   <li>α_MH = Σ(A·D/T) / Σ(B·C/T): the common odds ratio of endorsing, boys against girls;
 *   <li>the Mantel–Haenszel χ² with continuity correction (R's {@code mantelhaen.test} default);
 *   <li>SE of ln α_MH by Robins, Breslow &amp; Greenland (1986), as R's confidence interval;
 *   <li>MH D-DIF = −2.35 · ln α_MH on the ETS delta scale, and the ETS class (Zwick 2012, ETS RR-12-08):
 *       A when |D| &lt; 1 or χ² is not significant at 5%; C when |D| ≥ 1.5 and |D| is significantly
 *       above 1 (one-sided 5%: (|D| − 1)/SE(D) &gt; 1.645); B otherwise.
 * </ul>
 *
 * @param item item id
 * @param oddsRatio α_MH (NaN when no stratum holds both groups)
 * @param chiSquare the MH χ²
 * @param p its p-value (1 degree of freedom)
 * @param seLogOddsRatio Robins–Breslow–Greenland SE of ln α_MH
 * @param deltaDif MH D-DIF
 * @param etsClass "A", "B" or "C" ("" when not computed)
 * @param strata strata used
 */
public record MantelHaenszel(
        String item,
        double oddsRatio,
        double chiSquare,
        double p,
        double seLogOddsRatio,
        double deltaDif,
        String etsClass,
        int strata) {

    /**
     * {@return the Mantel-Haenszel common odds ratio and its test for one item, across the strata}
     *
     * @param item the item's id
     * @param endorsed per respondent: the item endorsed
     * @param focal per respondent: in the focal group (girls); others are the reference group
     * @param stratum per respondent: the matching score
     */
    public static MantelHaenszel of(String item, boolean[] endorsed, boolean[] focal, int[] stratum) {
        TreeMap<Integer, long[]> tables = new TreeMap<>(); // A, B, C, D
        for (int i = 0; i < endorsed.length; i++) {
            long[] t = tables.computeIfAbsent(stratum[i], s -> new long[4]);
            t[(focal[i] ? 2 : 0) + (endorsed[i] ? 0 : 1)]++;
        }
        double r = 0;
        double s = 0;
        double sumA = 0;
        double sumEA = 0;
        double sumVarA = 0;
        double pr = 0;
        double psqr = 0;
        double qs = 0;
        int used = 0;
        for (long[] t : tables.values()) {
            double a = t[0];
            double b = t[1];
            double c = t[2];
            double d = t[3];
            double n = a + b + c + d;
            double ref = a + b;
            double foc = c + d;
            if (n < 2 || ref == 0 || foc == 0) {
                continue;
            }
            used++;
            double rk = a * d / n;
            double sk = b * c / n;
            double pk = (a + d) / n;
            double qk = (b + c) / n;
            r += rk;
            s += sk;
            pr += pk * rk;
            psqr += pk * sk + qk * rk;
            qs += qk * sk;
            double m1 = a + c;
            double m0 = b + d;
            sumA += a;
            sumEA += ref * m1 / n;
            sumVarA += ref * foc * m1 * m0 / (n * n * (n - 1));
        }
        if (used == 0 || r == 0 || s == 0) {
            return new MantelHaenszel(item, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, "", used);
        }
        double or = r / s;
        // As R: the correction of 0.5 applies only when it does not pass zero.
        double dev = Math.abs(sumA - sumEA) >= 0.5 ? Math.abs(sumA - sumEA) - 0.5 : Math.abs(sumA - sumEA);
        double chi = sumVarA == 0 ? 0 : dev * dev / sumVarA;
        double p = ChiSquaredDistribution.of(1).survivalProbability(chi);
        double se = Math.sqrt(pr / (2 * r * r) + psqr / (2 * r * s) + qs / (2 * s * s));
        double delta = -2.35 * Math.log(or);
        double seDelta = 2.35 * se;
        String ets;
        if (Math.abs(delta) < 1 || p >= 0.05) {
            ets = "A";
        } else if (Math.abs(delta) >= 1.5 && (Math.abs(delta) - 1) / seDelta > 1.645) {
            ets = "C";
        } else {
            ets = "B";
        }
        return new MantelHaenszel(item, or, chi, p, se, delta, ets, used);
    }
}
