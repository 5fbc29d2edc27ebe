package org.psyscreen.tier;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.psyscreen.definition.Citation;
import org.psyscreen.definition.LocalizedText;

/**
 * A policy loaded from a file ({@code format: psyscreen-policy/1}) and checked by
 * {@link org.psyscreen.load.PolicyLoader}. Immutable and thread-safe. Its hit policy is
 * "most severe": every rule is evaluated, every firing rule is reported, and the most severe tier
 * wins, so the order rules are written in never changes a decision.
 */
public final class DeclarativePolicy implements CutoffPolicy {
    /** The format name this version reads. */
    public static final String FORMAT = "psyscreen-policy/1";

    private final String id;
    private final String version;
    private final LocalizedText name;
    private final boolean example;
    private final String region;
    private final LocalizedText regionName;
    private final LocalDate effectiveFrom;
    private final LocalDate effectiveTo;
    private final List<String> instruments;
    private final List<String> instrumentKeys;
    private final List<Tier> tiers;
    private final Map<FollowUp, Tier> followUps;
    private final List<PolicyRule> rules;
    private final List<Citation> citations;
    private final Map<String, List<String>> caseRoles;
    private final String sha256;

    static {
        org.psyscreen.internal.access.Construct.register(DeclarativePolicy::new);
    }

    /** Built by the policy loader after every check passed (not public: it checks nothing itself). */
    DeclarativePolicy(
            String id,
            String version,
            LocalizedText name,
            boolean example,
            String region,
            LocalizedText regionName,
            LocalDate effectiveFrom,
            LocalDate effectiveTo,
            List<String> instrumentKeys,
            List<Tier> tiers,
            Map<FollowUp, Tier> followUps,
            List<PolicyRule> rules,
            List<Citation> citations,
            Map<String, List<String>> caseRoles,
            String sha256) {
        this.id = id;
        this.version = version;
        this.name = name;
        this.example = example;
        this.region = region;
        this.regionName = regionName;
        this.effectiveFrom = effectiveFrom;
        this.effectiveTo = effectiveTo;
        this.instrumentKeys = List.copyOf(instrumentKeys);
        this.instruments = this.instrumentKeys.stream()
                .map(org.psyscreen.definition.IdVersion::idOf)
                .toList();
        this.tiers = List.copyOf(tiers);
        this.followUps = new EnumMap<>(followUps);
        this.rules = List.copyOf(rules);
        this.citations = List.copyOf(citations);
        Map<String, List<String>> roles = new java.util.LinkedHashMap<>();
        caseRoles.forEach((k, v) -> roles.put(k, List.copyOf(v)));
        this.caseRoles = java.util.Collections.unmodifiableMap(roles);
        this.sha256 = sha256;
        this.key = CutoffPolicy.super.key();
        this.outcomeIds = CutoffPolicy.super.outcomeIds();
        this.texts = Condition.Trace.textsOf(
                this.rules.stream().map(PolicyRule::when).toList());
        this.ruleTexts = new java.util.IdentityHashMap<>();
        for (PolicyRule rule : this.rules) {
            ruleTexts.put(rule, new String[] {
                rule.description().en() + " / " + rule.description().zh(), citationText(rule.source())
            });
        }
    }

    /** Each rule's description (English / Chinese) and citation, as a firing names them; built once. */
    private final Map<PolicyRule, String[]> ruleTexts;

    /** Names and tests of the rules' conditions, for the readings of rules that fire. */
    private final Map<Condition, String[]> texts;

    /** {@link CutoffPolicy#key()} and {@link CutoffPolicy#outcomeIds()}, built once: a decision reads them. */
    private final String key;

    private final List<String> outcomeIds;

    @Override
    public String key() {
        return key;
    }

    @Override
    public List<String> outcomeIds() {
        return outcomeIds;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public String region() {
        return region;
    }

    /** {@return the region's display name} */
    public LocalizedText regionName() {
        return regionName;
    }

    /** {@return the policy's display name} */
    public LocalizedText name() {
        return name;
    }

    /** {@return true for an example policy that is not any region's standard} */
    public boolean example() {
        return example;
    }

    /** {@return first day the policy applies} */
    public LocalDate effectiveFrom() {
        return effectiveFrom;
    }

    /** {@return last day the policy applies} */
    public LocalDate effectiveTo() {
        return effectiveTo;
    }

    @Override
    public boolean alwaysInForce() {
        return false;
    }

    @Override
    public boolean inForceOn(LocalDate date) {
        return !date.isBefore(effectiveFrom) && (effectiveTo == null || !date.isAfter(effectiveTo));
    }

    @Override
    public List<Tier> tiers() {
        return tiers;
    }

    @Override
    public List<String> instruments() {
        return instruments;
    }

    @Override
    public List<String> instrumentKeys() {
        return instrumentKeys;
    }

    /** {@return the rules in file order} */
    public List<PolicyRule> rules() {
        return rules;
    }

    /** {@return citations of the thresholds} */
    public List<Citation> citations() {
        return citations;
    }

    @Override
    public Map<String, List<String>> caseRoles() {
        return caseRoles;
    }

    @Override
    public Tier tierFor(FollowUp followUp) {
        return followUps.get(followUp);
    }

    @Override
    public String sha256() {
        return sha256;
    }

    @Override
    public Verdict evaluate(Screening screening) {
        List<RuleFiring> fired = new ArrayList<>();
        List<String> unevaluated = new ArrayList<>();
        // One silent trace for every rule: it collects the norm tables read (each once, in the order
        // first read) and whether a norm was missing, exactly as merging one trace per rule did.
        Condition.Trace silent = new Condition.Trace(false);
        Tier tier = null;
        for (int r = 0; r < rules.size(); r++) {
            PolicyRule rule = rules.get(r);
            Condition.Truth truth = rule.when().eval(screening, silent);
            if (truth == Condition.Truth.TRUE) {
                // The same evaluation again, now keeping what it read (see Condition.Trace).
                Condition.Trace trace = new Condition.Trace(true, texts);
                if (rule.when().eval(screening, trace) != truth) {
                    throw new IllegalStateException("rule " + rule.id() + " read the screening differently twice");
                }
                Tier t = tierOrThrow(rule.tierId());
                String[] named = ruleTexts.get(rule);
                fired.add(new RuleFiring(rule.id(), t.id(), named[0], named[1], trace.readings, rule.description()));
                if (tier == null || t.severity() < tier.severity()) {
                    tier = t;
                }
            } else if (truth == Condition.Truth.UNKNOWN) {
                unevaluated.add(rule.id());
            }
        }
        return new Verdict(tier, fired, unevaluated, silent.normTables, silent.normMissing);
    }

    private Tier tierOrThrow(String tierId) {
        Tier t = Policies.tierById(tiers, tierId);
        if (t == null) {
            throw new java.util.NoSuchElementException(tierId);
        }
        return t;
    }

    private String citationText(String source) {
        for (Citation c : citations) {
            if (c.id().equals(source)) {
                return c.text();
            }
        }
        return source;
    }
}
