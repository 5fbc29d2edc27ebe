package org.psyscreen.definition;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * A published reliability and standard deviation of a scale, the two facts the Jacobson–Truax
 * reliable change index needs. Both come from one cited sample; a scale without them has no
 * reliable change index, never a guessed one.
 *
 * @param coefficient the reliability (Cronbach's alpha or a test–retest correlation), in (0, 1)
 * @param kind which reliability the coefficient is
 * @param sd the standard deviation of the scale in the same sample
 * @param source citation id of the publication both numbers come from
 * @param sample who the sample was (e.g. "German general population, N=5030, women"), so a user
 *     can judge whether it fits their students
 */
public record Reliability(
        @NotNull
        @DecimalMin(value = "0", inclusive = false, message = "must be above 0 and below 1")
        @DecimalMax(value = "1", inclusive = false, message = "must be above 0 and below 1")
        Double coefficient,

        @NotNull ReliabilityKind kind,
        @NotNull @Positive Double sd,
        @NotNull String source,
        @NotBlank String sample) {}
