package org.psyscreen.definition;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A declared code that is not an answer (refused, don't know); it scores as missing.
 *
 * @param code the code in response files
 * @param meaning what it means
 */
public record SpecialCode(
        @NotBlank @Size(max = 16) String code, @NotNull SpecialMeaning meaning) {}
