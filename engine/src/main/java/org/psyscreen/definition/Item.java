package org.psyscreen.definition;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * One question of the instrument.
 *
 * @param id column id, e.g. {@code q9}
 * @param label our own short label, never the instrument's wording
 * @param responses id of the {@link ResponseSet} giving allowed answers
 * @param reverse whether the item is reverse-keyed against its own range: keyed value =
 *     {@code min + max - value}
 */
public record Item(
        @NotNull @Pattern(regexp = Ids.ID, message = Ids.ID_MESSAGE)
        String id,

        @NotBlank @Size(max = 80) String label,

        @NotNull @Pattern(regexp = Ids.ID, message = Ids.ID_MESSAGE)
        String responses,

        boolean reverse) {}
