package org.psyscreen.definition;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;

/**
 * The allowed answers shared by a group of items.
 *
 * @param id id that items refer to
 * @param codes allowed answers with their values
 * @param special declared non-answers (may be empty)
 */
public record ResponseSet(
        @NotNull @Pattern(regexp = Ids.ID, message = Ids.ID_MESSAGE)
        String id,

        @NotEmpty List<@Valid @NotNull ResponseCode> codes,
        @NotNull List<@Valid @NotNull SpecialCode> special) {

    /**
     * Copies the collections.
     *
     * @param id id that items refer to
     * @param codes allowed answers with their values
     * @param special declared non-answers (may be empty)
     */
    public ResponseSet {
        codes = codes == null ? null : List.copyOf(codes);
        special = special == null ? List.of() : List.copyOf(special);
    }

    /** {@return smallest value of the codes} */
    public int minValue() {
        return codes.stream().mapToInt(ResponseCode::value).min().orElseThrow();
    }

    /** {@return largest value of the codes} */
    public int maxValue() {
        return codes.stream().mapToInt(ResponseCode::value).max().orElseThrow();
    }
}
