package org.psyscreen.tier;

import java.util.Objects;
import org.psyscreen.definition.LocalizedText;

/**
 * One of a policy's three tiers. Severity 1 is the most severe. Labels are the region's own
 * (一级, red, ...); severity order is not data.
 *
 * @param id tier id used by rules
 * @param severity 1 (most severe), 2 or 3
 * @param label the region's label
 * @param action what the tier means in practice
 */
public record Tier(String id, int severity, LocalizedText label, LocalizedText action) {
    public Tier {
        Objects.requireNonNull(id, "id");
        if (severity < 1 || severity > 3) {
            throw new IllegalArgumentException("severity must be 1, 2 or 3");
        }
    }
}
