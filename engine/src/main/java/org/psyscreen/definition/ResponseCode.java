package org.psyscreen.definition;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * One allowed answer: the code as it appears in response files and the number it scores as.
 *
 * @param code the code in response files, e.g. {@code "2"} or {@code "yes"}
 * @param value the score value
 * @param label our own short label (never the instrument's wording); may be {@code null}
 */
public record ResponseCode(
        @NotBlank @Size(max = 16) String code, @NotNull Integer value, String label) {}
