package org.psyscreen.definition;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * An item whose answer needs action on its own, e.g. thoughts of self-harm. Evaluated before and
 * independently of every scale, validity check and missing-data rule.
 *
 * @param id id of the rule
 * @param item the item it reads
 * @param on whether the raw or keyed value is compared
 * @param when the condition that makes it positive
 * @param meaning what a positive answer means
 * @param source citation id for the rule
 */
public record CriticalItem(
        @NotNull @Pattern(regexp = Ids.ID, message = Ids.ID_MESSAGE)
        String id,

        @NotNull String item,
        @NotNull ValueBasis on,
        @NotNull @Valid Condition when,
        @NotNull @Valid LocalizedText meaning,
        @NotNull String source) {}
