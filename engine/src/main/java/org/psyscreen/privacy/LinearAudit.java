package org.psyscreen.privacy;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds hidden cells that published figures determine exactly. Unknowns are the hidden cells; each
 * published unit total and each parent-equals-sum-of-children column gives a linear equation. A
 * hidden cell is determined exactly when its unit vector lies in the row space of the equations
 * (rank does not grow when it is added). Gaussian elimination over small integer systems.
 */
final class LinearAudit {
    /** A determined hidden cell. */
    record Cell(int unit, int column) {}

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
        return determined(eqs, n, cells);
    }

    /**
     * Gauss-Jordan elimination once: a hidden cell is determined exactly when its pivot row has no
     * other non-zero entry (free variables and pivots tied to them are not determined).
     */
    private static Cell determined(List<double[]> rows, int n, List<Cell> cells) {
        double[][] m = new double[rows.size()][];
        for (int i = 0; i < m.length; i++) {
            m[i] = rows.get(i).clone();
        }
        int rank = 0;
        int[] pivotCol = new int[m.length];
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
            for (int c = col; c < n; c++) {
                m[rank][c] /= lead;
            }
            for (int r = 0; r < m.length; r++) {
                if (r != rank && Math.abs(m[r][col]) > 1e-9) {
                    double f = m[r][col];
                    for (int c = col; c < n; c++) {
                        m[r][c] -= f * m[rank][c];
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
        return null;
    }
}
