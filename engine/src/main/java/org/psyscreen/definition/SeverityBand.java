package org.psyscreen.definition;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * One published severity level of a scale: from its lower bound up to the next level's.
 *
 * @param id the level's id ({@code minimal}, {@code moderately_severe} ...)
 * @param from the lowest score of the level
 * @param label the level's name, in English and Chinese
 */
public record SeverityBand(
        @NotNull @Pattern(regexp = Ids.ID, message = Ids.ID_MESSAGE)
        String id,

        @NotNull Double from,
        @NotNull @Valid LocalizedText label) {}
