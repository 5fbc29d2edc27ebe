package org.psyscreen.tier;

import java.util.List;

/**
 * A rule that fired, with what it read.
 *
 * @param ruleId the rule's id (critical rules are {@code critical:<instrument>.<item rule>})
 * @param tierId the tier it puts the student in
 * @param description what the rule says
 * @param source citation of its threshold
 * @param readings the values its condition read
 */
public record RuleFiring(String ruleId, String tierId, String description, String source, List<Reading> readings) {
    public RuleFiring {
        readings = List.copyOf(readings);
    }
}
