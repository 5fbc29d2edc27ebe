package org.psyscreen.validation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.statistics.descriptive.Mean;
import org.apache.commons.statistics.descriptive.Variance;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;
import org.psyscreen.definition.Comparison;
import org.psyscreen.norm.NormGroup;
import org.psyscreen.norm.NormKind;
import org.psyscreen.norm.NormTable;

/**
 * A sample against one norm table, group by group (each respondent in the table's group for their
 * sex, grade or age, as the engine looks it up): the sample's mean and SD of the raw scale score
 * against the group's, the standardised difference d = (x̄ − μ)/σ with a 95% interval
 * (x̄ − μ ± t(0.975, n − 1) · s/√n)/σ, and for each cut-off the share of the sample past it against the
 * share the group's normal distribution implies (raw cut-offs with a continuity correction of 0.5;
 * T cut-offs against N(50, 10)).
 *
 * @param table id@version
 * @param scale the instrument's scale
 * @param verified whether the table was checked against its publication
 * @param synthetic whether the table is synthetic
 * @param groups one per group present in the sample
 * @param outsideTable respondents with a score but no group or no cell (their grade, sex or age is
 *     outside the table, or their score is outside its rows)
 * @param error why the table does not fit the sample, or {@code null}
 */
public record NormComparison(
        String table,
        String scale,
        boolean verified,
        boolean synthetic,
        List<Group> groups,
        long outsideTable,
        String error) {

    /**
     * One group of the table.
     *
     * @param id group id
     * @param n respondents in it
     * @param sampleMean sample mean of the raw score
     * @param sampleSd sample SD
     * @param normMean the table's mean (NaN for a lookup table)
     * @param normSd the table's SD (NaN for a lookup table)
     * @param d standardised difference
     * @param dLower 95% lower bound
     * @param dUpper 95% upper bound
     * @param cutoffs shares past each cut-off
     */
    public record Group(
            String id,
            int n,
            double sampleMean,
            double sampleSd,
            double normMean,
            double normSd,
            double d,
            double dLower,
            double dUpper,
            List<CutoffShare> cutoffs) {}

    /**
     * A cut-off of the chosen policy on this scale.
     *
     * @param rule the policy rule
     * @param test e.g. {@code gad7.total >= 10}
     * @param sampleShare share of the group past it
     * @param impliedShare share the norm implies (NaN when it implies none: a lookup table)
     */
    public record CutoffShare(String rule, String test, double sampleShare, double impliedShare) {}

    /** A cut-off to compare: on the raw score or on T. */
    public record Cutoff(String rule, boolean onT, Comparison op, double value) {
        String test(String scale) {
            return scale + (onT ? ":t " : " ") + op.symbol() + " " + clean(value);
        }
    }

    /**
     * @param table the norm table
     * @param groupOf per respondent with a score: the group id the engine looked up, or {@code null}
     * @param raw per respondent: the raw score (same order)
     * @param t per respondent: the T-score or NaN
     * @param cutoffs the policy's cut-offs on this scale
     * @return the sample against the table, group by group, and the share above each cut-off
     */
    public static NormComparison of(
            NormTable table, List<String> groupOf, double[] raw, double[] t, List<Cutoff> cutoffs) {
        var def = table.definition();
        Map<String, List<Integer>> members = new LinkedHashMap<>();
        long outside = 0;
        for (int i = 0; i < groupOf.size(); i++) {
            if (groupOf.get(i) == null) {
                outside++;
            } else {
                members.computeIfAbsent(groupOf.get(i), g -> new ArrayList<>()).add(i);
            }
        }
        String error = null;
        if (members.isEmpty()) {
            error = "the table does not fit the sample: no respondent with a " + def.scale() + " score falls in any of"
                    + " its groups (" + groupOf.size() + " scored; check the table's grades, sexes or ages against the"
                    + " sample's)";
        }
        List<Group> groups = new ArrayList<>();
        for (NormGroup g : def.groups()) {
            List<Integer> idx = members.get(g.id());
            if (idx == null || idx.isEmpty()) {
                continue;
            }
            double[] x = idx.stream().mapToDouble(i -> raw[i]).toArray();
            int n = x.length;
            double mean = Mean.of(x).getAsDouble();
            double sd = n > 1 ? Math.sqrt(Variance.of(x).getAsDouble()) : Double.NaN;
            boolean parametric = def.kind() == NormKind.PARAMETRIC && g.mean() != null && g.sd() != null;
            double mu = parametric ? g.mean() : Double.NaN;
            double sigma = parametric ? g.sd() : Double.NaN;
            double d = (mean - mu) / sigma;
            double half = n > 1
                    ? TDistribution.of(n - 1).inverseCumulativeProbability(0.975) * sd / Math.sqrt(n) / sigma
                    : Double.NaN;
            List<CutoffShare> shares = new ArrayList<>();
            for (Cutoff c : cutoffs) {
                long past = 0;
                for (int i : idx) {
                    double v = c.onT() ? t[i] : raw[i];
                    if (!Double.isNaN(v) && c.op().test(v, c.value())) {
                        past++;
                    }
                }
                double implied = c.onT()
                        ? implied(NormalDistribution.of(50, 10), c.op(), c.value(), 0)
                        : parametric ? implied(NormalDistribution.of(mu, sigma), c.op(), c.value(), 0.5) : Double.NaN;
                shares.add(new CutoffShare(c.rule(), c.test(def.scale()), (double) past / n, implied));
            }
            groups.add(new Group(g.id(), n, mean, sd, mu, sigma, d, d - half, d + half, shares));
        }
        return new NormComparison(def.key(), def.scale(), def.verified(), def.synthetic(), groups, outside, error);
    }

    /** The probability a normal score passes {@code op value}, with a continuity correction for whole scores. */
    static double implied(NormalDistribution n, Comparison op, double value, double correction) {
        return switch (op) {
            case GE -> n.survivalProbability(value - correction);
            case GT -> n.survivalProbability(value + correction);
            case LE -> n.cumulativeProbability(value + correction);
            case LT -> n.cumulativeProbability(value - correction);
            default -> Double.NaN;
        };
    }

    static String clean(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
