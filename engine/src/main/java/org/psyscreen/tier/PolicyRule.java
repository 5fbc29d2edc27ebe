package org.psyscreen.tier;

import org.psyscreen.definition.LocalizedText;

/**
 * A declarative rule: when its condition holds, the student is in its tier.
 *
 * @param id rule id
 * @param tierId the tier
 * @param description what the rule says, in English and Chinese
 * @param source citation id of the threshold
 * @param when the condition
 */
public record PolicyRule(String id, String tierId, LocalizedText description, String source, Condition when) {}
