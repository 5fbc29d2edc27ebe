package org.psyscreen.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.psyscreen.testing.Disclosure;

/**
 * {@link LinearAudit} names the hidden figure an attacker recovers first, as an independent solver
 * finds it: {@link Disclosure} (commons-math3's singular value decomposition, with no code of the
 * audit's elimination) decides which hidden cells and hidden totals the published equations determine;
 * the audit must return the first determined cell (in the order units and columns are numbered), else
 * the first determined total, else none. Random school tables, thousands of them, with hidden cells,
 * hidden totals and hidden whole units.
 */
class LinearAuditTest {
    private static final List<String> COLUMNS = List.of("none", "watch", "high", "urgent");

    @Test
    void findsWhatAnIndependentSolverFindsFirst() {
        SplittableRandom r = new SplittableRandom(20261207);
        int leaks = 0;
        int none = 0;
        for (int table = 0; table < 3_000; table++) {
            CountTable t = randomTable(r);
            Expected want = expected(t);
            LinearAudit.Cell got = LinearAudit.firstRecoverable(t);
            assertThat(got).as("table %d", table).isEqualTo(want.cell);
            if (got == null) {
                none++;
            } else {
                leaks++;
            }
        }
        // both outcomes are exercised, many times each
        assertThat(leaks).isGreaterThan(300);
        assertThat(none).isGreaterThan(300);
    }

    private static CountTable randomTable(SplittableRandom r) {
        CountTable t = new CountTable(COLUMNS);
        int grades = r.nextInt(1, 5);
        List<long[]> rows = new ArrayList<>();
        List<Integer> parents = new ArrayList<>();
        rows.add(null); // the school, summed below
        parents.add(-1);
        for (int g = 0; g < grades; g++) {
            int grade = rows.size();
            rows.add(null);
            parents.add(0);
            for (int c = r.nextInt(1, 7); c > 0; c--) {
                long[] counts = new long[COLUMNS.size()];
                for (int k = 0; k < counts.length; k++) {
                    counts[k] = r.nextInt(0, 25);
                }
                rows.add(counts);
                parents.add(grade);
            }
        }
        for (int u = rows.size() - 1; u >= 0; u--) { // parents are sums of their children
            if (rows.get(u) == null) {
                long[] sum = new long[COLUMNS.size()];
                for (int ch = u + 1; ch < rows.size(); ch++) {
                    if (parents.get(ch) == u) {
                        for (int k = 0; k < sum.length; k++) {
                            sum[k] += rows.get(ch)[k];
                        }
                    }
                }
                rows.set(u, sum);
            }
        }
        for (int u = 0; u < rows.size(); u++) {
            t.add("unit " + u, parents.get(u), rows.get(u));
        }
        if (r.nextBoolean()) {
            // rectangles: two cells in each of two sibling units, so no row or column has one hidden cell
            // alone; such tables often leak nothing
            for (int k = r.nextInt(1, 4); k > 0; k--) {
                int a = r.nextInt(1, rows.size());
                int b = r.nextInt(1, rows.size());
                if (a != b && parents.get(a).equals(parents.get(b))) {
                    int c1 = r.nextInt(COLUMNS.size());
                    int c2 = (c1 + r.nextInt(1, COLUMNS.size())) % COLUMNS.size();
                    t.hide(a, c1);
                    t.hide(a, c2);
                    t.hide(b, c1);
                    t.hide(b, c2);
                }
            }
            return t;
        }
        double p = r.nextDouble(0.05, 0.5);
        for (int u = 0; u < rows.size(); u++) {
            int roll = r.nextInt(20);
            if (roll == 0) {
                t.hideTotal(u);
            } else if (roll == 1) {
                t.units.get(u).totalSuppressed = true; // a hidden total with some cells published
            }
            for (int k = 0; k < COLUMNS.size(); k++) {
                if (r.nextDouble() < p) {
                    t.hide(u, k);
                }
            }
        }
        return t;
    }

    private record Expected(LinearAudit.Cell cell) {}

    /** The first hidden figure the independent solver finds determined: cells first, then totals. */
    private static Expected expected(CountTable t) {
        Disclosure.Published p = Disclosure.Published.of(t);
        List<double[]> targets = new ArrayList<>(p.cellTargets());
        targets.addAll(p.totalTargets());
        List<Integer> determined = Disclosure.determined(p.equations(), targets, p.hiddenCells());
        if (determined.isEmpty()) {
            return new Expected(null);
        }
        int first = determined.get(0);
        return new Expected(
                first < p.hiddenCells()
                        ? new LinearAudit.Cell(
                                p.cells().get(first)[0], p.cells().get(first)[1])
                        : new LinearAudit.Cell(p.totalUnits().get(first - p.hiddenCells()), LinearAudit.TOTAL));
    }
}
