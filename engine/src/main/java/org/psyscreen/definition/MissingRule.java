package org.psyscreen.definition;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * How many members of a scale may be missing and what happens then. Exactly one of
 * {@code maxMissing} and {@code maxMissingFraction} is given.
 *
 * @param maxMissing most members that may be missing (blank, special code or invalid)
 * @param maxMissingFraction most members that may be missing, as a fraction of the member count
 *     (rounded down to a whole count)
 * @param prorate whether a scale with missing members is scaled up to the full member count
 * @param rounding how a prorated score is rounded; required when {@code prorate} is true
 * @param source citation id of the rule, or {@code null}
 */
public record MissingRule(
        @PositiveOrZero Integer maxMissing,
        @DecimalMin("0") @DecimalMax("1") Double maxMissingFraction,
        boolean prorate,
        Rounding rounding,
        String source) {

    /** {@return no member may be missing} */
    public static MissingRule none() {
        return new MissingRule(0, null, false, null, null);
    }
}
