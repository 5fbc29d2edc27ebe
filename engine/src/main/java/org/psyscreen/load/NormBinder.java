package org.psyscreen.load;

import java.util.ArrayList;
import java.util.List;
import org.psyscreen.definition.LocalizedText;
import org.psyscreen.diagnostic.ProblemCode;
import org.psyscreen.internal.tree.Binder;
import org.psyscreen.internal.tree.Binder.Fields;
import org.psyscreen.internal.tree.Node;
import org.psyscreen.norm.NormGroup;
import org.psyscreen.norm.NormKind;
import org.psyscreen.norm.NormRow;
import org.psyscreen.norm.NormTableDefinition;
import org.psyscreen.student.Grade;
import org.psyscreen.student.Sex;

/** Binds the tree of a norm file to a {@link NormTableDefinition}; every problem is collected. */
final class NormBinder {
    private final Binder b;

    NormBinder(Binder binder) {
        this.b = binder;
    }

    /** {@code null} when the structure is too broken to build a table (problems recorded). */
    NormTableDefinition bind(Node root) {
        Fields f = b.fields(
                root,
                "",
                "format",
                "id",
                "version",
                "name",
                "instrument",
                "scale",
                "kind",
                "synthetic",
                "verified",
                "population",
                "citation",
                "reporting",
                "groups");
        if (f == null) {
            return null;
        }
        if (!b.requireFormat(f, NormTableDefinition.FORMAT)) {
            return null;
        }
        String id = b.requiredString(f, "id");
        String version = b.requiredString(f, "version");
        LocalizedText name = b.text(f, "name");
        Fields inst = b.requiredFields(f, "instrument", "id", "version");
        String instrumentId = inst == null ? null : b.requiredString(inst, "id");
        String instrumentVersion = inst == null ? null : b.requiredString(inst, "version");
        String scale = b.requiredString(f, "scale");
        NormKind kind = f.enumValue("kind", NormKind.class);
        if (kind == null && !f.has("kind")) {
            b.missing(f, "kind");
        }
        boolean synthetic = f.bool("synthetic", false);
        boolean verified = f.bool("verified", false);
        Fields pop = b.requiredFields(f, "population", "country", "region", "year", "sampleSize", "description");
        NormTableDefinition.Population population = null;
        if (pop != null) {
            Integer n = pop.integer("sampleSize");
            if (n == null && !pop.has("sampleSize")) {
                b.missing(pop, "sampleSize");
            } else if (n != null && n <= 0) {
                b.error(
                        ProblemCode.OUT_OF_RANGE,
                        Binder.join(pop.path(), "sampleSize"),
                        "'sampleSize' must be positive",
                        "give the number of students in the norm sample");
            }
            population = new NormTableDefinition.Population(
                    b.requiredString(pop, "country"),
                    b.requiredString(pop, "region"),
                    pop.integer("year"),
                    n == null ? 0 : n,
                    b.requiredString(pop, "description"));
        }
        Fields cit = b.requiredFields(f, "citation", "text", "doi", "table", "page");
        NormTableDefinition.NormCitation citation = cit == null
                ? null
                : new NormTableDefinition.NormCitation(
                        b.requiredString(cit, "text"), cit.string("doi"), cit.string("table"), cit.string("page"));
        int tDecimals = 0;
        int pDecimals = 0;
        Node rep = f.node("reporting");
        if (rep != null) {
            Fields r = b.fields(rep, "reporting", "tDecimals", "percentileDecimals");
            if (r != null) {
                tDecimals = decimals(r, "tDecimals");
                pDecimals = decimals(r, "percentileDecimals");
            }
        }
        List<NormGroup> groups = b.list(f, "groups", this::group);
        if (!f.has("groups")) {
            b.missing(f, "groups");
        }
        if (id == null
                || version == null
                || name == null
                || instrumentId == null
                || instrumentVersion == null
                || scale == null
                || kind == null
                || population == null
                || citation == null) {
            return null;
        }
        return new NormTableDefinition(
                id,
                version,
                name,
                instrumentId,
                instrumentVersion,
                scale,
                kind,
                synthetic,
                verified,
                population,
                citation,
                tDecimals,
                pDecimals,
                groups);
    }

    private NormGroup group(Node n, String path) {
        Fields g = b.fields(n, path, "id", "sex", "grades", "ages", "mean", "sd", "rows");
        if (g == null) {
            return null;
        }
        String id = b.requiredString(g, "id");
        Sex sex = g.enumValue("sex", Sex.class);
        Grade from = null;
        Grade to = null;
        Fields grades = b.optionalFields(g, "grades", "from", "to");
        if (grades != null) {
            from = grade(grades, "from");
            to = grade(grades, "to");
        }
        Integer ageFrom = null;
        Integer ageTo = null;
        Fields ages = b.optionalFields(g, "ages", "from", "to");
        if (ages != null) {
            ageFrom = ages.integer("from");
            ageTo = ages.integer("to");
            if (ageFrom == null || ageTo == null) {
                b.error(
                        ProblemCode.MISSING_FIELD,
                        ages.path(),
                        "an age band needs 'from' and 'to'",
                        "write ages: {from: 8, to: 16}");
                return null;
            }
        }
        if (grades != null && (from == null || to == null)) {
            return null;
        }
        List<NormRow> rows = new ArrayList<>(b.list(g, "rows", this::row));
        return id == null
                ? null
                : new NormGroup(id, sex, from, to, ageFrom, ageTo, g.decimal("mean"), g.decimal("sd"), rows);
    }

    private NormRow row(Node n, String path) {
        Fields r = b.fields(n, path, "raw", "from", "to", "t", "percentile");
        if (r == null) {
            return null;
        }
        Integer from;
        Integer to;
        if (r.has("raw")) {
            if (r.has("from") || r.has("to")) {
                b.error(
                        ProblemCode.WRONG_TYPE,
                        path,
                        "a row gives both 'raw' and 'from'/'to'",
                        "use 'raw' for one score or 'from' and 'to' for a range");
                return null;
            }
            from = r.integer("raw");
            to = from;
        } else {
            from = r.integer("from");
            to = r.integer("to");
        }
        Double t = r.decimal("t");
        Double p = r.decimal("percentile");
        if (from == null || to == null || t == null || p == null) {
            if (!r.has("t") || !r.has("percentile") || (!r.has("raw") && (!r.has("from") || !r.has("to")))) {
                b.error(
                        ProblemCode.MISSING_FIELD,
                        path,
                        "a row needs 'raw' (or 'from' and 'to'), 't' and 'percentile'",
                        "write e.g. {raw: 3, t: 52, percentile: 58}");
            }
            return null;
        }
        if (from > to) {
            b.error(ProblemCode.NORM_OVERLAP, path, "row runs backwards: 'from' is above 'to'", "swap 'from' and 'to'");
            return null;
        }
        return new NormRow(from, to, t, p);
    }

    private Grade grade(Fields f, String key) {
        String code = f.string(key);
        if (code == null) {
            if (!f.has(key)) {
                b.missing(f, key);
            }
            return null;
        }
        Grade g = Grade.parse(code);
        if (g == null) {
            b.error(
                    ProblemCode.NORM_GRADE_BAND,
                    Binder.join(f.path(), key),
                    "'" + code + "' is not a grade",
                    "use \"1\" to \"12\" or \"v1\" to \"v3\" (quoted)");
        }
        return g;
    }

    private int decimals(Fields f, String key) {
        Integer d = f.integer(key);
        if (d == null) {
            return 0;
        }
        if (d < 0 || d > 3) {
            b.error(
                    ProblemCode.OUT_OF_RANGE,
                    Binder.join(f.path(), key),
                    "'" + key + "' must be 0 to 3",
                    "report at most 3 decimals");
            return 0;
        }
        return d;
    }
}
