package org.psyscreen.definition;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * A publication or other source that a fact in the definition comes from.
 *
 * @param id id other fields refer to with {@code source}
 * @param text full reference
 * @param doi DOI, or {@code null} when there is none
 */
public record Citation(
        @NotNull @Pattern(regexp = Ids.ID, message = Ids.ID_MESSAGE)
        String id,

        @NotBlank String text,

        @Pattern(regexp = Ids.DOI, message = "must look like 10.NNNN/suffix")
        String doi) {}
