package org.psyscreen.analysis;

import java.util.Arrays;

/**
 * Mahalanobis distance from a sample's centre: {@code D² = (x - mean)ᵀ S⁻¹ (x - mean)} with S the
 * sample covariance, as R's {@code stats::mahalanobis(x, center, cov)}. S is factored once (Cholesky,
 * S = L Lᵀ), so each distance is one triangular solve: {@code D² = |L⁻¹(x - mean)|²}. Immutable and
 * thread-safe.
 *
 * <p>The factorisation is written here: Commons Statistics has no linear algebra, commons-math3 is
 * not maintained, and EJML (which resolves) has no module name, so a named module such as this one
 * would have to require it by its file name. The test suite checks it against R on real data.
 */
public final class Mahalanobis {
    private final double[] mean;
    /** Lower triangle of L, row by row. */
    private final double[][] lower;

    private Mahalanobis(double[] mean, double[][] lower) {
        this.mean = mean;
        this.lower = lower;
    }

    /**
     * {@return the distance measure of a sample with this mean and covariance}
     *
     * @param mean the centre, one value per variable
     * @param covariance the covariance matrix, symmetric and positive definite
     * @throws IllegalArgumentException naming what is wrong: sizes that disagree, a value that is not
     *     finite, a matrix that is not symmetric, or one that is not positive definite (and which
     *     variable it fails at)
     */
    public static Mahalanobis of(double[] mean, double[][] covariance) {
        int p = mean.length;
        if (p == 0 || covariance.length != p) {
            throw new IllegalArgumentException("the covariance has " + covariance.length + " rows for " + p + " means");
        }
        for (int i = 0; i < p; i++) {
            if (covariance[i].length != p) {
                throw new IllegalArgumentException(
                        "covariance row " + (i + 1) + " has " + covariance[i].length + " values, not " + p);
            }
            if (!Double.isFinite(mean[i])) {
                throw new IllegalArgumentException("mean " + (i + 1) + " is not a finite number");
            }
            for (int j = 0; j < p; j++) {
                double a = covariance[i][j];
                double b = covariance[j][i];
                if (!Double.isFinite(a)) {
                    throw new IllegalArgumentException("covariance row " + (i + 1) + " is not finite");
                }
                if (Math.abs(a - b) > 1e-9 * Math.max(1, Math.max(Math.abs(a), Math.abs(b)))) {
                    throw new IllegalArgumentException(
                            "the covariance is not symmetric at row " + (i + 1) + ", column " + (j + 1));
                }
            }
        }
        double[][] l = new double[p][];
        for (int i = 0; i < p; i++) {
            l[i] = new double[i + 1];
            for (int j = 0; j <= i; j++) {
                double s = covariance[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (!(s > 1e-12 * Math.abs(covariance[i][i]))) {
                        throw new IllegalArgumentException(
                                "the covariance is not positive definite (at variable " + (i + 1) + ")");
                    }
                    l[i][i] = Math.sqrt(s);
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        return new Mahalanobis(mean.clone(), l);
    }

    /** {@return the number of variables} */
    public int size() {
        return mean.length;
    }

    /**
     * {@return D² of {@code x}; {@code NaN} if any value is {@code NaN}}
     *
     * @param x one value per variable, in the order of the mean
     */
    public double distanceSquared(double[] x) {
        int p = mean.length;
        if (x.length != p) {
            throw new IllegalArgumentException(x.length + " values for " + p + " variables");
        }
        double[] z = new double[p];
        double d2 = 0;
        for (int i = 0; i < p; i++) {
            double s = x[i] - mean[i];
            double[] row = lower[i];
            for (int k = 0; k < i; k++) {
                s -= row[k] * z[k];
            }
            z[i] = s / row[i];
            d2 += z[i] * z[i];
        }
        return d2;
    }

    /**
     * The mean and covariance of a sample, accumulated one row at a time (Welford's update of the
     * means and co-moments), so that a file can be read once. Not thread-safe; {@link #combine}
     * joins accumulators filled by different threads (Chan, Golub and LeVeque's pairwise update).
     */
    public static final class Moments {
        private final int p;
        private long n;
        private final double[] mean;
        /** Co-moments: the sums of products of deviations, lower triangle in full rows. */
        private final double[][] comoment;

        /**
         * An empty sample.
         *
         * @param variables number of variables per row
         */
        public Moments(int variables) {
            this.p = variables;
            this.mean = new double[variables];
            this.comoment = new double[variables][variables];
        }

        /**
         * Adds one row; a row with a {@code NaN} is refused (the sample is of complete rows only).
         *
         * @param x one value per variable
         * @return whether the row was added
         */
        public boolean add(double[] x) {
            if (x.length != p) {
                throw new IllegalArgumentException(x.length + " values for " + p + " variables");
            }
            for (double v : x) {
                if (Double.isNaN(v)) {
                    return false;
                }
            }
            n++;
            double[] before = new double[p];
            for (int i = 0; i < p; i++) {
                before[i] = x[i] - mean[i];
                mean[i] += before[i] / n;
            }
            for (int i = 0; i < p; i++) {
                double after = x[i] - mean[i];
                for (int j = 0; j <= i; j++) {
                    comoment[i][j] += after * before[j];
                }
            }
            return true;
        }

        /**
         * Adds another accumulator's rows to this one.
         *
         * @param other a sample of the same variables
         */
        public void combine(Moments other) {
            if (other.p != p) {
                throw new IllegalArgumentException("the samples have different variables");
            }
            if (other.n == 0) {
                return;
            }
            long total = n + other.n;
            double[] delta = new double[p];
            for (int i = 0; i < p; i++) {
                delta[i] = other.mean[i] - mean[i];
            }
            double w = (double) n * other.n / total;
            for (int i = 0; i < p; i++) {
                for (int j = 0; j <= i; j++) {
                    comoment[i][j] += other.comoment[i][j] + delta[i] * delta[j] * w;
                }
                mean[i] += delta[i] * other.n / total;
            }
            n = total;
        }

        /** {@return the number of rows added} */
        public long count() {
            return n;
        }

        /** {@return the means (a copy)} */
        public double[] mean() {
            return mean.clone();
        }

        /** {@return the covariance matrix, denominator n - 1 (a copy); {@code NaN} with fewer than two rows} */
        public double[][] covariance() {
            double[][] c = new double[p][p];
            for (int i = 0; i < p; i++) {
                for (int j = 0; j <= i; j++) {
                    double v = n < 2 ? Double.NaN : comoment[i][j] / (n - 1);
                    c[i][j] = v;
                    c[j][i] = v;
                }
            }
            return c;
        }

        @Override
        public String toString() {
            return "Moments[n=" + n + ", mean=" + Arrays.toString(mean) + "]";
        }
    }
}
