package org.psyscreen.tier;

import java.util.Objects;
import java.util.OptionalInt;
import org.psyscreen.definition.LocalizedText;

/**
 * One of a policy's three tiers. Severity 1 is the most severe. Labels are the region's own
 * (一级, red, ...); severity order is not data.
 *
 * @param id tier id used by rules
 * @param severity 1 (most severe), 2 or 3
 * @param label the region's label
 * @param action what the tier means in practice
 * @param followUpDays the longest time, in days, a case at this tier may go without a contact (an
 *     interview, a parents' contact, an assessment) before it is overdue; {@code 0} when the policy
 *     declares none (then nothing can be called overdue at this tier, and a store refuses to list it)
 */
public record Tier(String id, int severity, LocalizedText label, LocalizedText action, int followUpDays) {
    /** The longest follow-up interval a policy may declare: one school year. */
    public static final int MAX_FOLLOW_UP_DAYS = 366;

    /**
     * Checks the id, the severity and the interval.
     *
     * @param id tier id used by rules
     * @param severity 1 (most severe), 2 or 3
     * @param label the region's label
     * @param action what the tier means in practice
     * @param followUpDays days between contacts, 1 to {@value #MAX_FOLLOW_UP_DAYS}, or 0 for none declared
     */
    public Tier {
        Objects.requireNonNull(id, "id");
        if (severity < 1 || severity > 3) {
            throw new IllegalArgumentException("severity must be 1, 2 or 3");
        }
        if (followUpDays < 0 || followUpDays > MAX_FOLLOW_UP_DAYS) {
            throw new IllegalArgumentException("followUpDays must be 1 to " + MAX_FOLLOW_UP_DAYS + ", or 0 for none");
        }
    }

    /**
     * A tier without a follow-up interval.
     *
     * @param id tier id used by rules
     * @param severity 1 (most severe), 2 or 3
     * @param label the region's label
     * @param action what the tier means in practice
     */
    public Tier(String id, int severity, LocalizedText label, LocalizedText action) {
        this(id, severity, label, action, 0);
    }

    /** {@return the follow-up interval in days, or empty when the policy declares none for this tier} */
    public OptionalInt followUpInterval() {
        return followUpDays == 0 ? OptionalInt.empty() : OptionalInt.of(followUpDays);
    }
}
