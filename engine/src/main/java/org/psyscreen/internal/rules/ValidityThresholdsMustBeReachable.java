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
                default -> throw new IllegalStateException();
            }
            double low = lo;
            double high = hi;
            // Measures are whole numbers over [lo, hi] (a mean lie scale is checked at its ends).
            boolean any = IntStream.rangeClosed((int) Math.ceil(low), (int) Math.floor(high))
                            .anyMatch(x -> c.invalidWhen().test(x))
                    || c.invalidWhen().test(low)
                    || c.invalidWhen().test(high);
            boolean all = IntStream.rangeClosed((int) Math.ceil(low), (int) Math.floor(high))
                            .allMatch(x -> c.invalidWhen().test(x))
                    && c.invalidWhen().test(low)
                    && c.invalidWhen().test(high);
            String range =
                    org.psyscreen.definition.Numbers.format(low) + ".." + org.psyscreen.definition.Numbers.format(high);
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
}
