package org.psyscreen.validation;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Everything {@link Validator} found, written as {@code validation.json} (format
 * {@value #FORMAT}) and a readable {@code validation.html}.
 *
 * @param instrument id@version
 * @param definitionSha256 the definition's hash
 * @param sample the sample file's name
 * @param records records in the sample
 * @param administered records whose form was given (not every item blank)
 * @param policy the policy whose cut-offs and tiers were compared, or {@code null}
 * @param scales item statistics and reliability per item scale
 * @param dif DIF by sex per item scale
 * @param norms the sample against each norm table
 * @param conformance the vendor's scores against psyscreen's, or {@code null}
 */
public record ValidationReport(
        String instrument,
        String definitionSha256,
        String sample,
        long records,
        long administered,
        String policy,
        List<ScaleAnalysis> scales,
        List<Dif> dif,
        List<NormComparison> norms,
        Conformance conformance) {

    /** The {@code format} written in {@code validation.json}. */
    public static final String FORMAT = "psyscreen-validation/1";

    /**
     * DIF of one scale's items.
     *
     * @param scale scale id
     * @param items one per item
     * @param note why it was not computed, or {@code null}
     */
    public record Dif(String scale, List<MantelHaenszel> items, String note) {}

    /** {@return the findings a vendor must look at, one sentence each, most important first} */
    public List<String> findings() {
        List<String> out = new ArrayList<>();
        if (scales.isEmpty()) {
            out.add("no scale could be analysed: no respondent answered every item of a scale; nothing here"
                    + " validates the instrument");
        }
        for (ScaleAnalysis s : scales) {
            // With n <= k the k items' sample covariance matrix is singular: alpha, omega and the
            // item-total correlations describe the sample's arithmetic, not the instrument.
            if (s.n() <= s.items().size() || Double.isNaN(s.alpha())) {
                out.add("scale " + s.scale() + ": only " + s.n() + " respondent(s) answered every item, for "
                        + s.items().size() + " items; reliability and item statistics need more respondents than"
                        + " items (the items' covariance is singular otherwise): nothing here validates the"
                        + " instrument");
            }
            for (ItemStatistics i : s.itemStatistics()) {
                if (i.flag() != null) {
                    out.add("item " + i.item() + " in scale " + s.scale() + ": " + i.flag() + " (r = "
                            + fixed(i.correctedItemTotal(), 3) + ")");
                }
            }
        }
        for (Dif d : dif) {
            for (MantelHaenszel m : d.items()) {
                if (m.etsClass().equals("C")) {
                    out.add("item " + m.item() + " in scale " + d.scale() + ": large DIF by sex (ETS class C, MH D-DIF "
                            + fixed(m.deltaDif(), 2) + ")");
                }
            }
        }
        for (NormComparison n : norms) {
            if (n.error() != null) {
                out.add("norm table " + n.table() + ": " + n.error());
            }
        }
        if (conformance != null) {
            conformance.columns().forEach((column, a) -> {
                if (a.disagree() > 0) {
                    out.add("vendor scores: " + a.disagree() + " disagreement(s) on " + column + " (of "
                            + (a.agree() + a.disagree()) + ")");
                }
            });
        }
        return out;
    }

    private static final JsonFactory JSON = JsonFactory.builder().build();

    /**
     * Writes {@code validation.json} and {@code validation.html} into {@code dir}.
     *
     * @param dir the folder to write into
     * @throws IOException when a file cannot be written
     */
    public void writeTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        try (OutputStream os = Files.newOutputStream(dir.resolve("validation.json"));
                JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), os, JsonEncoding.UTF8)) {
            writeJson(g);
        }
        Template t;
        try (InputStream in = ValidationReport.class.getResourceAsStream("validation.html.mustache");
                Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            t = Mustache.compiler().escapeHTML(true).defaultValue("").compile(r);
        }
        try (Writer w = Files.newBufferedWriter(dir.resolve("validation.html"), StandardCharsets.UTF_8)) {
            t.execute(view(), w);
        }
    }

    private void writeJson(JsonGenerator g) {
        g.writeStartObject();
        g.writeStringProperty("format", FORMAT);
        g.writeStringProperty("instrument", instrument);
        g.writeStringProperty("definitionSha256", definitionSha256);
        g.writeStringProperty("sample", sample);
        g.writeNumberProperty("records", records);
        g.writeNumberProperty("administered", administered);
        g.writeStringProperty("policy", policy);
        g.writeArrayPropertyStart("findings");
        for (String f : findings()) {
            g.writeString(f);
        }
        g.writeEndArray();
        g.writeArrayPropertyStart("scales");
        for (ScaleAnalysis s : scales) {
            g.writeStartObject();
            g.writeStringProperty("scale", s.scale());
            g.writeNumberProperty("n", s.n());
            number(g, "meanTotal", s.meanTotal());
            number(g, "sdTotal", s.sdTotal());
            number(g, "alpha", s.alpha());
            number(g, "alphaLower95", s.alphaLower());
            number(g, "alphaUpper95", s.alphaUpper());
            number(g, "omegaTotal", s.omegaTotal());
            number(g, "sem", s.sem());
            g.writeArrayPropertyStart("items");
            for (ItemStatistics i : s.itemStatistics()) {
                g.writeStartObject();
                g.writeStringProperty("item", i.item());
                g.writeNumberProperty("n", i.n());
                number(g, "mean", i.mean());
                number(g, "sd", i.sd());
                number(g, "missingRate", i.missingRate());
                number(g, "floor", i.floor());
                number(g, "ceiling", i.ceiling());
                number(g, "correctedItemTotal", i.correctedItemTotal());
                number(g, "alphaIfDeleted", i.alphaIfDeleted());
                g.writeStringProperty("flag", i.flag());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayPropertyStart("dif");
        for (Dif d : dif) {
            g.writeStartObject();
            g.writeStringProperty("scale", d.scale());
            g.writeStringProperty("note", d.note());
            g.writeArrayPropertyStart("items");
            for (MantelHaenszel m : d.items()) {
                g.writeStartObject();
                g.writeStringProperty("item", m.item());
                number(g, "oddsRatio", m.oddsRatio());
                number(g, "chiSquare", m.chiSquare());
                number(g, "p", m.p());
                number(g, "seLogOddsRatio", m.seLogOddsRatio());
                number(g, "mhDeltaDif", m.deltaDif());
                g.writeStringProperty("etsClass", m.etsClass());
                g.writeNumberProperty("strata", m.strata());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayPropertyStart("norms");
        for (NormComparison n : norms) {
            g.writeStartObject();
            g.writeStringProperty("table", n.table());
            g.writeStringProperty("scale", n.scale());
            g.writeBooleanProperty("verified", n.verified());
            g.writeBooleanProperty("synthetic", n.synthetic());
            g.writeNumberProperty("outsideTable", n.outsideTable());
            g.writeStringProperty("error", n.error());
            g.writeArrayPropertyStart("groups");
            for (NormComparison.Group gr : n.groups()) {
                g.writeStartObject();
                g.writeStringProperty("group", gr.id());
                g.writeNumberProperty("n", gr.n());
                number(g, "sampleMean", gr.sampleMean());
                number(g, "sampleSd", gr.sampleSd());
                number(g, "normMean", gr.normMean());
                number(g, "normSd", gr.normSd());
                number(g, "d", gr.d());
                number(g, "dLower95", gr.dLower());
                number(g, "dUpper95", gr.dUpper());
                g.writeArrayPropertyStart("cutoffs");
                for (NormComparison.CutoffShare c : gr.cutoffs()) {
                    g.writeStartObject();
                    g.writeStringProperty("rule", c.rule());
                    g.writeStringProperty("test", c.test());
                    number(g, "sampleShare", c.sampleShare());
                    number(g, "impliedShare", c.impliedShare());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        if (conformance != null) {
            g.writeObjectPropertyStart("conformance");
            g.writeNumberProperty("compared", conformance.compared());
            g.writeNumberProperty("vendorRowsWithoutRecord", conformance.vendorRowsWithoutRecord());
            g.writeNumberProperty("recordsWithoutVendorRow", conformance.recordsWithoutVendorRow());
            g.writeObjectPropertyStart("columns");
            conformance.columns().forEach((k, a) -> {
                g.writeObjectPropertyStart(k);
                g.writeNumberProperty("agree", a.agree());
                g.writeNumberProperty("disagree", a.disagree());
                g.writeEndObject();
            });
            g.writeEndObject();
            g.writeArrayPropertyStart("disagreements");
            for (Conformance.Disagreement d : conformance.disagreements()) {
                g.writeStartObject();
                g.writeNumberProperty("record", d.record());
                g.writeStringProperty("column", d.column());
                g.writeStringProperty("vendor", d.vendor());
                g.writeStringProperty("psyscreen", d.psyscreen());
                g.writeStringProperty("explanation", d.explanation());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeNumberProperty("disagreementsNotListed", conformance.disagreementsNotListed());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void number(JsonGenerator g, String name, double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            g.writeNullProperty(name);
        } else {
            g.writeNumberProperty(name, v);
        }
    }

    static String fixed(double v, int decimals) {
        return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    private static String percent(double v) {
        return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }

    /** The values the HTML template shows, already formatted. */
    private Map<String, Object> view() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("instrument", instrument);
        v.put("sha", definitionSha256.substring(0, Math.min(16, definitionSha256.length())));
        v.put("sample", sample);
        v.put("records", records);
        v.put("administered", administered);
        v.put("policy", policy == null ? "(none)" : policy);
        List<String> findings = findings();
        v.put("findings", findings);
        v.put("noFindings", findings.isEmpty());
        List<Map<String, Object>> sc = new ArrayList<>();
        for (ScaleAnalysis s : scales) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("scale", s.scale());
            m.put("n", s.n());
            m.put("alpha", fixed(s.alpha(), 3));
            m.put("lower", fixed(s.alphaLower(), 3));
            m.put("upper", fixed(s.alphaUpper(), 3));
            m.put("omega", fixed(s.omegaTotal(), 3));
            m.put("sem", fixed(s.sem(), 2));
            m.put("mean", fixed(s.meanTotal(), 2));
            m.put("sd", fixed(s.sdTotal(), 2));
            List<Map<String, Object>> items = new ArrayList<>();
            for (ItemStatistics i : s.itemStatistics()) {
                Map<String, Object> im = new LinkedHashMap<>();
                im.put("item", i.item());
                im.put("mean", fixed(i.mean(), 2));
                im.put("sd", fixed(i.sd(), 2));
                im.put("missing", percent(i.missingRate()));
                im.put("floor", percent(i.floor()));
                im.put("ceiling", percent(i.ceiling()));
                im.put("r", fixed(i.correctedItemTotal(), 3));
                im.put("alphaDrop", fixed(i.alphaIfDeleted(), 3));
                im.put("flag", i.flag() == null ? "" : i.flag());
                im.put("flagged", i.flag() != null);
                items.add(im);
            }
            m.put("items", items);
            sc.add(m);
        }
        v.put("scales", sc);
        List<Map<String, Object>> df = new ArrayList<>();
        for (Dif d : dif) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("scale", d.scale());
            m.put("note", d.note() == null ? "" : d.note());
            List<Map<String, Object>> items = new ArrayList<>();
            for (MantelHaenszel h : d.items()) {
                Map<String, Object> im = new LinkedHashMap<>();
                im.put("item", h.item());
                im.put("or", fixed(h.oddsRatio(), 3));
                im.put("chi", fixed(h.chiSquare(), 2));
                im.put("p", fixed(h.p(), 4));
                im.put("delta", fixed(h.deltaDif(), 2));
                im.put("ets", h.etsClass());
                im.put("flagged", h.etsClass().equals("C"));
                items.add(im);
            }
            m.put("items", items);
            df.add(m);
        }
        v.put("dif", df);
        List<Map<String, Object>> nm = new ArrayList<>();
        for (NormComparison n : norms) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("table", n.table());
            m.put("scale", n.scale());
            m.put("status", n.synthetic() ? "SYNTHETIC" : n.verified() ? "verified" : "NOT verified");
            m.put("error", n.error() == null ? "" : n.error());
            m.put("outside", n.outsideTable());
            List<Map<String, Object>> groups = new ArrayList<>();
            for (NormComparison.Group gr : n.groups()) {
                Map<String, Object> gm = new LinkedHashMap<>();
                gm.put("group", gr.id());
                gm.put("n", gr.n());
                gm.put("sample", fixed(gr.sampleMean(), 2) + " (" + fixed(gr.sampleSd(), 2) + ")");
                gm.put("norm", fixed(gr.normMean(), 2) + " (" + fixed(gr.normSd(), 2) + ")");
                gm.put("d", fixed(gr.d(), 2) + " [" + fixed(gr.dLower(), 2) + ", " + fixed(gr.dUpper(), 2) + "]");
                List<String> cut = new ArrayList<>();
                for (NormComparison.CutoffShare c : gr.cutoffs()) {
                    cut.add(c.test() + ": " + percent(c.sampleShare()) + " vs " + percent(c.impliedShare()));
                }
                gm.put("cutoffs", String.join("; ", cut));
                groups.add(gm);
            }
            m.put("groups", groups);
            nm.add(m);
        }
        v.put("norms", nm);
        v.put("hasConformance", conformance != null);
        if (conformance != null) {
            List<Map<String, Object>> cols = new ArrayList<>();
            conformance
                    .columns()
                    .forEach((k, a) -> cols.add(Map.of("column", k, "agree", a.agree(), "disagree", a.disagree())));
            v.put("conformanceColumns", cols);
            v.put("compared", conformance.compared());
            List<Map<String, Object>> dis = new ArrayList<>();
            for (Conformance.Disagreement d : conformance.disagreements()) {
                dis.add(Map.of(
                        "record", d.record(),
                        "column", d.column(),
                        "vendor", d.vendor(),
                        "psyscreen", d.psyscreen(),
                        "why", d.explanation() == null ? "" : d.explanation()));
            }
            v.put("disagreements", dis);
        }
        return v;
    }
}
