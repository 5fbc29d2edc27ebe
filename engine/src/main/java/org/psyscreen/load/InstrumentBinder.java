package org.psyscreen.load;

import java.util.List;
import org.psyscreen.definition.Aggregate;
import org.psyscreen.definition.Citation;
import org.psyscreen.definition.Comparison;
import org.psyscreen.definition.Condition;
import org.psyscreen.definition.CriticalItem;
import org.psyscreen.definition.InstrumentDefinition;
import org.psyscreen.definition.Item;
import org.psyscreen.definition.ItemPair;
import org.psyscreen.definition.Licence;
import org.psyscreen.definition.LicenceStatus;
import org.psyscreen.definition.LocalizedText;
import org.psyscreen.definition.MahalanobisReference;
import org.psyscreen.definition.MissingRule;
import org.psyscreen.definition.Reliability;
import org.psyscreen.definition.ReliabilityKind;
import org.psyscreen.definition.ResponseCode;
import org.psyscreen.definition.ResponseSet;
import org.psyscreen.definition.Rounding;
import org.psyscreen.definition.Scale;
import org.psyscreen.definition.SeverityBand;
import org.psyscreen.definition.SeverityBands;
import org.psyscreen.definition.SpecialCode;
import org.psyscreen.definition.SpecialMeaning;
import org.psyscreen.definition.ValidityCheck;
import org.psyscreen.definition.ValidityKind;
import org.psyscreen.definition.ValueBasis;
import org.psyscreen.diagnostic.ProblemCode;
import org.psyscreen.internal.tree.Binder;
import org.psyscreen.internal.tree.Binder.Fields;
import org.psyscreen.internal.tree.ListNode;
import org.psyscreen.internal.tree.Node;

/** Binds the tree of an instrument file to an {@link InstrumentDefinition}, field by field. */
final class InstrumentBinder {
    private final Binder b;

    InstrumentBinder(Binder binder) {
        this.b = binder;
    }

    /** Returns {@code null} only when the root is not a mapping or the format is wrong. */
    InstrumentDefinition bind(Node root) {
        Fields f = b.fields(
                root,
                "",
                "format",
                "id",
                "version",
                "name",
                "licence",
                "citations",
                "responseSets",
                "items",
                "scales",
                "validity",
                "critical");
        if (f == null) {
            return null;
        }
        if (!b.requireFormat(f, InstrumentDefinition.FORMAT)) {
            return null;
        }
        return new InstrumentDefinition(
                f.string("id"),
                f.string("version"),
                text(f, "name"),
                licence(f),
                b.list(f, "citations", this::citation),
                b.list(f, "responseSets", this::responseSet),
                b.list(f, "items", this::item),
                b.list(f, "scales", this::scale),
                b.list(f, "validity", this::validity),
                b.list(f, "critical", this::critical));
    }

    private LocalizedText text(Fields parent, String key) {
        Node n = parent.node(key);
        if (n == null) {
            return null;
        }
        Fields f = b.fields(n, Binder.join(parent.path(), key), "en", "zh");
        return f == null ? null : new LocalizedText(f.string("en"), f.string("zh"));
    }

    private Licence licence(Fields parent) {
        Node n = parent.node("licence");
        if (n == null) {
            return null;
        }
        Fields f = b.fields(n, "licence", "status", "statement", "source");
        return f == null
                ? null
                : new Licence(f.enumValue("status", LicenceStatus.class), f.string("statement"), f.string("source"));
    }

    private Citation citation(Node n, String path) {
        Fields f = b.fields(n, path, "id", "text", "doi");
        return f == null ? null : new Citation(f.string("id"), f.string("text"), f.string("doi"));
    }

    private ResponseSet responseSet(Node n, String path) {
        Fields f = b.fields(n, path, "id", "codes", "special");
        if (f == null) {
            return null;
        }
        List<ResponseCode> codes = b.list(f, "codes", (cn, cp) -> {
            Fields c = b.fields(cn, cp, "code", "value", "label");
            return c == null ? null : new ResponseCode(c.string("code"), c.integer("value"), c.string("label"));
        });
        List<SpecialCode> special = b.list(f, "special", (sn, sp) -> {
            Fields s = b.fields(sn, sp, "code", "meaning");
            return s == null ? null : new SpecialCode(s.string("code"), s.enumValue("meaning", SpecialMeaning.class));
        });
        return new ResponseSet(f.string("id"), f.has("codes") ? codes : null, special);
    }

    private Item item(Node n, String path) {
        Fields f = b.fields(n, path, "id", "label", "responses", "reverse");
        return f == null
                ? null
                : new Item(f.string("id"), f.string("label"), f.string("responses"), f.bool("reverse", false));
    }

    private Scale scale(Node n, String path) {
        Fields f = b.fields(
                n,
                path,
                "id",
                "name",
                "items",
                "of",
                "aggregate",
                "missing",
                "source",
                "required",
                "reverse",
                "reliability",
                "decimals",
                "bands");
        if (f == null) {
            return null;
        }
        return new Scale(
                f.string("id"),
                text(f, "name"),
                b.strings(f, "items"),
                b.strings(f, "of"),
                f.enumValue("aggregate", Aggregate.class),
                missing(f),
                f.string("source"),
                f.bool("required", true),
                b.strings(f, "reverse"),
                reliability(f),
                f.integer("decimals"),
                bands(f));
    }

    /** A scale's severity levels: a citation and levels, each an id, a lower bound and a label. */
    private SeverityBands bands(Fields parent) {
        Fields f = b.optionalFields(parent, "bands", "source", "levels");
        if (f == null) {
            return null;
        }
        List<SeverityBand> levels = b.list(f, "levels", (n, p) -> {
            Fields l = b.fields(n, p, "id", "from", "label");
            return l == null ? null : new SeverityBand(l.string("id"), l.decimal("from"), text(l, "label"));
        });
        return new SeverityBands(f.string("source"), levels);
    }

    private Reliability reliability(Fields parent) {
        Node n = parent.node("reliability");
        if (n == null) {
            return null;
        }
        Fields f =
                b.fields(n, Binder.join(parent.path(), "reliability"), "coefficient", "kind", "sd", "source", "sample");
        return f == null
                ? null
                : new Reliability(
                        f.decimal("coefficient"),
                        f.enumValue("kind", ReliabilityKind.class),
                        f.decimal("sd"),
                        f.string("source"),
                        f.string("sample"));
    }

    private MissingRule missing(Fields parent) {
        Node n = parent.node("missing");
        if (n == null) {
            return null;
        }
        Fields f = b.fields(
                n,
                Binder.join(parent.path(), "missing"),
                "maxMissing",
                "maxMissingFraction",
                "prorate",
                "rounding",
                "source");
        if (f == null) {
            return null;
        }
        return new MissingRule(
                f.integer("maxMissing"),
                f.decimal("maxMissingFraction"),
                f.bool("prorate", false),
                f.enumValue("rounding", Rounding.class),
                f.string("source"));
    }

    private Condition condition(Fields parent, String key) {
        Node n = parent.node(key);
        if (n == null) {
            return null;
        }
        String path = Binder.join(parent.path(), key);
        Fields f = b.fields(n, path, "op", "value");
        if (f == null) {
            return null;
        }
        String symbol = f.string("op");
        Comparison op = symbol == null ? null : Comparison.ofSymbol(symbol);
        if (symbol != null && op == null) {
            b.error(
                    ProblemCode.UNKNOWN_VALUE,
                    Binder.join(path, "op"),
                    "'" + symbol + "' is not a comparison operator",
                    "use one of: >=, >, <=, <, ==");
        }
        return new Condition(op, f.decimal("value"));
    }

    private ValidityCheck validity(Node n, String path) {
        Fields f = b.fields(
                n,
                path,
                "id",
                "kind",
                "scale",
                "pairs",
                "maxDifference",
                "items",
                "scales",
                "reference",
                "invalidWhen",
                "source");
        if (f == null) {
            return null;
        }
        List<ItemPair> pairs = b.list(f, "pairs", (pn, pp) -> {
            b.remember(pp, pn.location());
            if (!(pn instanceof ListNode l) || l.elements().size() != 2) {
                b.error(
                        ProblemCode.WRONG_TYPE,
                        pn.location(),
                        pp,
                        "expected a pair of two item ids, found "
                                + (pn instanceof ListNode l2
                                        ? "a list of " + l2.elements().size()
                                        : pn.kindName()),
                        "write the pair as [first_item, second_item]");
                return null;
            }
            String a = b.string(l.elements().get(0), pp + "[0]");
            String c = b.string(l.elements().get(1), pp + "[1]");
            return a == null || c == null ? null : new ItemPair(a, c);
        });
        return new ValidityCheck(
                f.string("id"),
                f.enumValue("kind", ValidityKind.class),
                f.string("scale"),
                pairs,
                f.integer("maxDifference"),
                b.strings(f, "items"),
                b.strings(f, "scales"),
                reference(f),
                condition(f, "invalidWhen"),
                f.string("source"));
    }

    /** A Mahalanobis check's sample: its size, mean vector and covariance rows (numbers only). */
    private MahalanobisReference reference(Fields parent) {
        Fields f = b.optionalFields(parent, "reference", "n", "mean", "covariance");
        if (f == null) {
            return null;
        }
        List<Double> mean = b.list(f, "mean", b::decimal);
        List<List<Double>> covariance = b.list(f, "covariance", (rn, rp) -> {
            b.remember(rp, rn.location());
            if (!(rn instanceof ListNode row)) {
                b.error(
                        ProblemCode.WRONG_TYPE,
                        rn.location(),
                        rp,
                        "expected a row of numbers, found " + rn.kindName(),
                        "write each covariance row as [c1, c2, ...]");
                return null;
            }
            List<Double> values = new java.util.ArrayList<>();
            for (int j = 0; j < row.elements().size(); j++) {
                Double d = b.decimal(row.elements().get(j), rp + "[" + j + "]");
                if (d == null) {
                    return null;
                }
                values.add(d);
            }
            return values;
        });
        return new MahalanobisReference(f.integer("n"), mean, covariance);
    }

    private CriticalItem critical(Node n, String path) {
        Fields f = b.fields(n, path, "id", "item", "on", "when", "meaning", "source");
        if (f == null) {
            return null;
        }
        return new CriticalItem(
                f.string("id"),
                f.string("item"),
                f.enumValue("on", ValueBasis.class),
                condition(f, "when"),
                text(f, "meaning"),
                f.string("source"));
    }
}
