package org.psyscreen.tier;

import java.util.List;
import java.util.Objects;
import org.psyscreen.definition.LocalizedText;

/**
 * A rule that fired, with what it read.
 *
 * @param ruleId the rule's id (critical rules are {@code critical:<instrument>.<item rule>})
 * @param tierId the tier it puts the student in
 * @param description what the rule says (English / Chinese in one line, for logs of decisions)
 * @param source citation of its threshold
 * @param readings the values its condition read, each with its test and whether it was met
 * @param label what the rule says, in English and Chinese, for a counsellor
 */
public record RuleFiring(
        String ruleId, String tierId, String description, String source, List<Reading> readings, LocalizedText label) {
    /**
     * Copies the collections; checks the parts.
     *
     * @param ruleId the rule's id (critical rules are {@code critical:<instrument>.<item rule>})
     * @param tierId the tier it puts the student in
     * @param description what the rule says (English / Chinese in one line, for logs of decisions)
     * @param source citation of its threshold
     * @param readings the values its condition read, each with its test and whether it was met
     * @param label what the rule says, in English and Chinese, for a counsellor
     */
    public RuleFiring {
        readings = List.copyOf(readings);
        Objects.requireNonNull(label, "label");
    }

    /**
     * A firing whose description serves as the label in both languages (Java policies).
     *
     * @param ruleId the rule's id
     * @param tierId the tier it puts the student in
     * @param description what the rule says, used as the label in both languages
     * @param source citation of its threshold
     * @param readings the values its condition read
     */
    public RuleFiring(String ruleId, String tierId, String description, String source, List<Reading> readings) {
        this(ruleId, tierId, description, source, readings, new LocalizedText(description, description));
    }
}
