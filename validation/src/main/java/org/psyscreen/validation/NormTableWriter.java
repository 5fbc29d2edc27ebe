package org.psyscreen.validation;

import java.util.Locale;
import org.psyscreen.definition.InstrumentDefinition;
import org.psyscreen.definition.Numbers;
import org.psyscreen.norm.NormRow;

/**
 * Writes a built norm table as a {@code psyscreen-norms/1} file, the format the bundled tables use:
 * it passes {@code psyscreen check} and loads with {@code --bundle} like any other table.
 */
public final class NormTableWriter {
    private NormTableWriter() {}

    /**
     * Where a built table's numbers come from, written into the table.
     *
     * @param id the table's id (a synthetic sample's table says {@code synthetic} in it)
     * @param version the table's version
     * @param nameEn the English name
     * @param nameZh the Chinese name
     * @param synthetic whether the sample is synthetic (a generated cohort): the names must say so
     * @param country ISO country code of the sample
     * @param region region or schools of the sample
     * @param year year the sample was screened, or {@code null}
     * @param description who the sample was
     * @param citation where the sample comes from (the file, its SHA-256, the date it was built)
     */
    public record Provenance(
            String id,
            String version,
            String nameEn,
            String nameZh,
            boolean synthetic,
            String country,
            String region,
            Integer year,
            String description,
            String citation) {}

    /**
     * {@return the table as YAML text}
     *
     * @param built the groups
     * @param instrument the instrument the table normalises
     * @param p the provenance
     * @throws IllegalArgumentException when no group is large enough to be written
     */
    public static String yaml(NormBuilder.Built built, InstrumentDefinition instrument, Provenance p) {
        if (built.used() == 0) {
            throw new IllegalArgumentException("no group reached the minimum size: there is no table to write");
        }
        StringBuilder y = new StringBuilder();
        y.append("# Built by psyscreen norms build from a local sample: percentile ranks (mid-point) and\n")
                .append("# normalised T-scores per group. Groups below the minimum size are left out.\n")
                .append("format: psyscreen-norms/1\n")
                .append("id: ")
                .append(q(p.id()))
                .append('\n')
                .append("version: ")
                .append(q(p.version()))
                .append('\n')
                .append("name: {en: ")
                .append(q(p.nameEn()))
                .append(", zh: ")
                .append(q(p.nameZh()))
                .append("}\n")
                .append("instrument: {id: ")
                .append(q(instrument.id()))
                .append(", version: ")
                .append(q(instrument.version()))
                .append("}\n")
                .append("scale: ")
                .append(q(built.scale()))
                .append('\n')
                .append("kind: lookup\n")
                .append("synthetic: ")
                .append(p.synthetic())
                .append('\n')
                .append("verified: false\n")
                .append("population: {country: ")
                .append(q(p.country()))
                .append(", region: ")
                .append(q(p.region()));
        if (p.year() != null) {
            y.append(", year: ").append(p.year());
        }
        y.append(", sampleSize: ")
                .append(built.used())
                .append(", description: ")
                .append(q(p.description()))
                .append("}\n")
                .append("citation: {text: ")
                .append(q(p.citation()))
                .append("}\n")
                .append("groups:\n");
        for (NormBuilder.Group g : built.groups()) {
            if (!g.written()) {
                continue;
            }
            y.append("  - id: ").append(g.id()).append('\n');
            if (g.sex() != null) {
                y.append("    sex: ")
                        .append(g.sex().name().toLowerCase(Locale.ROOT))
                        .append('\n');
            }
            if (g.band() != null) {
                y.append("    grades: {from: ")
                        .append(q(g.band().from().code()))
                        .append(", to: ")
                        .append(q(g.band().to().code()))
                        .append("}\n");
            }
            y.append("    rows:\n");
            for (NormRow r : g.rows()) {
                y.append("      - {raw: ")
                        .append(r.from())
                        .append(", t: ")
                        .append(Numbers.format(r.t(), 1))
                        .append(", percentile: ")
                        .append(Numbers.format(r.percentile(), 1))
                        .append("}\n");
            }
        }
        return y.toString();
    }

    /** A double-quoted YAML string (backslash and quote escaped; control characters refused). */
    static String q(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c < 0x20) {
                throw new IllegalArgumentException("a control character in a table field");
            }
            if (c == '"' || c == '\\') {
                b.append('\\');
            }
            b.append(c);
        }
        return b.append('"').toString();
    }
}
