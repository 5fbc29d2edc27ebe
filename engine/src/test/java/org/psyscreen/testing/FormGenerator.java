package org.psyscreen.testing;

import java.util.SplittableRandom;
import org.psyscreen.plan.ScoringPlan;

/**
 * Seeded generator of answer rows for property and differential tests. Mixes realistic forms
 * (answers drawn around a latent severity, so items correlate) with the awkward ones: blanks,
 * declared refusals, invalid codes of every shape, all-blank forms, straight-lining, and forms
 * where only one item is answered.
 */
public final class FormGenerator {
    /** Codes that no bundled instrument declares: out of range, wrong shape, look-alike digits. */
    public static final String[] INVALID = {"4", "-1", "99", "x", "1.0", "３", " 1", "1 ", "+1", "٣", "NA", "#N/A", "是"};

    private final ScoringPlan plan;
    private final SplittableRandom random;

    public FormGenerator(ScoringPlan plan, long seed) {
        this.plan = plan;
        this.random = new SplittableRandom(seed);
    }

    /** The next form, in plan item order; {@code null} is blank. */
    public String[] next() {
        var items = plan.definition().items();
        String[] row = new String[items.size()];
        int mode = random.nextInt(100);
        if (mode < 3) {
            return row; // every item blank
        }
        if (mode < 6) {
            int i = random.nextInt(row.length);
            row[i] = code(i, random.nextInt(4));
            return row; // a single answer
        }
        double severity = random.nextDouble();
        boolean straight = mode < 9;
        int straightPick = random.nextInt(4);
        double blankRate = mode < 30 ? 0.0 : mode < 70 ? 0.03 : 0.15;
        double invalidRate = mode < 85 ? 0.0 : 0.04;
        for (int i = 0; i < row.length; i++) {
            double u = random.nextDouble();
            if (u < blankRate) {
                row[i] = null;
            } else if (u < blankRate + invalidRate) {
                row[i] = INVALID[random.nextInt(INVALID.length)];
            } else if (u < blankRate + invalidRate + 0.02 && hasSpecial(i)) {
                row[i] = special(i);
            } else if (straight) {
                row[i] = code(i, straightPick);
            } else {
                // Pick a code index near severity * (codes - 1), with noise.
                int n = codeCount(i);
                int k = (int) Math.round(severity * (n - 1) + random.nextGaussian() * 0.8);
                row[i] = code(i, Math.max(0, Math.min(n - 1, k)));
            }
        }
        return row;
    }

    private int codeCount(int item) {
        return set(item).codes().size();
    }

    private String code(int item, int k) {
        var codes = set(item).codes();
        return codes.get(Math.min(k, codes.size() - 1)).code();
    }

    private boolean hasSpecial(int item) {
        return !set(item).special().isEmpty();
    }

    private String special(int item) {
        var sp = set(item).special();
        return sp.get(random.nextInt(sp.size())).code();
    }

    private org.psyscreen.definition.ResponseSet set(int item) {
        var d = plan.definition();
        return d.responseSet(d.items().get(item).responses()).orElseThrow();
    }
}
