package org.psyscreen.definition;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * Licence facts about an instrument.
 *
 * @param status what the licence allows
 * @param statement our one-line summary of the terms
 * @param source where the terms were read
 */
public record Licence(
        @NotNull LicenceStatus status,
        @NotBlank String statement,
        @NotBlank String source) {}
