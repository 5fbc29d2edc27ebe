package org.psyscreen.norm;

/**
 * One printed row of a lookup table: raw scores {@code from..to} (inclusive) convert to a T-score
 * and a percentile.
 *
 * @param from lowest raw score of the row
 * @param to highest raw score of the row
 * @param t T-score
 * @param percentile percentile rank, 0..100
 */
public record NormRow(int from, int to, double t, double percentile) {}
