package org.psyscreen.definition;

import jakarta.validation.constraints.NotBlank;

/**
 * A short text in English and Chinese.
 *
 * @param en English
 * @param zh Chinese (简体)
 */
public record LocalizedText(@NotBlank String en, @NotBlank String zh) {}
