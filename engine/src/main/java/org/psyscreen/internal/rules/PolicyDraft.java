package org.psyscreen.internal.rules;

import java.time.LocalDate;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.psyscreen.definition.InstrumentDefinition;
import org.psyscreen.norm.NormTable;
import org.psyscreen.tier.Condition;
import org.psyscreen.tier.FollowUp;
import org.psyscreen.tier.PolicyRule;
import org.psyscreen.tier.Tier;

/**
 * A bound policy before its semantic checks, with what the checks need: resolved instruments and
 * norm tables, and where each condition was written.
 *
 * @param effectiveFrom first day in force
 * @param effectiveTo last day in force
 * @param instruments resolved instrument definitions by id (unresolved ones are absent)
 * @param tiers declared tiers
 * @param criticalTier tier id for positive critical items
 * @param followUps tier id per follow-up
 * @param rules rules in file order
 * @param attributes declared attribute names
 * @param norms resolved norm tables by id (unresolved ones are absent)
 * @param allowUnverifiedNorms whether unverified real norm tables may be used (with a warning)
 * @param synthetic whether the policy itself is synthetic (tests and demos): only then may it read synthetic norms
 * @param citations declared citation ids
 * @param conditionPaths where each condition object was written
 */
public record PolicyDraft(
        LocalDate effectiveFrom,
        LocalDate effectiveTo,
        Map<String, InstrumentDefinition> instruments,
        List<Tier> tiers,
        String criticalTier,
        Map<FollowUp, String> followUps,
        List<PolicyRule> rules,
        Set<String> attributes,
        Map<String, NormTable> norms,
        boolean allowUnverifiedNorms,
        boolean synthetic,
        Set<String> citations,
        IdentityHashMap<Condition, String> conditionPaths) {}
