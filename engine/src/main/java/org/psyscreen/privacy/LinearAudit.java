package org.psyscreen.privacy;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds hidden figures that published ones determine exactly. Unknowns are the hidden cells; each
 * published unit total and each parent-equals-sum-of-children column gives a linear equation. A
 * hidden cell is determined exactly when its unit vector lies in the row space of the equations
 * (rank does not grow when it is added); a hidden unit total (the sum of that unit's hidden cells
 * plus its published ones) likewise, when the indicator of its hidden cells lies in the row space —
 * a school's total found as the region's minus the other schools', though no single cell of it is.
 * Gaussian elimination over small integer systems.
 */
final class LinearAudit {
    /** A determined hidden cell, or with {@code column} {@link #TOTAL} a determined hidden total. */
    record Cell(int unit, int column) {}

    /** The column of a {@link Cell} that is a unit's hidden total. */
    static final int TOTAL = -1;

    private LinearAudit() {}

    /** The first hidden cell that published figures determine, or {@code null}. */
    static Cell firstRecoverable(CountTable t) {
        List<CountTable.Unit> units = t.units;
        int cols = t.columns().size();
        int[][] var = new int[units.size()][cols];
        List<Cell> cells = new ArrayList<>();
        for (int u = 0; u < units.size(); u++) {
            for (int c = 0; c < cols; c++) {
                if (units.get(u).suppressed[c]) {
                    var[u][c] = cells.size();
                    cells.add(new Cell(u, c));
                } else {
                    var[u][c] = -1;
                }
            }
        }
        int n = cells.size();
        if (n == 0) {
            return null;
        }
        List<double[]> eqs = new ArrayList<>();
        for (int u = 0; u < units.size(); u++) {
            if (!units.get(u).totalSuppressed) {
                double[] e = new double[n];
                for (int c = 0; c < cols; c++) {
                    if (var[u][c] >= 0) {
                        e[var[u][c]] = 1;
                    }
                }
                eqs.add(e);
            }
        }
        // Children by parent, found once (scanning every unit for each parent and column made the
        // audit quadratic in the units of a table).
        List<List<Integer>> children = new ArrayList<>(units.size());
        for (int u = 0; u < units.size(); u++) {
            children.add(new ArrayList<>());
        }
        for (int ch = 0; ch < units.size(); ch++) {
            int parent = units.get(ch).parent;
            if (parent >= 0 && parent < units.size()) {
                children.get(parent).add(ch);
            }
        }
        for (int p = 0; p < units.size(); p++) {
            if (children.get(p).isEmpty()) {
                continue;
            }
            for (int c = 0; c < cols; c++) {
                double[] e = new double[n];
                if (var[p][c] >= 0) {
                    e[var[p][c]] = -1;
                }
                for (int ch : children.get(p)) {
                    if (var[ch][c] >= 0) {
                        e[var[ch][c]] = 1;
                    }
                }
                eqs.add(e);
            }
        }
        List<double[]> totals = new ArrayList<>();
        List<Integer> totalUnits = new ArrayList<>();
        for (int u = 0; u < units.size(); u++) {
            if (units.get(u).totalSuppressed) {
                double[] v = new double[n];
                boolean any = false;
                for (int c = 0; c < cols; c++) {
                    if (var[u][c] >= 0) {
                        v[var[u][c]] = 1;
                        any = true;
                    }
                }
                if (any) {
                    totals.add(v);
                    totalUnits.add(u);
                }
            }
        }
        return determined(eqs, n, cells, totals, totalUnits);
    }

    /**
     * Gauss-Jordan elimination once: a hidden cell is determined exactly when its pivot row has no
     * other non-zero entry (free variables and pivots tied to them are not determined).
     */
    private static Cell determined(
            List<double[]> rows, int n, List<Cell> cells, List<double[]> totals, List<Integer> totalUnits) {
        double[][] m = new double[rows.size()][];
        for (int i = 0; i < m.length; i++) {
            m[i] = rows.get(i).clone();
        }
        int rank = 0;
        int[] pivotCol = new int[m.length];
        int[] nz = new int[n];
        for (int col = 0; col < n && rank < m.length; col++) {
            int pivot = -1;
            for (int r = rank; r < m.length; r++) {
                if (Math.abs(m[r][col]) > 1e-9) {
                    pivot = r;
                    break;
                }
            }
            if (pivot < 0) {
                continue;
            }
            double[] tmp = m[pivot];
            m[pivot] = m[rank];
            m[rank] = tmp;
            double lead = m[rank][col];
            double[] row = m[rank];
            // The pivot row's non-zero columns: subtracting a multiple of a zero entry changes nothing
            // (at most the sign of a zero, which no test here reads), so a row is reduced over these
            // only. The equations are sparse; reducing over every column made the audit a tenth of a
            // 1M run, at its end.
            int nonZero = 0;
            for (int c = col; c < n; c++) {
                row[c] /= lead;
                if (row[c] != 0) {
                    nz[nonZero++] = c;
                }
            }
            for (int r = 0; r < m.length; r++) {
                if (r != rank && Math.abs(m[r][col]) > 1e-9) {
                    double f = m[r][col];
                    double[] other = m[r];
                    for (int k = 0; k < nonZero; k++) {
                        int c = nz[k];
                        other[c] -= f * row[c];
                    }
                }
            }
            pivotCol[rank] = col;
            rank++;
        }
        for (int r = 0; r < rank; r++) {
            boolean alone = true;
            for (int c = 0; c < n && alone; c++) {
                alone = c == pivotCol[r] || Math.abs(m[r][c]) <= 1e-9;
            }
            if (alone) {
                return cells.get(pivotCol[r]);
            }
        }
        // A hidden total: reduce its vector by the pivot rows; nothing left means it is in the row space.
        int[][] rowNonZero = totals.isEmpty() ? null : new int[rank][];
        for (int r = 0; rowNonZero != null && r < rank; r++) {
            int count = 0;
            for (int c = 0; c < n; c++) {
                if (m[r][c] != 0) {
                    nz[count++] = c;
                }
            }
            rowNonZero[r] = java.util.Arrays.copyOf(nz, count); // as above: zero entries change nothing
        }
        for (int t = 0; t < totals.size(); t++) {
            double[] v = totals.get(t).clone();
            for (int r = 0; r < rank; r++) {
                double f = v[pivotCol[r]];
                if (Math.abs(f) > 1e-9) {
                    for (int c : rowNonZero[r]) {
                        v[c] -= f * m[r][c];
                    }
                }
            }
            boolean zero = true;
            for (int c = 0; c < n && zero; c++) {
                zero = Math.abs(v[c]) <= 1e-9;
            }
            if (zero) {
                return new Cell(totalUnits.get(t), TOTAL);
            }
        }
        return null;
    }
}
