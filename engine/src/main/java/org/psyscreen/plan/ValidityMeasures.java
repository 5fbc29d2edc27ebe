package org.psyscreen.plan;

import org.psyscreen.analysis.Careless;
import org.psyscreen.score.AnswerState;
import org.psyscreen.score.ResponseRow;

/**
 * The measure of one validity check on one form, from the plan's tables and the form's answers.
 * {@code NaN} means the check could not be evaluated (the form is then never SCORED). The
 * careless-responding indices are {@link Careless}'s and {@link org.psyscreen.analysis.Mahalanobis}'s,
 * the same methods an analysis uses.
 */
final class ValidityMeasures {
    private static final byte ANSWERED = (byte) AnswerState.ANSWERED.ordinal();

    private ValidityMeasures() {}

    /**
     * {@return check {@code k}'s measure}
     *
     * @param plan the plan
     * @param k the check's index
     * @param state each item's answer state (ordinal)
     * @param raw each item's raw value (valid where answered)
     * @param value each scale's value ({@code NaN} when unscored)
     * @param row the form's row, which carries the sitting's response time
     */
    static double measure(ScoringPlan plan, int k, byte[] state, int[] raw, double[] value, ResponseRow row) {
        int[] its = plan.validityItems[k];
        return switch (plan.validityKind[k]) {
            case LIE_SCALE -> value[plan.validityScale[k]];
            case INCONSISTENT_PAIRS -> inconsistentPairs(plan, its, plan.validityMaxDifference[k], state, raw);
            case LONGEST_RUN -> longestRun(its, state, raw);
            case RESPONSE_VARIABILITY -> {
                double[] x = new double[its.length];
                for (int j = 0; j < its.length; j++) {
                    x[j] = state[its[j]] == ANSWERED ? raw[its[j]] : Double.NaN;
                }
                yield Careless.responseVariability(x);
            }
            case SYNONYMS -> {
                int pairs = its.length / 2;
                double[] first = new double[pairs];
                double[] second = new double[pairs];
                for (int p = 0; p < pairs; p++) {
                    first[p] = keyedOrNaN(plan, its[2 * p], state, raw);
                    second[p] = keyedOrNaN(plan, its[2 * p + 1], state, raw);
                }
                yield Careless.correlation(first, second);
            }
            case EVEN_ODD -> evenOdd(plan, its, state, raw);
            case MAHALANOBIS -> {
                double[] x = new double[its.length];
                for (int j = 0; j < its.length; j++) {
                    x[j] = keyedOrNaN(plan, its[j], state, raw);
                }
                yield plan.validityDistance[k].distanceSquared(x);
            }
            case RESPONSE_TIME -> row.secondsPerItem();
        };
    }

    private static double keyedOrNaN(ScoringPlan plan, int item, byte[] state, int[] raw) {
        return state[item] == ANSWERED ? plan.keyed(item, raw[item]) : Double.NaN;
    }

    private static double inconsistentPairs(ScoringPlan plan, int[] its, int maxDifference, byte[] state, int[] raw) {
        int count = 0;
        for (int p = 0; p < its.length; p += 2) {
            int a = its[p];
            int b = its[p + 1];
            if (state[a] == ANSWERED
                    && state[b] == ANSWERED
                    && Math.abs(plan.keyed(a, raw[a]) - plan.keyed(b, raw[b])) > maxDifference) {
                count++;
            }
        }
        return count;
    }

    private static double longestRun(int[] its, byte[] state, int[] raw) {
        int longest = 0;
        int run = 0;
        int previous = Integer.MIN_VALUE;
        for (int i : its) {
            if (state[i] != ANSWERED) {
                run = 0;
                previous = Integer.MIN_VALUE;
                continue;
            }
            run = raw[i] == previous ? run + 1 : 1;
            previous = raw[i];
            longest = Math.max(longest, run);
        }
        return longest;
    }

    /** Per scale, the mean keyed value (as the scale keys it) of its items in odd and even places. */
    private static double evenOdd(ScoringPlan plan, int[] scales, byte[] state, int[] raw) {
        double[] odd = new double[scales.length];
        double[] even = new double[scales.length];
        for (int j = 0; j < scales.length; j++) {
            int s = scales[j];
            double[] sum = new double[2];
            int[] n = new int[2];
            for (int m = plan.memberStart[s]; m < plan.memberStart[s + 1]; m++) {
                int item = plan.members[m];
                if (state[item] == ANSWERED) {
                    int half = (m - plan.memberStart[s]) % 2; // 0: 1st, 3rd, ... (odd places)
                    sum[half] += plan.keyed(item, raw[item], plan.memberFlip[m]);
                    n[half]++;
                }
            }
            odd[j] = n[0] == 0 ? Double.NaN : sum[0] / n[0];
            even[j] = n[1] == 0 ? Double.NaN : sum[1] / n[1];
        }
        return Careless.evenOdd(odd, even);
    }
}
