package org.psyscreen.benchmarks;

import java.util.SplittableRandom;
import org.psyscreen.plan.ScoringPlan;

/** Seeded synthetic answer rows for benchmarks: valid codes around a latent severity, about 3% blank. */
public final class SyntheticForms {
    private SyntheticForms() {}

    /** {@code count} rows for {@code plan}, the same for the same seed. */
    public static String[][] generate(ScoringPlan plan, int count, long seed) {
        return generate(plan, count, seed, 0.03, 1, 0.8);
    }

    /**
     * {@code count} rows for {@code plan}: each student's latent severity is {@code u^skew} for a
     * uniform {@code u} (a larger skew gives a healthier cohort, as a school's is), each answer that
     * severity on the item's scale plus Gaussian noise of SD {@code noise} (in codes), each cell blank
     * with probability {@code blank}.
     */
    public static String[][] generate(ScoringPlan plan, int count, long seed, double blank, double skew, double noise) {
        SplittableRandom random = new SplittableRandom(seed);
        var d = plan.definition();
        String[][] rows = new String[count][];
        for (int r = 0; r < count; r++) {
            double severity = Math.pow(random.nextDouble(), skew);
            String[] row = new String[plan.itemCount()];
            for (int i = 0; i < row.length; i++) {
                if (random.nextDouble() < blank) {
                    continue;
                }
                var codes = d.responseSet(d.items().get(i).responses())
                        .orElseThrow()
                        .codes();
                int k = (int) Math.round(severity * (codes.size() - 1) + random.nextGaussian() * noise);
                row[i] = codes.get(Math.max(0, Math.min(codes.size() - 1, k))).code();
            }
            rows[r] = row;
        }
        return rows;
    }
}
