package org.psyscreen.definition;

import jakarta.validation.constraints.NotNull;

/**
 * Two items that a consistent respondent answers alike (after reverse keying).
 *
 * @param first first item id
 * @param second second item id
 */
public record ItemPair(@NotNull String first, @NotNull String second) {}
