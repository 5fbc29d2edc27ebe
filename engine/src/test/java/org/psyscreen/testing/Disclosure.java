package org.psyscreen.testing;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * An attacker's view of a published table, independent of the suppression code: which hidden
 * quantities do the published figures determine exactly? The equations are linear in the hidden cells
 * (published totals and parent-equals-sum-of-children); a linear combination of hidden cells (one cell,
 * or a unit's hidden total) is determined exactly when it lies in the row space of the equations. The
 * row space comes from commons-math3's singular value decomposition, computed once; each target is
 * projected onto it.
 */
public final class Disclosure {
    private Disclosure() {}

    /**
     * The indexes of the targets the equations determine.
     *
     * @param equations rows over {@code n} hidden cells (constants do not matter for determinedness)
     * @param targets linear combinations of hidden cells an attacker wants
     * @param n the number of hidden cells
     * @return the determined targets' indexes
     */
    public static List<Integer> determined(List<double[]> equations, List<double[]> targets, int n) {
        List<Integer> out = new ArrayList<>();
        if (n == 0) {
            return out;
        }
        if (equations.isEmpty()) {
            return out;
        }
        RealMatrix a = MatrixUtils.createRealMatrix(equations.toArray(double[][]::new));
        SingularValueDecomposition svd = new SingularValueDecomposition(a);
        int rank = svd.getRank();
        RealMatrix v = svd.getV().getSubMatrix(0, n - 1, 0, Math.max(0, rank - 1));
        for (int t = 0; t < targets.size(); t++) {
            if (rank == 0) {
                continue;
            }
            double[] x = targets.get(t);
            double[] coefficients = v.transpose().operate(x);
            double[] projected = v.operate(coefficients);
            double residual = 0;
            double norm = 0;
            for (int i = 0; i < n; i++) {
                residual += (x[i] - projected[i]) * (x[i] - projected[i]);
                norm += x[i] * x[i];
            }
            if (norm > 0 && Math.sqrt(residual) < 1e-7 * Math.sqrt(norm)) {
                out.add(t);
            }
        }
        return out;
    }

    /**
     * A published count table as an attacker sees it: its hidden cells numbered unit by unit, column by
     * column; the equations the published figures give over them (each published unit total; each
     * parent-equals-sum-of-children column, whether or not the parent is published); and the figures an
     * attacker wants: every hidden cell, and every hidden unit total over at least one hidden cell.
     *
     * @param hiddenCells the number of hidden cells
     * @param equations rows over the hidden cells
     * @param cells {unit, column} of each hidden cell, in number order
     * @param totalUnits the units whose hidden totals are targets
     * @param totalTargets each such total as a row over the hidden cells
     */
    public record Published(
            int hiddenCells,
            List<double[]> equations,
            List<int[]> cells,
            List<Integer> totalUnits,
            List<double[]> totalTargets) {

        /**
         * {@return the equations and targets of a table}
         *
         * @param t a table, with cells and totals hidden
         */
        public static Published of(org.psyscreen.privacy.CountTable t) {
            List<org.psyscreen.privacy.CountTable.Unit> units = t.units();
            int cols = t.columns().size();
            int[][] var = new int[units.size()][cols];
            List<int[]> cells = new ArrayList<>();
            for (int u = 0; u < units.size(); u++) {
                for (int c = 0; c < cols; c++) {
                    var[u][c] = units.get(u).published(c) == null ? cells.size() : -1;
                    if (var[u][c] >= 0) {
                        cells.add(new int[] {u, c});
                    }
                }
            }
            int n = cells.size();
            List<double[]> eqs = new ArrayList<>();
            for (int u = 0; u < units.size(); u++) {
                if (units.get(u).publishedTotal() != null) {
                    eqs.add(over(var[u], n));
                }
            }
            for (int p = 0; p < units.size(); p++) {
                for (int c = 0; c < cols; c++) {
                    boolean any = false;
                    double[] e = new double[n];
                    if (var[p][c] >= 0) {
                        e[var[p][c]] = -1;
                    }
                    for (int ch = 0; ch < units.size(); ch++) {
                        if (units.get(ch).parent() == p) {
                            any = true;
                            if (var[ch][c] >= 0) {
                                e[var[ch][c]] = 1;
                            }
                        }
                    }
                    if (any) {
                        eqs.add(e);
                    }
                }
            }
            List<Integer> totalUnits = new ArrayList<>();
            List<double[]> totals = new ArrayList<>();
            for (int u = 0; u < units.size(); u++) {
                double[] sum = over(var[u], n);
                boolean any = false;
                for (double x : sum) {
                    any |= x != 0;
                }
                if (units.get(u).publishedTotal() == null && any) {
                    totalUnits.add(u);
                    totals.add(sum);
                }
            }
            return new Published(n, eqs, cells, totalUnits, totals);
        }

        /** A row with 1 at each hidden cell of one unit. */
        private static double[] over(int[] unitVars, int n) {
            double[] e = new double[n];
            for (int v : unitVars) {
                if (v >= 0) {
                    e[v] = 1;
                }
            }
            return e;
        }

        /** {@return every hidden cell as a target row, in number order} */
        public List<double[]> cellTargets() {
            List<double[]> out = new ArrayList<>();
            for (int j = 0; j < hiddenCells; j++) {
                double[] e = new double[hiddenCells];
                e[j] = 1;
                out.add(e);
            }
            return out;
        }
    }
}
