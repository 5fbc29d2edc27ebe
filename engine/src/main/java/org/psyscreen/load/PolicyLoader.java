package org.psyscreen.load;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.psyscreen.definition.Citation;
import org.psyscreen.definition.Comparison;
import org.psyscreen.definition.InstrumentDefinition;
import org.psyscreen.definition.LocalizedText;
import org.psyscreen.diagnostic.Problem;
import org.psyscreen.diagnostic.ProblemCode;
import org.psyscreen.diagnostic.Problems;
import org.psyscreen.diagnostic.Severity;
import org.psyscreen.diagnostic.SourceLocation;
import org.psyscreen.internal.rules.PolicyDraft;
import org.psyscreen.internal.rules.PolicyRules;
import org.psyscreen.internal.tree.Binder;
import org.psyscreen.internal.tree.Binder.Fields;
import org.psyscreen.internal.tree.Node;
import org.psyscreen.norm.NormTable;
import org.psyscreen.score.CriticalState;
import org.psyscreen.score.FormStatus;
import org.psyscreen.tier.Condition;
import org.psyscreen.tier.DeclarativePolicy;
import org.psyscreen.tier.FollowUp;
import org.psyscreen.tier.PolicyRule;
import org.psyscreen.tier.Tier;

/**
 * Loads tier policies ({@code format: psyscreen-policy/1}) and checks them against the instruments
 * and norm tables they name. Refuses a policy that could leave an unscorable student without a
 * tier, softens a positive critical item, has a threshold no score can reach, a shadowed rule, a
 * standard-score condition without a fit norm table, and more (PSY-14xx). Stateless.
 */
public final class PolicyLoader {
    private PolicyLoader() {}

    /**
     * Loads a policy file.
     *
     * @param file the policy file
     * @param instruments resolves {@code id@version} to a checked instrument
     * @param norms resolves {@code id@version} to a checked norm table
     * @return the policy, or the problems that refuse it
     */
    public static LoadResult<DeclarativePolicy> load(
            Path file,
            Function<String, Optional<InstrumentDefinition>> instruments,
            Function<String, Optional<NormTable>> norms) {
        return Loading.fromFile(file, (name, bytes) -> load(name, bytes, instruments, norms));
    }

    /**
     * Loads a policy from bytes.
     *
     * @param instruments resolves {@code id@version} to a checked instrument
     * @param norms resolves {@code id@version} to a checked norm table
     * @param name the file's name, for problem locations ({@code .json}: read as JSON)
     * @param content the file's bytes
     * @return the policy, or the problems that refuse it
     */
    public static LoadResult<DeclarativePolicy> load(
            String name,
            byte[] content,
            Function<String, Optional<InstrumentDefinition>> instruments,
            Function<String, Optional<NormTable>> norms) {
        return Loading.load(
                name, content, (binder, root, treeClean, sha) -> new Bound(binder, instruments, norms, sha).bind(root));
    }

    /**
     * {@return problems across several policies: two versions of one policy, or two policies of one region,
     * in force on the same day (the engine could not tell which applies)}
     *
     * @param policies loaded policies with the file each came from
     */
    public static Problems checkTogether(Map<String, DeclarativePolicy> policies) {
        List<Problem> out = new ArrayList<>();
        List<Map.Entry<String, DeclarativePolicy>> list = new ArrayList<>(policies.entrySet());
        for (int i = 0; i < list.size(); i++) {
            for (int j = 0; j < i; j++) {
                DeclarativePolicy a = list.get(j).getValue();
                DeclarativePolicy b = list.get(i).getValue();
                boolean related = a.id().equals(b.id()) || a.region().equals(b.region());
                boolean overlap = !a.effectiveTo().isBefore(b.effectiveFrom())
                        && !b.effectiveTo().isBefore(a.effectiveFrom());
                if (related && overlap) {
                    out.add(new Problem(
                            ProblemCode.POLICY_OVERLAP,
                            Severity.ERROR,
                            SourceLocation.ofFile(list.get(i).getKey()),
                            "effective",
                            b.key() + " (region " + b.region() + ") is in force on days when " + a.key() + " from "
                                    + list.get(j).getKey() + " also is",
                            "end one before the other starts; a region has one policy per day"));
                }
            }
        }
        return Problems.of(out);
    }

    /** Binding state for one file. */
    private static final class Bound {
        private final Binder b;
        private final Function<String, Optional<InstrumentDefinition>> instrumentResolver;
        private final Function<String, Optional<NormTable>> normResolver;
        private final String sha;
        private final IdentityHashMap<Condition, String> paths = new IdentityHashMap<>();

        Bound(
                Binder b,
                Function<String, Optional<InstrumentDefinition>> i,
                Function<String, Optional<NormTable>> n,
                String sha) {
            this.b = b;
            this.instrumentResolver = i;
            this.normResolver = n;
            this.sha = sha;
        }

        DeclarativePolicy bind(Node root) {
            Fields f = b.fields(
                    root,
                    "",
                    "format",
                    "id",
                    "version",
                    "name",
                    "example",
                    "synthetic",
                    "region",
                    "effective",
                    "instruments",
                    "norms",
                    "allowUnverifiedNorms",
                    "attributes",
                    "citations",
                    "tiers",
                    "hitPolicy",
                    "critical",
                    "followUp",
                    "caseRoles",
                    "rules");
            if (f == null || !b.requireFormat(f, DeclarativePolicy.FORMAT)) {
                return null;
            }
            String id = b.requiredString(f, "id");
            String version = b.requiredString(f, "version");
            LocalizedText name = b.text(f, "name");
            boolean example = f.bool("example", false);
            boolean synthetic = f.bool("synthetic", false);
            Fields region = b.requiredFields(f, "region", "code", "name");
            String regionCode = region == null ? null : b.requiredString(region, "code");
            LocalizedText regionName = region == null ? null : b.text(region, "name");
            Fields eff = b.requiredFields(f, "effective", "from", "to");
            LocalDate from = eff == null ? null : date(eff, "from");
            LocalDate to = eff == null ? null : date(eff, "to");
            String hit = f.string("hitPolicy");
            if (hit == null && !f.has("hitPolicy")) {
                b.missing(f, "hitPolicy");
            } else if (hit != null && !hit.equals("most-severe")) {
                b.error(
                        ProblemCode.UNKNOWN_VALUE,
                        "hitPolicy",
                        "hit policy '" + hit + "' is not supported",
                        "use 'hitPolicy: most-severe' (every rule is evaluated; the most severe tier wins; order never matters)");
            }

            Map<String, InstrumentDefinition> instruments = new LinkedHashMap<>();
            List<String> instrumentIds = new ArrayList<>();
            List<String> instrumentKeys = new ArrayList<>();
            b.list(f, "instruments", (n, p) -> {
                Fields i = b.fields(n, p, "id", "version");
                if (i == null) {
                    return null;
                }
                String iid = b.requiredString(i, "id");
                String iv = b.requiredString(i, "version");
                if (iid != null && iv != null) {
                    instrumentIds.add(iid);
                    instrumentKeys.add(iid + "@" + iv);
                    Optional<InstrumentDefinition> d = instrumentResolver.apply(iid + "@" + iv);
                    if (d.isEmpty()) {
                        b.error(
                                ProblemCode.POLICY_UNKNOWN_INSTRUMENT,
                                p,
                                "instrument " + iid + "@" + iv + " is not known",
                                "load the instrument definition first, or fix id and version");
                    } else {
                        instruments.put(iid, d.get());
                    }
                }
                return iid;
            });
            if (!f.has("instruments")) {
                b.missing(f, "instruments");
            }
            Map<String, NormTable> norms = new LinkedHashMap<>();
            b.list(f, "norms", (n, p) -> {
                Fields i = b.fields(n, p, "id", "version");
                if (i == null) {
                    return null;
                }
                String nid = b.requiredString(i, "id");
                String nv = b.requiredString(i, "version");
                if (nid != null && nv != null) {
                    normResolver.apply(nid + "@" + nv).ifPresent(t -> norms.put(nid, t));
                }
                return nid;
            });
            boolean allowUnverified = f.bool("allowUnverifiedNorms", false);
            Set<String> attributes = new LinkedHashSet<>(b.strings(f, "attributes"));
            List<Citation> citations = b.list(f, "citations", (n, p) -> {
                Fields c = b.fields(n, p, "id", "text", "doi");
                return c == null
                        ? null
                        : new Citation(b.requiredString(c, "id"), b.requiredString(c, "text"), c.string("doi"));
            });
            List<Tier> tiers = b.list(f, "tiers", (n, p) -> {
                Fields t = b.fields(n, p, "id", "severity", "label", "action", "followUpDays");
                if (t == null) {
                    return null;
                }
                String tid = b.requiredString(t, "id");
                Integer sev = t.integer("severity");
                LocalizedText label = b.text(t, "label");
                LocalizedText action = b.text(t, "action");
                if (sev == null && !t.has("severity")) {
                    b.missing(t, "severity");
                }
                if (sev != null && (sev < 1 || sev > 3)) {
                    b.error(
                            ProblemCode.POLICY_TIERS,
                            Binder.join(p, "severity"),
                            "severity must be 1, 2 or 3",
                            "1 is the most severe tier");
                    return null;
                }
                Integer every = t.integer("followUpDays");
                if (every != null && (every < 1 || every > Tier.MAX_FOLLOW_UP_DAYS)) {
                    b.error(
                            ProblemCode.POLICY_TIERS,
                            Binder.join(p, "followUpDays"),
                            "followUpDays must be a whole number of days, 1 to " + Tier.MAX_FOLLOW_UP_DAYS,
                            "the longest time a case at this tier may go without a contact, e.g. 7 for weekly;"
                                    + " leave it out when the region sets none");
                    return null;
                }
                return tid == null || sev == null || label == null || action == null
                        ? null
                        : new Tier(tid, sev, label, action, every == null ? 0 : every);
            });
            Fields crit = b.requiredFields(f, "critical", "tier");
            String criticalTier = crit == null ? null : b.requiredString(crit, "tier");
            Map<FollowUp, String> followUps = new EnumMap<>(FollowUp.class);
            Node fu = f.node("followUp");
            if (fu == null) {
                b.missing(f, "followUp");
            } else {
                String[] keys = new String[FollowUp.values().length];
                for (FollowUp x : FollowUp.values()) {
                    keys[x.ordinal()] = PolicyRules.followUpKey(x);
                }
                Fields m = b.fields(fu, "followUp", keys);
                if (m != null) {
                    for (FollowUp x : FollowUp.values()) {
                        String t = m.string(PolicyRules.followUpKey(x));
                        if (t != null) {
                            followUps.put(x, t);
                        }
                    }
                }
            }
            Map<String, List<String>> caseRoles = caseRoles(f);
            List<PolicyRule> rules = b.list(f, "rules", (n, p) -> {
                Fields r = b.fields(n, p, "id", "tier", "description", "source", "when");
                if (r == null) {
                    return null;
                }
                String rid = b.requiredString(r, "id");
                String tier = b.requiredString(r, "tier");
                LocalizedText description = b.text(r, "description");
                String source = b.requiredString(r, "source");
                Node when = r.node("when");
                if (when == null) {
                    b.missing(r, "when");
                    return null;
                }
                Condition c = condition(when, Binder.join(p, "when"));
                return rid == null || tier == null || description == null || source == null || c == null
                        ? null
                        : new PolicyRule(rid, tier, description, source, c);
            });
            if (!f.has("rules")) {
                b.missing(f, "rules");
            } else if (rules.isEmpty()) {
                b.error(
                        ProblemCode.POLICY_NO_RULES,
                        "rules",
                        "the policy has no rule: every scored student would be 'no risk identified'",
                        "add the region's rules; a policy without rules decides nothing");
            }
            if (!b.problems().isEmpty()
                    || id == null
                    || version == null
                    || name == null
                    || regionCode == null
                    || regionName == null
                    || from == null
                    || to == null
                    || criticalTier == null) {
                return null;
            }
            Set<String> citationIds = new LinkedHashSet<>();
            citations.forEach(c -> citationIds.add(c.id()));
            PolicyRules.check(
                    new PolicyDraft(
                            from,
                            to,
                            instruments,
                            tiers,
                            criticalTier,
                            followUps,
                            rules,
                            attributes,
                            norms,
                            allowUnverified,
                            synthetic,
                            citationIds,
                            paths),
                    b);
            if (b.problems().stream().anyMatch(p -> p.severity() == Severity.ERROR)) {
                return null;
            }
            Map<FollowUp, Tier> followUpTiers = new EnumMap<>(FollowUp.class);
            followUps.forEach((k, v) -> followUpTiers.put(
                    k, tiers.stream().filter(t -> t.id().equals(v)).findFirst().orElseThrow()));
            List<Tier> ordered = new ArrayList<>(tiers);
            ordered.sort(java.util.Comparator.comparingInt(Tier::severity));
            return org.psyscreen.internal.access.Construct.declarativePolicies()
                    .create(
                            id,
                            version,
                            name,
                            example,
                            regionCode,
                            regionName,
                            from,
                            to,
                            instrumentKeys,
                            ordered,
                            followUpTiers,
                            rules,
                            citations,
                            caseRoles,
                            sha);
        }

        /**
         * The optional {@code caseRoles} mapping: an action word to a non-empty list of role words, each
         * a lower-case word ({@code closure: [counsellor, school-leader]}). Which words exist is the
         * records store's to check, where the cases are.
         */
        private Map<String, List<String>> caseRoles(Fields f) {
            Map<String, List<String>> out = new LinkedHashMap<>();
            Node n = f.node("caseRoles");
            if (n == null) {
                return out;
            }
            if (!(n instanceof org.psyscreen.internal.tree.MapNode map)) {
                b.fields(n, "caseRoles"); // reports the wrong type
                return out;
            }
            String[] actions = map.entries().keySet().toArray(String[]::new);
            Fields m = b.fields(n, "caseRoles", actions);
            for (String action : actions) {
                String path = Binder.join("caseRoles", action);
                if (!CASE_WORD.matcher(action).matches()) {
                    b.error(
                            ProblemCode.UNKNOWN_VALUE,
                            path,
                            "an action is one lower-case word (closure, assessed, parent-contact)",
                            "write the action as the records commands spell it");
                    continue;
                }
                Set<String> seen = new LinkedHashSet<>();
                List<String> roles = b.list(m, action, (e, p) -> {
                    String role = b.string(e, p);
                    if (role != null && (!CASE_WORD.matcher(role).matches() || !seen.add(role))) {
                        boolean word = CASE_WORD.matcher(role).matches();
                        b.error(
                                ProblemCode.UNKNOWN_VALUE,
                                p,
                                word
                                        ? "a role is named twice"
                                        : "a role is one lower-case word (counsellor, class-teacher)",
                                "name each role once, as the records commands spell it");
                    }
                    return role;
                });
                if (m.node(action) instanceof org.psyscreen.internal.tree.ListNode && roles.isEmpty()) {
                    b.error(
                            ProblemCode.UNKNOWN_VALUE,
                            path,
                            "no role may record '" + action + "': the list is empty",
                            "name at least one role (counsellor, class-teacher, school-leader, doctor,"
                                    + " regional-centre), or leave the action out to keep the store's default");
                }
                out.put(action, List.copyOf(seen));
            }
            return out;
        }

        private static final java.util.regex.Pattern CASE_WORD =
                java.util.regex.Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

        private static final String[] CONDITION_FIELDS = {
            "scale", "item", "critical", "status", "attribute", "all", "any", "not", "op", "value", "on", "norm", "is"
        };
        private static final List<String> KINDS =
                List.of("scale", "item", "critical", "status", "attribute", "all", "any", "not");

        private Condition condition(Node n, String path) {
            Fields f = b.fields(n, path, CONDITION_FIELDS);
            if (f == null) {
                return null;
            }
            List<String> kinds = KINDS.stream().filter(f::has).toList();
            if (kinds.size() != 1) {
                b.error(
                        ProblemCode.POLICY_CONDITION_SHAPE,
                        path,
                        kinds.isEmpty()
                                ? "the condition tests nothing"
                                : "the condition tests " + String.join(" and ", kinds) + " at once",
                        "write one of: scale, item, critical, status, attribute, all, any, not (combine with all/any)");
                return null;
            }
            Condition c = switch (kinds.get(0)) {
                case "all" -> group(f, "all", true);
                case "any" -> group(f, "any", false);
                case "not" -> {
                    Condition inner = condition(f.node("not"), Binder.join(path, "not"));
                    yield inner == null ? null : new Condition.Not(inner);
                }
                case "scale" -> {
                    String[] ref = reference(f, "scale");
                    Comparison op = op(f);
                    Double v = f.decimal("value");
                    String on = f.string("on");
                    Condition.Basis basis = on == null
                            ? Condition.Basis.RAW
                            : on.equals("t")
                                    ? Condition.Basis.T
                                    : on.equals("percentile") ? Condition.Basis.PERCENTILE : null;
                    if (on != null && basis == null) {
                        b.error(
                                ProblemCode.UNKNOWN_VALUE,
                                Binder.join(path, "on"),
                                "'" + on + "' is not a score type",
                                "use 'on: t' or 'on: percentile', or leave it out for the raw score");
                    }
                    if (!f.has("value")) {
                        b.missing(f, "value");
                    }
                    yield ref == null || op == null || v == null || basis == null
                            ? null
                            : new Condition.ScaleCompare(ref[0], ref[1], basis, f.string("norm"), op, v);
                }
                case "item" -> {
                    String[] ref = reference(f, "item");
                    Comparison op = op(f);
                    Double v = f.decimal("value");
                    if (!f.has("value")) {
                        b.missing(f, "value");
                    }
                    yield ref == null || op == null || v == null
                            ? null
                            : new Condition.ItemCompare(ref[0], ref[1], op, v);
                }
                case "critical" -> {
                    String[] ref = reference(f, "critical");
                    CriticalState st = f.enumValue("is", CriticalState.class);
                    if (!f.has("is")) {
                        b.missing(f, "is");
                    }
                    yield ref == null || st == null ? null : new Condition.CriticalIs(ref[0], ref[1], st);
                }
                case "status" -> {
                    String inst = f.string("status");
                    FormStatus st = f.enumValue("is", FormStatus.class);
                    if (!f.has("is")) {
                        b.missing(f, "is");
                    }
                    yield inst == null || st == null ? null : new Condition.StatusIs(inst, st);
                }
                default -> {
                    String attr = f.string("attribute");
                    boolean is = f.bool("is", true);
                    yield attr == null ? null : new Condition.AttributeIs(attr, is);
                }
            };
            if (c != null) {
                paths.put(c, path);
            }
            return c;
        }

        private Condition group(Fields f, String key, boolean all) {
            List<Condition> parts = b.list(f, key, this::condition);
            Node n = f.node(key);
            if (n instanceof org.psyscreen.internal.tree.ListNode l
                    && l.elements().size() != parts.size()) {
                return null; // a part failed; its problem is recorded
            }
            if (parts.isEmpty()) {
                b.error(
                        ProblemCode.POLICY_CONDITION_SHAPE,
                        Binder.join(f.path(), key),
                        "'" + key + "' has no parts",
                        "list at least one condition");
                return null;
            }
            return all ? new Condition.All(parts) : new Condition.Any(parts);
        }

        private String[] reference(Fields f, String key) {
            String ref = f.string(key);
            if (ref == null) {
                return null;
            }
            int dot = ref.indexOf('.');
            if (dot <= 0 || dot == ref.length() - 1 || ref.indexOf('.', dot + 1) >= 0) {
                b.error(
                        ProblemCode.POLICY_CONDITION_SHAPE,
                        Binder.join(f.path(), key),
                        "'" + ref + "' is not instrument.name",
                        "write the instrument id, a dot and the " + key + " id, e.g. phq9.total");
                return null;
            }
            return new String[] {ref.substring(0, dot), ref.substring(dot + 1)};
        }

        private Comparison op(Fields f) {
            String s = f.string("op");
            if (s == null) {
                if (!f.has("op")) {
                    b.missing(f, "op");
                }
                return null;
            }
            Comparison c = Comparison.ofSymbol(s);
            if (c == null) {
                b.error(
                        ProblemCode.UNKNOWN_VALUE,
                        Binder.join(f.path(), "op"),
                        "'" + s + "' is not a comparison operator",
                        "use one of: >=, >, <=, <, == (sources differ on > and >=: write the one the source uses)");
            }
            return c;
        }

        private LocalDate date(Fields f, String key) {
            String s = f.string(key);
            if (s == null) {
                if (!f.has(key)) {
                    b.missing(f, key);
                }
                return null;
            }
            try {
                return LocalDate.parse(s);
            } catch (DateTimeParseException e) {
                b.error(
                        ProblemCode.WRONG_TYPE,
                        Binder.join(f.path(), key),
                        "'" + s + "' is not a date",
                        "write the date as \"YYYY-MM-DD\" (quoted)");
                return null;
            }
        }
    }
}
