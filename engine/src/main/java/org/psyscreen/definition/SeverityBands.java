package org.psyscreen.definition;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * A scale's published severity levels (PHQ-9: minimal, mild, moderate, moderately severe, severe),
 * each from its lower bound up to the next one's; the first starts at the scale's lowest score. A
 * level describes a score: it is not a decision, which stays the policy's. The exact score decides
 * the level, as it decides tiers, whatever decimals the score is printed with.
 *
 * @param source citation id of the publication the levels come from
 * @param levels the levels, lowest first
 */
public record SeverityBands(@NotNull String source, @NotNull List<@Valid @NotNull SeverityBand> levels) {
    /**
     * Copies the list.
     *
     * @param source citation id of the publication the levels come from
     * @param levels the levels, lowest first
     */
    public SeverityBands {
        levels = levels == null ? List.of() : List.copyOf(levels);
    }

    /**
     * {@return the level of {@code score}, or {@code null} when there is no score ({@code NaN}) or it
     * lies below the first level}
     *
     * @param score a scale's exact score
     */
    public SeverityBand levelOf(double score) {
        SeverityBand found = null;
        for (SeverityBand b : levels) {
            if (score >= b.from()) {
                found = b;
            }
        }
        return found;
    }
}
