package org.psyscreen.norm;

import java.util.List;
import org.psyscreen.definition.LocalizedText;

/**
 * A norm table as loaded from a file: metadata with provenance, and its groups.
 *
 * @param id table id
 * @param version table version
 * @param name display name (a synthetic table says so)
 * @param instrumentId instrument it normalises
 * @param instrumentVersion instrument version
 * @param scale scale of the instrument
 * @param kind lookup or parametric
 * @param synthetic true for made-up demo tables, never for decisions
 * @param verified true when the numbers were checked against the publication's table and page
 * @param population who the norm sample was
 * @param citation where the numbers come from
 * @param tDecimals decimals T-scores are reported with (half-up), parametric tables
 * @param percentileDecimals decimals percentiles are reported with (half-up), parametric tables
 * @param groups the groups
 */
public record NormTableDefinition(
        String id,
        String version,
        LocalizedText name,
        String instrumentId,
        String instrumentVersion,
        String scale,
        NormKind kind,
        boolean synthetic,
        boolean verified,
        Population population,
        NormCitation citation,
        int tDecimals,
        int percentileDecimals,
        List<NormGroup> groups) {

    /** The format name this version reads. */
    public static final String FORMAT = "psyscreen-norms/1";

    /**
     * Copies the collections.
     *
     * @param id table id
     * @param version table version
     * @param name display name (a synthetic table says so)
     * @param instrumentId instrument it normalises
     * @param instrumentVersion instrument version
     * @param scale scale of the instrument
     * @param kind lookup or parametric
     * @param synthetic true for made-up demo tables, never for decisions
     * @param verified true when the numbers were checked against the publication's table and page
     * @param population who the norm sample was
     * @param citation where the numbers come from
     * @param tDecimals decimals T-scores are reported with (half-up), parametric tables
     * @param percentileDecimals decimals percentiles are reported with (half-up), parametric tables
     * @param groups the groups
     */
    public NormTableDefinition {
        groups = List.copyOf(groups);
    }

    /** {@return {@code id@version}} */
    public String key() {
        return new org.psyscreen.definition.IdVersion(id, version).toString();
    }

    /**
     * Who the norm sample was.
     *
     * @param country ISO country code
     * @param region region or cities
     * @param year year of data collection, or {@code null} when not reported
     * @param sampleSize number of students
     * @param description free text
     */
    public record Population(String country, String region, Integer year, int sampleSize, String description) {}

    /**
     * Provenance down to table and page.
     *
     * @param text full reference
     * @param doi DOI or {@code null}
     * @param table table number in the publication, or {@code null} when not verified
     * @param page page, or {@code null} when not verified
     */
    public record NormCitation(String text, String doi, String table, String page) {}
}
