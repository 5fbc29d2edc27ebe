package org.psyscreen.validation;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * A one-factor model of a correlation matrix by unweighted least squares (minimum residual, as
 * {@code psych::fa(fm = "minres")}), found by iterating principal axes from squared multiple
 * correlations until the communalities change by less than 1e-12 — the iteration's fixed point is
 * the least-squares solution. Omega total as {@code psych::omega}: (V − Σu²)/V, V the sum of the
 * correlation matrix, u² = 1 − h². Linear algebra (inverse, symmetric eigen-decomposition) is
 * EJML's: maintained, pure Java, Apache-2.0; the factor step is a few lines on top of it.
 *
 * @param loadings the factor loadings (sign chosen so their sum is positive)
 * @param uniquenesses 1 − loading²
 * @param omegaTotal omega total
 * @param iterations iterations to converge
 * @param converged whether it converged (a Heywood case, a communality past 1, stops it)
 */
public record OneFactor(
        double[] loadings, double[] uniquenesses, double omegaTotal, int iterations, boolean converged) {

    static final int MAX_ITERATIONS = 100_000;

    /**
     * Fits one common factor to a correlation matrix.
     *
     * @param r the items' correlation matrix
     * @return the loadings, uniquenesses and omega total
     */
    public static OneFactor fit(double[][] r) {
        int k = r.length;
        DMatrixRMaj m = new DMatrixRMaj(r);
        DMatrixRMaj inverse = new DMatrixRMaj(k, k);
        double[] h2 = new double[k];
        if (CommonOps_DDRM.invert(m, inverse)) {
            for (int i = 0; i < k; i++) {
                h2[i] = 1 - 1 / inverse.get(i, i);
            }
        } else {
            java.util.Arrays.fill(h2, 0.5);
        }
        double[] loadings = new double[k];
        int it = 0;
        boolean converged = false;
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(k, true, true);
        while (it++ < MAX_ITERATIONS) {
            DMatrixRMaj reduced = m.copy();
            for (int i = 0; i < k; i++) {
                reduced.set(i, i, h2[i]);
            }
            if (!eig.decompose(reduced)) {
                break;
            }
            int top = 0;
            for (int e = 1; e < k; e++) {
                if (eig.getEigenvalue(e).getReal() > eig.getEigenvalue(top).getReal()) {
                    top = e;
                }
            }
            double value = Math.max(0, eig.getEigenvalue(top).getReal());
            DMatrixRMaj v = eig.getEigenVector(top);
            double change = 0;
            for (int i = 0; i < k; i++) {
                loadings[i] = v.get(i) * Math.sqrt(value);
                double next = loadings[i] * loadings[i];
                change = Math.max(change, Math.abs(next - h2[i]));
                h2[i] = next;
            }
            if (change < 1e-12) {
                converged = true;
                break;
            }
            if (max(h2) >= 1) {
                break; // Heywood case: no proper solution
            }
        }
        double sum = 0;
        for (double l : loadings) {
            sum += l;
        }
        if (sum < 0) {
            for (int i = 0; i < k; i++) {
                loadings[i] = -loadings[i];
            }
        }
        double total = 0;
        for (double[] row : r) {
            for (double x : row) {
                total += x;
            }
        }
        double[] u2 = new double[k];
        double sumU2 = 0;
        for (int i = 0; i < k; i++) {
            u2[i] = 1 - loadings[i] * loadings[i];
            sumU2 += u2[i];
        }
        return new OneFactor(loadings, u2, (total - sumU2) / total, it, converged);
    }

    private static double max(double[] a) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : a) {
            m = Math.max(m, x);
        }
        return m;
    }
}
