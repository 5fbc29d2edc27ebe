package org.psyscreen.records;

/**
 * A reliability the store keeps for the reliable change index, as the instrument definition
 * declared it at import.
 *
 * @param instrumentKey id@version
 * @param scale scale id
 * @param coefficient the reliability
 * @param kind alpha or test-retest
 * @param sd the SD of the same sample
 * @param source the definition's citation id
 * @param citation the full reference
 * @param sample who the sample was
 */
public record ReliabilitySource(
        String instrumentKey,
        String scale,
        double coefficient,
        String kind,
        double sd,
        String source,
        String citation,
        String sample) {}
