package org.psyscreen.definition;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.List;

/**
 * A rule that marks a form INVALID. Which fields are used depends on {@link #kind()}:
 * {@code scale} for a lie scale; {@code pairs} and {@code maxDifference} for inconsistent pairs;
 * {@code items} (optional) for the longest run and response variability; {@code pairs} for
 * synonyms; {@code scales} for even-odd consistency; {@code items} and {@code reference} for a
 * Mahalanobis distance.
 *
 * @param id id of the check
 * @param kind the kind
 * @param scale lie scale id, or {@code null}
 * @param pairs inconsistency pairs (empty unless {@link ValidityKind#INCONSISTENT_PAIRS})
 * @param maxDifference largest keyed difference a consistent pair may show, or {@code null}
 * @param items items of a longest-run, variability or Mahalanobis check (empty means every item in
 *     definition order)
 * @param scales scales of an even-odd check (empty otherwise)
 * @param reference the sample of a Mahalanobis check, or {@code null}
 * @param invalidWhen condition on the check's measure that makes the form invalid
 * @param source citation id for the threshold
 */
public record ValidityCheck(
        @NotNull @Pattern(regexp = Ids.ID, message = Ids.ID_MESSAGE)
        String id,

        @NotNull ValidityKind kind,
        String scale,
        @NotNull List<@Valid @NotNull ItemPair> pairs,
        @PositiveOrZero Integer maxDifference,
        @NotNull List<@NotNull String> items,
        @NotNull List<@NotNull String> scales,
        @Valid MahalanobisReference reference,
        @NotNull @Valid Condition invalidWhen,
        @NotNull String source) {

    /**
     * Copies the collections.
     *
     * @param id id of the check
     * @param kind the kind
     * @param scale lie scale id, or {@code null}
     * @param pairs inconsistency pairs (empty unless {@link ValidityKind#INCONSISTENT_PAIRS})
     * @param maxDifference largest keyed difference a consistent pair may show, or {@code null}
     * @param items items of a longest-run, variability or Mahalanobis check (empty means every item
     *     in definition order)
     * @param scales scales of an even-odd check (empty otherwise)
     * @param reference the sample of a Mahalanobis check, or {@code null}
     * @param invalidWhen condition on the check's measure that makes the form invalid
     * @param source citation id for the threshold
     */
    public ValidityCheck {
        pairs = pairs == null ? List.of() : List.copyOf(pairs);
        items = items == null ? List.of() : List.copyOf(items);
        scales = scales == null ? List.of() : List.copyOf(scales);
    }
}
