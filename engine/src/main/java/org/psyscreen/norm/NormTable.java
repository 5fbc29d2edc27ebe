package org.psyscreen.norm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.psyscreen.definition.Numbers;
import org.psyscreen.score.ScoredResponse;
import org.psyscreen.student.Grade;
import org.psyscreen.student.StudentProfile;

/**
 * A checked norm table ready for lookups. Immutable and thread-safe.
 *
 * <p>A lookup finds the one group the student belongs to and converts the raw score there. It
 * never falls back: a student outside every group, with a missing grade, sex or age the table
 * needs, or with a raw score outside the group's rows gets a {@link NormResult.NoNorm} with the
 * reason.
 */
public final class NormTable {
    /** Flag set when a student's age is implausible for their grade (reported, not fatal). */
    public static final String AGE_CONTRADICTS_GRADE = "AGE_CONTRADICTS_GRADE";

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private final NormTableDefinition definition;
    private final String key;
    private final String sha256;

    private NormTable(NormTableDefinition definition, String sha256) {
        this.definition = definition;
        this.key = definition.key();
        this.sha256 = sha256;
    }

    static {
        org.psyscreen.internal.access.Construct.register(NormTable::new);
    }

    /** {@return the table as loaded} */
    public NormTableDefinition definition() {
        return definition;
    }

    /** {@return {@code id@version}} */
    public String key() {
        return key;
    }

    /** {@return SHA-256 of the table file} */
    public String sha256() {
        return sha256;
    }

    /**
     * Looks up the table's scale in a scored response.
     *
     * @param scored the scored form of the table's instrument
     * @param student the student's grade, sex and dates
     * @return the T-score and percentile, or why there is none
     */
    public NormResult lookup(ScoredResponse scored, StudentProfile student) {
        double raw = scored.scaleValue(definition.scale()); // the value alone: no ScaleScore per student
        if (Double.isNaN(raw)) {
            return new NormResult.NoNorm(key, NormResult.Reason.SCALE_NOT_SCORED, flags(student));
        }
        return lookup(raw, student);
    }

    /**
     * Converts a raw score for a student.
     *
     * @param raw the raw score
     * @param student the student's grade, sex and dates
     * @return the T-score and percentile, or why there is none
     */
    public NormResult lookup(double raw, StudentProfile student) {
        List<String> flags = flags(student);
        boolean undecided = false;
        NormGroup match = null;
        for (NormGroup g : definition.groups()) {
            Boolean m = matches(g, student);
            if (m == null) {
                undecided = true;
            } else if (m) {
                match = g;
                break; // the loader proved that no two groups overlap
            }
        }
        if (match == null) {
            return new NormResult.NoNorm(
                    key, undecided ? NormResult.Reason.MISSING_DEMOGRAPHIC : NormResult.Reason.NO_GROUP, flags);
        }
        if (definition.kind() == NormKind.PARAMETRIC) {
            double z = (raw - match.mean()) / match.sd();
            double tExact = 50 + 10 * z;
            double pExact = 100 * STANDARD_NORMAL.cumulativeProbability(z);
            return new NormResult.Normed(
                    key,
                    match.id(),
                    raw,
                    round(tExact, definition.tDecimals()),
                    round(pExact, definition.percentileDecimals()),
                    tExact,
                    pExact,
                    definition.verified(),
                    definition.synthetic(),
                    flags);
        }
        if (raw != Math.rint(raw)) {
            return new NormResult.NoNorm(key, NormResult.Reason.RAW_NOT_WHOLE, flags);
        }
        for (NormRow row : match.rows()) {
            if (raw >= row.from() && raw <= row.to()) {
                return new NormResult.Normed(
                        key,
                        match.id(),
                        raw,
                        row.t(),
                        row.percentile(),
                        row.t(),
                        row.percentile(),
                        definition.verified(),
                        definition.synthetic(),
                        flags);
            }
        }
        return new NormResult.NoNorm(key, NormResult.Reason.RAW_OUT_OF_TABLE, flags);
    }

    /** TRUE, FALSE, or {@code null} when the student lacks a field the group needs. */
    private static Boolean matches(NormGroup g, StudentProfile s) {
        boolean unknown = false;
        if (g.sex() != null) {
            if (s.sex() == null) {
                unknown = true;
            } else if (s.sex() != g.sex()) {
                return false;
            }
        }
        if (g.byGrade()) {
            Grade grade = s.grade();
            if (grade == null) {
                unknown = true;
            } else if (grade.vocational() != g.gradeFrom().vocational()
                    || grade.compareTo(g.gradeFrom()) < 0
                    || grade.compareTo(g.gradeTo()) > 0) {
                return false;
            }
        }
        if (g.byAge()) {
            OptionalInt age = s.age();
            if (age.isEmpty()) {
                unknown = true;
            } else if (age.getAsInt() < g.ageFrom() || age.getAsInt() > g.ageTo()) {
                return false;
            }
        }
        return unknown ? null : Boolean.TRUE;
    }

    private static List<String> flags(StudentProfile s) {
        return s.ageContradictsGrade() ? List.of(AGE_CONTRADICTS_GRADE) : List.of();
    }

    /** Half-up rounding of the decimal the double prints as (so 2.45 rounds to 2.5 at one decimal). */
    static double round(double v, int decimals) {
        return Numbers.roundHalfUp(v, decimals);
    }

    /** {@return a readable listing of the table for {@code psyscreen norms}} */
    public String describe() {
        NormTableDefinition d = definition;
        List<String> out = new ArrayList<>();
        out.add("norms " + d.key() + " — " + d.name().en() + " / " + d.name().zh());
        out.add("instrument " + d.instrumentId() + "@" + d.instrumentVersion() + ", scale " + d.scale() + ", "
                + d.kind().name().toLowerCase(Locale.ROOT));
        if (d.synthetic()) {
            out.add("SYNTHETIC: made-up numbers for demos and tests; never use for decisions");
        } else if (!d.verified()) {
            out.add("NOT VERIFIED against the publication's table and page; see SOURCES.md before relying on it");
        }
        var p = d.population();
        out.add("population: " + p.country() + ", " + p.region() + (p.year() == null ? "" : ", " + p.year()) + ", N="
                + p.sampleSize() + " — " + p.description());
        var c = d.citation();
        out.add("source: " + c.text() + (c.doi() == null ? "" : " doi:" + c.doi())
                + (c.table() == null ? "" : ", table " + c.table()) + (c.page() == null ? "" : ", p. " + c.page()));
        if (d.kind() == NormKind.PARAMETRIC) {
            out.add("T = 50 + 10 (raw - mean) / SD, reported to " + d.tDecimals()
                    + " decimals; percentile = 100 Phi(z), reported to " + d.percentileDecimals() + " decimals");
        }
        for (NormGroup g : d.groups()) {
            if (d.kind() == NormKind.PARAMETRIC) {
                out.add(String.format(
                        Locale.ROOT,
                        "  %-16s %-32s mean %s  SD %s",
                        g.id(),
                        g.describe(),
                        Numbers.format(g.mean()),
                        Numbers.format(g.sd())));
            } else {
                out.add(String.format(Locale.ROOT, "  %-16s %s", g.id(), g.describe()));
                for (NormRow r : g.rows()) {
                    String raw = r.from() == r.to() ? Integer.toString(r.from()) : r.from() + "-" + r.to();
                    out.add(String.format(
                            Locale.ROOT,
                            "      raw %-7s T %-6s percentile %s",
                            raw,
                            Numbers.format(r.t()),
                            Numbers.format(r.percentile())));
                }
            }
        }
        return String.join("\n", out) + "\n";
    }
}
