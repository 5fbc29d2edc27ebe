package org.psyscreen.internal.rules;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.psyscreen.definition.InstrumentDefinition;
import org.psyscreen.definition.ValidityCheck;
import org.psyscreen.definition.ValidityKind;
import org.psyscreen.diagnostic.ProblemCode;
import org.psyscreen.internal.tree.Binder;

/** PSY-1215: a validity check has the fields its kind uses, and none that it would ignore. */
final class ValidityFieldsMustMatchKind implements DefinitionRule {
    /** The optional fields each kind reads; any other present field would be ignored. */
    private static final Map<ValidityKind, Set<String>> USES = uses();

    private static Map<ValidityKind, Set<String>> uses() {
        Map<ValidityKind, Set<String>> m = new EnumMap<>(ValidityKind.class);
        m.put(ValidityKind.LIE_SCALE, Set.of("scale"));
        m.put(ValidityKind.INCONSISTENT_PAIRS, Set.of("pairs", "maxDifference"));
        m.put(ValidityKind.LONGEST_RUN, Set.of("items"));
        m.put(ValidityKind.RESPONSE_VARIABILITY, Set.of("items"));
        m.put(ValidityKind.EVEN_ODD, Set.of("scales"));
        m.put(ValidityKind.SYNONYMS, Set.of("pairs"));
        m.put(ValidityKind.MAHALANOBIS, Set.of("items", "reference"));
        m.put(ValidityKind.RESPONSE_TIME, Set.of());
        return m;
    }

    @Override
    public void check(InstrumentDefinition d, Facts facts, Report report) {
        for (int v = 0; v < d.validity().size(); v++) {
            ValidityCheck c = d.validity().get(v);
            String p = "validity[" + v + "]";
            String kind = Binder.word(c.kind());
            String who = "validity check '" + c.id() + "' (" + kind + ")";
            switch (c.kind()) {
                case LIE_SCALE ->
                    need(c.scale() != null, p + ".scale", who + " needs 'scale'", "name the lie scale", report);
                case INCONSISTENT_PAIRS -> {
                    need(
                            !c.pairs().isEmpty(),
                            p + ".pairs",
                            who + " needs 'pairs'",
                            "list the pairs as [[q1, q5], ...]",
                            report);
                    need(
                            c.maxDifference() != null,
                            p + ".maxDifference",
                            who + " needs 'maxDifference'",
                            "say how far apart two consistent answers may be",
                            report);
                }
                case LONGEST_RUN, RESPONSE_TIME -> {
                    // every item when none listed
                }
                case RESPONSE_VARIABILITY ->
                    need(
                            (c.items().isEmpty() ? d.items().size() : c.items().size()) >= 2,
                            p + ".items",
                            who + " needs at least two items",
                            "list two or more items, or none for every item",
                            report);
                case EVEN_ODD ->
                    need(
                            c.scales().size() >= 2,
                            p + ".scales",
                            who + " needs 'scales', at least two",
                            "list the scales whose halves are compared, e.g. [anxiety, mood]",
                            report);
                case SYNONYMS ->
                    need(
                            c.pairs().size() >= 3,
                            p + ".pairs",
                            who + " needs 'pairs', at least three",
                            "list the item pairs that go together as [[q1, q5], ...]",
                            report);
                case MAHALANOBIS ->
                    need(
                            c.reference() != null,
                            p + ".reference",
                            who + " needs 'reference'",
                            "give the reference sample's n, mean and covariance",
                            report);
            }
            List<String> unused = new ArrayList<>(present(c));
            unused.removeAll(USES.get(c.kind()));
            if (!unused.isEmpty()) {
                report.error(
                        ProblemCode.VALIDITY_FIELDS,
                        p,
                        "validity check '" + c.id() + "' has fields that "
                                + ("aeiou".indexOf(kind.charAt(0)) >= 0 ? "an " : "a ") + kind
                                + " check does not use",
                        "remove " + quoted(unused));
            }
        }
    }

    /** The optional fields the check has, in declaration order of the record. */
    private static List<String> present(ValidityCheck c) {
        List<String> out = new ArrayList<>();
        if (c.scale() != null) {
            out.add("scale");
        }
        if (!c.pairs().isEmpty()) {
            out.add("pairs");
        }
        if (c.maxDifference() != null) {
            out.add("maxDifference");
        }
        if (!c.items().isEmpty()) {
            out.add("items");
        }
        if (!c.scales().isEmpty()) {
            out.add("scales");
        }
        if (c.reference() != null) {
            out.add("reference");
        }
        return out;
    }

    /** {@code 'a'}, {@code 'a' and 'b'}, {@code 'a', 'b' and 'c'}. */
    private static String quoted(List<String> fields) {
        List<String> q = fields.stream().map(f -> "'" + f + "'").toList();
        return q.size() == 1 ? q.get(0) : String.join(", ", q.subList(0, q.size() - 1)) + " and " + q.get(q.size() - 1);
    }

    private static void need(boolean ok, String path, String message, String fix, Report report) {
        if (!ok) {
            report.error(ProblemCode.VALIDITY_FIELDS, path, message, fix);
        }
    }
}
