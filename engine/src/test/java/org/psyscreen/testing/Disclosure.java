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
}
