package org.psyscreen.definition;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;

/**
 * A score: either a combination of items ({@code items}) or a derived scale combining other
 * scales ({@code of}). Exactly one of the two lists is non-empty.
 *
 * @param id id of the scale
 * @param name display name
 * @param items item ids (empty for a derived scale)
 * @param of component scale ids (empty for an item scale)
 * @param aggregate sum or mean
 * @param missing missing-data rule; for a derived scale it counts missing components
 * @param source citation id for the key, or {@code null}
 * @param required whether failing this scale's missing-data rule makes the whole form INCOMPLETE;
 *     {@code false} for supplementary scales reported on their own (default {@code true})
 * @param reverse items keyed reversed in this scale only (they are keyed forward elsewhere)
 * @param reliability the published reliability and SD of the scale, or {@code null}: without it
 *     no reliable change index is computed for the scale
 * @param decimals decimals its score is printed with in output files (half-up), or {@code null}: as
 *     few as show the exact value. Decisions always use the exact value.
 * @param bands the scale's published severity levels, or {@code null}
 */
public record Scale(
        @NotNull @Pattern(regexp = Ids.ID, message = Ids.ID_MESSAGE)
        String id,

        @NotNull @Valid LocalizedText name,
        @NotNull List<@NotNull String> items,
        @NotNull List<@NotNull String> of,
        @NotNull Aggregate aggregate,
        @NotNull @Valid MissingRule missing,
        String source,
        boolean required,
        @NotNull List<@NotNull String> reverse,
        @Valid Reliability reliability,

        @jakarta.validation.constraints.Min(0) @jakarta.validation.constraints.Max(6)
        Integer decimals,

        @Valid SeverityBands bands) {

    /**
     * Copies the collections.
     *
     * @param id id of the scale
     * @param name display name
     * @param items item ids (empty for a derived scale)
     * @param of component scale ids (empty for an item scale)
     * @param aggregate sum or mean
     * @param missing missing-data rule; for a derived scale it counts missing components
     * @param source citation id for the key, or {@code null}
     * @param required whether failing this scale's missing-data rule makes the whole form INCOMPLETE; {@code false} for supplementary scales reported on their own (default {@code true})
     * @param reverse items keyed reversed in this scale only (they are keyed forward elsewhere)
     * @param reliability the published reliability and SD of the scale, or {@code null}: without it no reliable change index is computed for the scale
     * @param decimals decimals its score is printed with in output files (half-up), or {@code null}: as few as show the exact value. Decisions always use the exact value.
     * @param bands the scale's published severity levels, or {@code null}
     */
    public Scale {
        items = items == null ? List.of() : List.copyOf(items);
        of = of == null ? List.of() : List.copyOf(of);
        reverse = reverse == null ? List.of() : List.copyOf(reverse);
    }

    /**
     * {@return true when this scale keys {@code item} reversed though the item itself is keyed forward}
     *
     * @param item an item's id
     */
    public boolean reverses(String item) {
        return reverse.contains(item);
    }

    /** {@return true when this scale combines other scales rather than items} */
    public boolean derived() {
        return !of.isEmpty();
    }
}
