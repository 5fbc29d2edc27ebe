package org.psyscreen.definition;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Optional;

/**
 * A whole instrument definition as loaded from a file. Immutable. A definition obtained from
 * {@link org.psyscreen.load.DefinitionLoader} has passed every check.
 *
 * @param id instrument id, e.g. {@code phq9}
 * @param version version of this definition, MAJOR.MINOR.PATCH
 * @param name display name
 * @param licence licence facts
 * @param citations sources referred to by {@code source} fields
 * @param responseSets allowed answers
 * @param items questions, in form order
 * @param scales scores
 * @param validity validity checks (may be empty)
 * @param critical critical items (may be empty)
 */
public record InstrumentDefinition(
        @NotNull @Pattern(regexp = Ids.ID, message = Ids.ID_MESSAGE)
        String id,

        @NotNull @Pattern(regexp = Ids.VERSION, message = "must be MAJOR.MINOR.PATCH, e.g. 1.0.0")
        String version,

        @NotNull @Valid LocalizedText name,
        @NotNull @Valid Licence licence,
        @NotEmpty List<@Valid @NotNull Citation> citations,
        @NotEmpty List<@Valid @NotNull ResponseSet> responseSets,
        @NotEmpty List<@Valid @NotNull Item> items,
        @NotEmpty List<@Valid @NotNull Scale> scales,
        @NotNull List<@Valid @NotNull ValidityCheck> validity,
        @NotNull List<@Valid @NotNull CriticalItem> critical) {

    /** The format name this version reads and writes. */
    public static final String FORMAT = "psyscreen-instrument/1";

    /**
     * {@return a hash of the id and version} Consistent with {@link #equals} (equal definitions have
     * equal ids and versions) and cheap: the record's own hash walked every item, scale and text, through
     * a bootstrap per component type, and loading the bundle hashes each definition once (42 ms of a
     * 100-record run's start-up).
     */
    @Override
    public int hashCode() {
        return 31 * java.util.Objects.hashCode(id) + java.util.Objects.hashCode(version);
    }

    /**
     * Copies the collections.
     *
     * @param id instrument id, e.g. {@code phq9}
     * @param version version of this definition, MAJOR.MINOR.PATCH
     * @param name display name
     * @param licence licence facts
     * @param citations sources referred to by {@code source} fields
     * @param responseSets allowed answers
     * @param items questions, in form order
     * @param scales scores
     * @param validity validity checks (may be empty)
     * @param critical critical items (may be empty)
     */
    public InstrumentDefinition {
        citations = copy(citations);
        responseSets = copy(responseSets);
        items = copy(items);
        scales = copy(scales);
        validity = validity == null ? List.of() : List.copyOf(validity);
        critical = critical == null ? List.of() : List.copyOf(critical);
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? null : List.copyOf(list);
    }

    /** {@return {@code id@version}} */
    public String key() {
        return new IdVersion(id, version).toString();
    }

    /**
     * {@return the item with this id}
     *
     * @param itemId the item's id
     */
    public Optional<Item> item(String itemId) {
        return items.stream().filter(i -> i.id().equals(itemId)).findFirst();
    }

    /**
     * {@return the scale with this id}
     *
     * @param scaleId the scale's id
     */
    public Optional<Scale> scale(String scaleId) {
        return scales.stream().filter(s -> s.id().equals(scaleId)).findFirst();
    }

    /**
     * {@return the response set with this id}
     *
     * @param setId the response set's id
     */
    public Optional<ResponseSet> responseSet(String setId) {
        return responseSets.stream().filter(r -> r.id().equals(setId)).findFirst();
    }
}
