package org.psyscreen.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Property test over 1,000 seeded random hierarchies (school, grades, classes; four tier columns)
 * with many small counts: after suppression no published cell or total lies in 1..k-1, and no
 * suppressed cell can be recovered exactly by linear arithmetic over what is published (checked by
 * rank: a cell is recoverable exactly when its unit vector lies in the row space of the published
 * equations), computed with commons-math3 so the check does not share code with the audit.
 */
class SmallCellSuppressorTest {
    static final int K = SmallCellSuppressor.DEFAULT_K;
    static final List<String> COLUMNS = List.of("t1", "t2", "t3", "none");

    @Test
    void aSmallClassIsHiddenAndCannotBeRecovered() {
        CountTable t = new CountTable(COLUMNS);
        int school = t.add("school", -1, new long[] {3, 20, 40, 137});
        t.add("class A", school, new long[] {3, 10, 20, 67});
        t.add("class B", school, new long[] {0, 10, 20, 70});
        SmallCellSuppressor.suppress(t, K);
        var a = t.units().get(1);
        var b = t.units().get(2);
        assertThat(a.published(0)).isNull();
        assertThat(t.units().get(0).published(0))
                .as("school cell 3 is small too")
                .isNull();
        assertThat(a.published(1))
                .as("complement in the row: smallest other cell")
                .isNull();
        assertThat(b.published(1))
                .as("no complement needed: the school's cell is hidden too")
                .isEqualTo(10L);
        assertNothingRecoverable(t);
    }

    @Test
    void propertiesOverRandomHierarchies() {
        SplittableRandom r = new SplittableRandom(20261123L);
        for (int trial = 0; trial < 1000; trial++) {
            CountTable t = randomTable(r);
            SmallCellSuppressor.suppress(t, K);
            for (CountTable.Unit u : t.units()) {
                for (int c = 0; c < COLUMNS.size(); c++) {
                    Long v = u.published(c);
                    assertThat(v == null || v == 0 || v >= K)
                            .as("trial %d unit %s col %d", trial, u.id(), c)
                            .isTrue();
                }
                Long tot = u.publishedTotal();
                assertThat(tot == null || tot == 0 || tot >= K).isTrue();
            }
            assertNothingRecoverable(t);
        }
    }

    /**
     * Issue 27, case 4: a school too small to publish, among schools whose totals are published, was
     * found as the region's total less theirs (1997 of 2000 students shown: the hidden one is 3).
     */
    @Test
    void aHiddenSchoolTotalCannotBeFoundBySubtraction() {
        CountTable t = new CountTable(COLUMNS);
        int region = t.add("region", -1, new long[] {40, 60, 300, 1600});
        t.add("SCH1", region, new long[] {20, 30, 150, 797});
        t.add("SCH2", region, new long[] {19, 30, 150, 801});
        t.add("TINY", region, new long[] {1, 0, 0, 2});
        SmallCellSuppressor.suppress(t, K);
        assertThat(t.units().get(3).publishedTotal()).isNull();
        assertNothingRecoverable(t);
    }

    @Test
    void propertiesOverRandomRegions() {
        SplittableRandom r = new SplittableRandom(20261206L);
        for (int trial = 0; trial < 300; trial++) {
            CountTable t = new CountTable(COLUMNS);
            int schools = 1 + r.nextInt(4);
            List<CountTable> parts = new ArrayList<>();
            for (int s = 0; s < schools; s++) {
                parts.add(r.nextInt(4) == 0 ? tinySchool(r) : randomTable(r));
            }
            long[] regionCounts = new long[COLUMNS.size()];
            for (CountTable p : parts) {
                for (int c = 0; c < COLUMNS.size(); c++) {
                    regionCounts[c] += p.units.get(0).counts[c];
                }
            }
            int region = t.add("region", -1, regionCounts);
            for (int s = 0; s < schools; s++) {
                List<CountTable.Unit> us = parts.get(s).units;
                int[] index = new int[us.size()];
                for (int u = 0; u < us.size(); u++) {
                    int parent = us.get(u).parent < 0 ? region : index[us.get(u).parent];
                    index[u] = t.add("s" + s + " " + us.get(u).id(), parent, us.get(u).counts);
                }
            }
            SmallCellSuppressor.suppress(t, K);
            assertNothingRecoverable(t);
        }
    }

    private static CountTable tinySchool(SplittableRandom r) {
        CountTable t = new CountTable(COLUMNS);
        long[] counts = new long[COLUMNS.size()];
        counts[r.nextInt(COLUMNS.size())] = 1 + r.nextInt(4);
        int school = t.add("tiny", -1, counts);
        t.add("tiny grade", school, counts);
        return t;
    }

    static CountTable randomTable(SplittableRandom r) {
        // Build leaves first, then sum upwards; add parents before children as the table requires.
        int grades = 1 + r.nextInt(3);
        List<long[][]> classes = new ArrayList<>();
        for (int g = 0; g < grades; g++) {
            int n = 1 + r.nextInt(4);
            long[][] cl = new long[n][COLUMNS.size()];
            for (long[] row : cl) {
                for (int c = 0; c < row.length; c++) {
                    int size = r.nextInt(10) < 3 ? r.nextInt(4) : r.nextInt(40);
                    row[c] = c == COLUMNS.size() - 1 ? 5 + r.nextInt(45) : size;
                }
            }
            classes.add(cl);
        }
        CountTable t = new CountTable(COLUMNS);
        long[] schoolCounts = new long[COLUMNS.size()];
        for (long[][] cl : classes) {
            for (long[] row : cl) {
                for (int c = 0; c < row.length; c++) {
                    schoolCounts[c] += row[c];
                }
            }
        }
        int school = t.add("school", -1, schoolCounts);
        for (int g = 0; g < grades; g++) {
            long[] gradeCounts = new long[COLUMNS.size()];
            for (long[] row : classes.get(g)) {
                for (int c = 0; c < row.length; c++) {
                    gradeCounts[c] += row[c];
                }
            }
            int grade = t.add("grade " + g, school, gradeCounts);
            for (int i = 0; i < classes.get(g).length; i++) {
                t.add("grade " + g + " class " + i, grade, classes.get(g)[i]);
            }
        }
        return t;
    }

    /** Fails when any suppressed cell is determined by the published equations. */
    static void assertNothingRecoverable(CountTable t) {
        List<CountTable.Unit> units = t.units();
        int cols = COLUMNS.size();
        org.psyscreen.testing.Disclosure.Published p = org.psyscreen.testing.Disclosure.Published.of(t);
        int n = p.hiddenCells();
        if (n == 0) {
            return;
        }
        List<double[]> eqs = p.equations();
        int rank = rank(eqs, n);
        // Targets: every hidden cell, and every hidden unit total (the sum of that unit's hidden cells).
        List<double[]> targets = new ArrayList<>(p.cellTargets());
        List<String> names = new ArrayList<>();
        for (int[] cell : p.cells()) {
            names.add("cell " + units.get(cell[0]).id() + " col " + cell[1]);
        }
        targets.addAll(p.totalTargets());
        for (int u : p.totalUnits()) {
            names.add("total of " + units.get(u).id());
        }
        for (int v = 0; v < targets.size(); v++) {
            List<double[]> with = new ArrayList<>(eqs);
            with.add(targets.get(v));
            if (rank(with, n) == rank) {
                StringBuilder sb = new StringBuilder("suppressed " + names.get(v) + " is recoverable in:\n");
                for (CountTable.Unit u : units) {
                    sb.append(u.id())
                            .append(" parent ")
                            .append(u.parent)
                            .append(" total ")
                            .append(u.publishedTotal())
                            .append(':');
                    for (int c = 0; c < cols; c++) {
                        sb.append(' ').append(u.published(c) == null ? "[" + u.counts[c] + "]" : u.counts[c]);
                    }
                    sb.append('\n');
                }
                throw new AssertionError(sb.toString());
            }
        }
    }

    /** Rank from commons-math3's singular value decomposition: independent of the audit under test. */
    static int rank(List<double[]> rows, int n) {
        if (rows.isEmpty()) {
            return 0;
        }
        double[][] m = rows.toArray(double[][]::new);
        return new org.apache.commons.math3.linear.SingularValueDecomposition(
                        org.apache.commons.math3.linear.MatrixUtils.createRealMatrix(m))
                .getRank();
    }
}
