package org.psyscreen.benchmarks;

import java.util.SplittableRandom;
import org.psyscreen.plan.ScoringPlan;

/** Seeded synthetic answer rows for benchmarks: valid codes around a latent severity, about 3% blank. */
public final class SyntheticForms {
    private SyntheticForms() {}

    /** {@code count} rows for {@code plan}, the same for the same seed. */
    public static String[][] generate(ScoringPlan plan, int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        var d = plan.definition();
        String[][] rows = new String[count][];
        for (int r = 0; r < count; r++) {
            double severity = random.nextDouble();
            String[] row = new String[plan.itemCount()];
            for (int i = 0; i < row.length; i++) {
                if (random.nextDouble() < 0.03) {
                    continue;
                }
                var codes = d.responseSet(d.items().get(i).responses())
                        .orElseThrow()
                        .codes();
                int k = (int) Math.round(severity * (codes.size() - 1) + random.nextGaussian() * 0.8);
                row[i] = codes.get(Math.max(0, Math.min(codes.size() - 1, k))).code();
            }
            rows[r] = row;
        }
        return rows;
    }
}
