package org.psyscreen.internal.rules;

import java.util.stream.IntStream;
import org.psyscreen.definition.InstrumentDefinition;
import org.psyscreen.definition.ValidityCheck;
import org.psyscreen.diagnostic.ProblemCode;

/**
 * PSY-1214: each validity condition can be met by some form and is not met by every form. A check
 * that can never fire is dead; one that always fires marks every student INVALID.
 */
final class ValidityThresholdsMustBeReachable implements DefinitionRule {
    @Override
    public void check(InstrumentDefinition d, Facts facts, Report report) {
        for (int v = 0; v < d.validity().size(); v++) {
            ValidityCheck c = d.validity().get(v);
            double lo;
            double hi;
            boolean whole = true;
            switch (c.kind()) {
                case LIE_SCALE -> {
                    double[] r = c.scale() == null ? null : facts.range(c.scale());
                    if (r == null) {
                        continue;
                    }
                    lo = r[0];
                    hi = r[1];
                }
                case INCONSISTENT_PAIRS -> {
                    lo = 0;
                    hi = c.pairs().size();
                }
                case LONGEST_RUN -> {
                    int n = c.items().isEmpty() ? d.items().size() : c.items().size();
                    lo = 1;
                    hi = n;
                }
                case RESPONSE_VARIABILITY -> {
                    double[] r = spread(d, c, facts);
                    if (r == null) {
                        continue;
                    }
                    lo = r[0];
                    hi = r[1];
                    whole = false;
                }
                case EVEN_ODD, SYNONYMS -> {
                    lo = -1;
                    hi = 1;
                    whole = false;
                }
                case MAHALANOBIS, RESPONSE_TIME -> {
                    lo = 0;
                    hi = Double.POSITIVE_INFINITY;
                    whole = false;
                }
                default -> throw new IllegalStateException();
            }
            double low = lo;
            double high = hi;
            boolean any;
            boolean all;
            if (whole) {
                // Measures are whole numbers over [lo, hi] (a mean lie scale is checked at its ends).
                any = IntStream.rangeClosed((int) Math.ceil(low), (int) Math.floor(high))
                                .anyMatch(x -> c.invalidWhen().test(x))
                        || c.invalidWhen().test(low)
                        || c.invalidWhen().test(high);
                all = IntStream.rangeClosed((int) Math.ceil(low), (int) Math.floor(high))
                                .allMatch(x -> c.invalidWhen().test(x))
                        && c.invalidWhen().test(low)
                        && c.invalidWhen().test(high);
            } else {
                // A measure over the whole interval: an inequality holds on a half-line, which meets
                // [lo, hi] exactly when it holds at an end; equality holds at one point only.
                boolean equality = c.invalidWhen().op() == org.psyscreen.definition.Comparison.EQ;
                double at = c.invalidWhen().value();
                any = equality
                        ? v >= low && v <= high
                        : c.invalidWhen().test(low) || c.invalidWhen().test(high);
                all = equality
                        ? low == high && at == low
                        : c.invalidWhen().test(low) && c.invalidWhen().test(high);
            }
            // a computed end (a largest standard deviation) is shown to four decimals
            String range = org.psyscreen.definition.Numbers.format(Math.round(low * 1e4) / 1e4) + ".."
                    + (Double.isInfinite(high)
                            ? "∞"
                            : org.psyscreen.definition.Numbers.format(Math.floor(high * 1e4) / 1e4));
            if (!any) {
                report.error(
                        ProblemCode.VALIDITY_THRESHOLD,
                        "validity[" + v + "].invalidWhen",
                        "validity check '" + c.id() + "' can never fire: its measure runs " + range + " and is never "
                                + c.invalidWhen(),
                        "set the threshold inside " + range);
            } else if (all) {
                report.error(
                        ProblemCode.VALIDITY_THRESHOLD,
                        "validity[" + v + "].invalidWhen",
                        "validity check '" + c.id() + "' fires on every form: its measure runs " + range
                                + " and is always " + c.invalidWhen(),
                        "set the threshold so that a typical form passes");
            }
        }
    }

    /**
     * {@return the lowest and highest standard deviation the check's items can show (all at one
     * end, half at each end), or {@code null} when an item's values are unknown}
     */
    private static double[] spread(InstrumentDefinition d, ValidityCheck c, Facts facts) {
        java.util.List<String> ids =
                c.items().isEmpty() ? d.items().stream().map(i -> i.id()).toList() : c.items();
        int n = ids.size();
        if (n < 2) {
            return null;
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (String id : ids) {
            var values = facts.rawValues(id);
            if (values.isEmpty()) {
                return null;
            }
            min = Math.min(min, values.first());
            max = Math.max(max, values.last());
        }
        double high = n / 2;
        double low = n - high;
        return new double[] {0, (max - min) * Math.sqrt(high * low / ((double) n * (n - 1)))};
    }
}
