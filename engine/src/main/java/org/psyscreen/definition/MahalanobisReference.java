package org.psyscreen.definition;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.util.List;
import org.psyscreen.analysis.Mahalanobis;

/**
 * The sample a Mahalanobis check measures distance from: the mean and covariance (denominator
 * n - 1) of the keyed values of the check's items, in the order of its {@code items}. Loading checks
 * that the sizes agree and that the covariance is symmetric and positive definite.
 *
 * @param n size of the sample the moments came from
 * @param mean mean of each item
 * @param covariance covariance matrix, one row per item
 */
public record MahalanobisReference(
        @NotNull @Positive Integer n,
        @NotNull List<@NotNull Double> mean,
        @NotNull List<@NotNull List<@NotNull Double>> covariance) {

    /**
     * Copies the lists.
     *
     * @param n size of the sample the moments came from
     * @param mean mean of each item
     * @param covariance covariance matrix, one row per item
     */
    public MahalanobisReference {
        mean = mean == null ? List.of() : List.copyOf(mean);
        covariance = covariance == null
                ? List.of()
                : covariance.stream().map(List::copyOf).toList();
    }

    /**
     * {@return the distance measure of this sample, factored once}
     *
     * @throws IllegalArgumentException when the sizes disagree or the covariance is not symmetric and
     *     positive definite (the message says where)
     */
    public Mahalanobis measure() {
        double[] m = new double[mean.size()];
        for (int i = 0; i < m.length; i++) {
            m[i] = mean.get(i);
        }
        double[][] c = new double[covariance.size()][];
        for (int i = 0; i < c.length; i++) {
            List<Double> row = covariance.get(i);
            c[i] = new double[row.size()];
            for (int j = 0; j < c[i].length; j++) {
                c[i][j] = row.get(j);
            }
        }
        return Mahalanobis.of(m, c);
    }
}
