package org.psyscreen.report;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.psyscreen.analysis.FunnelPlot;
import org.psyscreen.batch.RunFileException;
import org.psyscreen.batch.SummaryJson;
import org.psyscreen.privacy.CountTable;
import org.psyscreen.privacy.SmallCellSuppressor;
import org.psyscreen.records.RecordStore;
import org.psyscreen.records.Scope;
import org.psyscreen.records.WaveChanges;
import org.psyscreen.records.WaveCount;
import org.psyscreen.tier.Condition;
import org.psyscreen.tier.CutoffPolicy;
import org.psyscreen.tier.DeclarativePolicy;
import org.psyscreen.tier.PolicyRule;
import org.psyscreen.tier.Tier;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a static HTML report of a scored run into one folder that opens offline (ECharts is copied
 * beside the pages with its licence; no CDN). Every count is suppressed by the engine's
 * {@link SmallCellSuppressor} before it is put into a page or its chart data: a hidden cell is
 * {@code *} in tables and {@code null} in charts. The region report has tiers by school and sex, the
 * funnel plot of schools' flagged rates ({@link FunnelPlot}), score distributions against the
 * policy's cut-offs, form statuses per school, and, with a records store, flagged rates by wave and
 * tier transitions. A report scoped to one school adds its grades and one page per flagged student
 * (pseudonymous: the run must have been scored with a key).
 */
public final class ReportWriter {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ReportWriter() {}

    /**
     * What to report.
     *
     * @param runDir the folder {@code psyscreen score} wrote (scores.csv, summary.json; scores.jsonl for
     *     student pages)
     * @param policy the run's policy (tiers, labels, cut-offs)
     * @param school one school (student pages), or {@code null} for the region
     * @param records a records store for trends and histories, or {@code null}
     * @param k the smallest published cell
     */
    public record Options(Path runDir, CutoffPolicy policy, String school, String records, int k) {}

    /**
     * What was written.
     *
     * @param pages the HTML pages, relative to the folder
     * @param alarms units above the 99.8% limit
     * @param alerts units above the 95% limit (and not the 99.8%)
     */
    public record Written(List<String> pages, List<String> alarms, List<String> alerts) {}

    /**
     * The run's {@code summary.json}, read once for the whole report; it must name the report's policy.
     *
     * @throws ReportInputException when the summary is missing, damaged, or names another policy
     */
    private static SummaryJson summary(Options o) {
        SummaryJson summary;
        try {
            summary = SummaryJson.read(o.runDir());
        } catch (RunFileException e) {
            throw new ReportInputException(e.getMessage());
        }
        if (!summary.finished()) {
            throw new ReportInputException("summary.json does not describe a finished run with every record"
                    + " accounted for: score the file again");
        }
        if (!summary.policy().equals(o.policy().key())) {
            throw new ReportInputException("the run was decided under another policy than "
                    + o.policy().key());
        }
        return summary;
    }

    /**
     * Writes the report into {@code out}.
     *
     * @param o what to report on
     * @param out the folder to write into
     * @return what was written
     * @throws IOException when a file cannot be read or written
     * @throws ReportInputException when the run folder is damaged or edited (named by file and line)
     */
    public static Written write(Options o, Path out) throws IOException {
        if (o.k() < 2) {
            throw new IllegalArgumentException("the smallest published cell must be 2 or more");
        }
        SummaryJson summary = summary(o);
        RunCounts c = RunCounts.read(o.runDir(), summary, o.policy().outcomeIds(), o.school(), definitions(summary));
        Files.createDirectories(out);
        copyVendor(out);
        List<String> labels = new ArrayList<>();
        for (Tier t : o.policy().tiers()) {
            labels.add(t.label().zh() + " " + t.label().en());
        }
        labels.add("未定级需复核 unevaluated");
        labels.add("未发现风险 none");
        Map<String, Object> view = new LinkedHashMap<>();
        ObjectNode charts = JSON.createObjectNode();
        view.put(
                "title",
                o.school() == null ? "区域心理筛查报告 Region screening report" : "学校心理筛查报告 School report: " + o.school());
        view.put("policy", o.policy().key());
        view.put("k", o.k());
        view.put("generated", Instant.now().toString().substring(0, 19).replace('T', ' ') + " UTC");
        view.put("records", suppressedTotal(c.records, o.k()));
        view.put("outcomeLabels", labels);

        // Tiers by school (or, for one school, by grade): one table, suppressed as a hierarchy.
        Map<String, long[]> units =
                o.school() == null ? c.bySchool : c.bySchoolGrade.getOrDefault(o.school(), Map.of());
        Table byUnit = suppress(units, c.outcomes.size(), o.k());
        view.put("unitName", o.school() == null ? "学校 school" : "年级 grade");
        view.put("unitRows", byUnit.rows());
        view.put("regionRow", byUnit.regionRow());
        charts.set("tiersByUnit", Charts.stackedBar(byUnit, labels));
        Table bySex = suppress(c.bySex, c.outcomes.size(), o.k());
        view.put("sexRows", bySex.rows());

        // The funnels: each unit's flagged rate against the region's, from published counts only; in a
        // region report the grades across schools get one too (high-risk groups, not only schools).
        int none = c.outcomes.size() - 1;
        List<String> alarms = new ArrayList<>();
        List<String> alerts = new ArrayList<>();
        List<Map<String, Object>> high = new ArrayList<>();
        FunnelPlot f = funnel(byUnit, none, "", charts, "funnel", high, alarms, alerts);
        if (f != null) {
            view.put("target", percent(f.target()));
            view.put(
                    "suppressedUnits",
                    f.points().stream()
                            .filter(p -> p.band() == FunnelPlot.Band.SUPPRESSED)
                            .count());
        }
        if (o.school() == null) {
            Map<String, long[]> grades = new TreeMap<>();
            c.bySchoolGrade
                    .values()
                    .forEach(m ->
                            m.forEach((g, v) -> add(grades.computeIfAbsent(g, x -> new long[c.outcomes.size()]), v)));
            funnel(
                    suppress(grades, c.outcomes.size(), o.k()),
                    none,
                    "年级 grade ",
                    charts,
                    "funnelGrade",
                    high,
                    alarms,
                    alerts);
            view.put("gradeFunnel", true);
        }
        view.put("high", high);
        view.put("noHigh", high.isEmpty());

        // Score distributions against the policy's raw cut-offs.
        List<Map<String, Object>> dist = new ArrayList<>();
        for (var e : c.totals.entrySet()) {
            String id = "dist-" + e.getKey().replace('.', '-');
            charts.set(id, Charts.histogram(e.getKey(), e.getValue(), cutoffs(o.policy(), e.getKey()), o.k()));
            dist.add(Map.of("id", id, "scale", e.getKey()));
        }
        view.put("distributions", dist);

        // Data quality: form statuses per unit.
        List<Map<String, Object>> quality = new ArrayList<>();
        for (var e : c.statuses.entrySet()) {
            Table t = suppress(e.getValue(), RunCounts.STATUSES.size(), o.k());
            quality.add(Map.of("instrument", e.getKey(), "rows", t.rows(), "regionRow", t.regionRow()));
        }
        view.put("quality", quality);

        // Severity levels per unit, each derived from the score (the file's level checked against it).
        List<Map<String, Object>> severity = new ArrayList<>();
        for (var e : c.levels.entrySet()) {
            List<String> names = c.levelNames.get(e.getKey());
            Table t = suppress(e.getValue(), names.size(), o.k());
            severity.add(Map.of("scale", e.getKey(), "levels", names, "rows", t.rows(), "regionRow", t.regionRow()));
        }
        view.put("severity", severity);

        // Trends from the records store.
        List<String> pages = new ArrayList<>();
        if (o.records() != null) {
            try (RecordStore store = RecordStore.open(o.records())) {
                Scope scope = o.school() == null ? Scope.everything() : Scope.school(c.schoolRegion, o.school());
                List<String> waves = trends(store, scope, o.k(), charts, view);
                ClosedLoopSection.school(store, scope, waves, o.policy(), o.k(), view);
                GroupFunnels.draw(store, scope, waves, o.policy(), o.k(), charts, view);
                if (o.school() != null) {
                    StudentPages.write(o, summary, out, store, scope, labels, pages, view);
                }
            }
        } else if (o.school() != null) {
            StudentPages.write(o, summary, out, null, null, labels, pages, view);
        }
        view.put("charts", json(charts));
        write("report.html.mustache", view, out.resolve("index.html"));
        pages.add(0, "index.html");
        return new Written(pages, alarms, alerts);
    }

    /**
     * The run's instruments whose published definitions are bundled with psyscreen, by id: only those
     * whose definition hash is the one {@code summary.json} says the run was scored with.
     */
    private static Map<String, org.psyscreen.definition.InstrumentDefinition> definitions(SummaryJson summary) {
        var bundle = org.psyscreen.load.Bundle.classPath(ReportWriter.class.getClassLoader());
        Map<String, org.psyscreen.definition.InstrumentDefinition> out = new java.util.TreeMap<>();
        summary.instruments()
                .forEach((id, d) -> bundle.plan(d.key())
                        .filter(p -> p.sha256().equals(d.sha256()))
                        .ifPresent(p -> out.put(id, p.definition())));
        return out;
    }

    /** A table of counts after suppression: the region's row and each unit's, hidden cells null. */
    static final class Table {
        Long regionTotal;
        Long[] region;
        final Map<String, Row> units = new LinkedHashMap<>();

        record Row(Long total, Long[] cells) {}

        List<Map<String, Object>> rows() {
            List<Map<String, Object>> out = new ArrayList<>();
            units.forEach((k, v) -> out.add(row(k, v.total(), v.cells())));
            return out;
        }

        Map<String, Object> regionRow() {
            return row("合计 all", regionTotal, region);
        }

        private static Map<String, Object> row(String name, Long total, Long[] cells) {
            List<String> c = new ArrayList<>();
            for (Long v : cells) {
                c.add(v == null ? "*" : Long.toString(v));
            }
            return Map.of("name", name, "total", total == null ? "*" : Long.toString(total), "cells", c);
        }
    }

    /** Suppresses units and their sum (the region's row) as one hierarchy (primary and complementary). */
    static Table suppress(Map<String, long[]> units, int columns, int k) {
        List<String> cols = new ArrayList<>();
        for (int i = 0; i < columns; i++) {
            cols.add("c" + i);
        }
        CountTable t = new CountTable(cols);
        long[] sum = new long[columns];
        units.values().forEach(v -> add(sum, v));
        int parent = t.add("region", -1, sum);
        List<String> names = new ArrayList<>(units.keySet());
        for (String n : names) {
            t.add(n, parent, units.get(n));
        }
        SmallCellSuppressor.suppress(t, k);
        Table out = new Table();
        CountTable.Unit r = t.units().get(0);
        out.regionTotal = r.publishedTotal();
        out.region = published(r, columns);
        for (int u = 1; u < t.units().size(); u++) {
            CountTable.Unit x = t.units().get(u);
            out.units.put(names.get(u - 1), new Table.Row(x.publishedTotal(), published(x, columns)));
        }
        return out;
    }

    private static Long[] published(CountTable.Unit u, int columns) {
        Long[] out = new Long[columns];
        for (int c = 0; c < columns; c++) {
            out[c] = u.published(c);
        }
        return out;
    }

    private static void add(long[] into, long[] v) {
        for (int i = 0; i < v.length; i++) {
            into[i] += v[i];
        }
    }

    private static String suppressedTotal(long n, int k) {
        return n > 0 && n < k ? "*" : Long.toString(n);
    }

    /**
     * Places a table's units on a funnel plot (chart {@code chartId}) and lists those above the
     * limits; null when the region's own counts are hidden.
     */
    static FunnelPlot funnel(
            Table t,
            int none,
            String prefix,
            ObjectNode charts,
            String chartId,
            List<Map<String, Object>> high,
            List<String> alarms,
            List<String> alerts) {
        Long students = t.regionTotal;
        Long noRisk = t.region[none];
        if (students == null || noRisk == null || students == 0) {
            return null;
        }
        List<FunnelPlot.Unit> units = new ArrayList<>();
        for (var e : t.units.entrySet()) {
            Long n = e.getValue().total();
            Long no = e.getValue().cells()[none];
            units.add(new FunnelPlot.Unit(prefix + e.getKey(), n, n == null || no == null ? null : n - no));
        }
        FunnelPlot f = FunnelPlot.of(students, students - noRisk, units);
        charts.set(chartId, Charts.funnel(f));
        for (FunnelPlot.Point p : f.points()) {
            if (p.band() == FunnelPlot.Band.ABOVE_998 || p.band() == FunnelPlot.Band.ABOVE_95) {
                (p.band() == FunnelPlot.Band.ABOVE_998 ? alarms : alerts).add(p.id());
                FunnelPlot.Limits l = FunnelPlot.limits(f.target(), p.students());
                high.add(Map.of(
                        "unit", p.id(),
                        "n", p.students(),
                        "rate", percent(p.rate()),
                        "limit", percent(p.band() == FunnelPlot.Band.ABOVE_998 ? l.upper998() : l.upper95()),
                        "band", p.band() == FunnelPlot.Band.ABOVE_998 ? "99.8% 报警 alarm" : "95% 预警 alert"));
            }
        }
        return f;
    }

    /** The policy's raw cut-offs (≥ or >) on {@code instrument.scale}. */
    static List<Double> cutoffs(CutoffPolicy policy, String scale) {
        List<Double> out = new ArrayList<>();
        if (policy instanceof DeclarativePolicy p) {
            for (PolicyRule r : p.rules()) {
                for (Condition.ScaleCompare sc : Condition.cutoffs(r.when())) {
                    if ((sc.instrument() + "." + sc.scale()).equals(scale) && sc.basis() == Condition.Basis.RAW) {
                        out.add(sc.op() == org.psyscreen.definition.Comparison.GT ? sc.value() + 1 : sc.value());
                    }
                }
            }
        }
        return out.stream().distinct().sorted().toList();
    }

    /** Puts the flagged rates by wave and the transitions in {@code view}; returns the waves, oldest first. */
    private static List<String> trends(
            RecordStore store, Scope scope, int k, ObjectNode charts, Map<String, Object> view) {
        List<WaveCount> counts = store.waveCounts(scope);
        List<String> waves = new ArrayList<>();
        Map<String, Map<String, long[]>> byWave = new LinkedHashMap<>();
        for (WaveCount w : counts) {
            if (!waves.contains(w.wave())) {
                waves.add(w.wave());
            }
            byWave.computeIfAbsent(w.wave(), x -> new TreeMap<>())
                    .put(w.school(), new long[] {w.flagged(), w.students() - w.flagged()});
        }
        if (waves.isEmpty()) {
            return waves;
        }
        java.util.Set<String> schools = new java.util.TreeSet<>();
        byWave.values().forEach(m -> schools.addAll(m.keySet()));
        Map<String, List<Double>> rates = new LinkedHashMap<>();
        schools.forEach(s -> rates.put(s, new ArrayList<>()));
        for (String w : waves) {
            Map<String, long[]> m = byWave.get(w);
            Table t = suppress(m, 2, k);
            for (String s : schools) {
                Table.Row r = t.units.get(s);
                rates.get(s)
                        .add(
                                r == null || r.cells()[0] == null || r.total() == null || r.total() == 0
                                        ? null
                                        : round((double) r.cells()[0] / r.total()));
            }
        }
        ObjectNode o = Charts.categoryAxes(waves, "预警率 flagged rate");
        ArrayNode series = o.putArray("series");
        rates.forEach((s, r) -> {
            ArrayNode d = series.addObject()
                    .put("type", "line")
                    .put("name", s)
                    .put("connectNulls", false)
                    .putArray("data");
            r.forEach(v -> {
                if (v == null) {
                    d.addNull();
                } else {
                    d.add(v);
                }
            });
        });
        charts.set("trends", o);
        view.put("hasTrends", true);
        List<Map<String, Object>> transitions = new ArrayList<>();
        for (int i = 1; i < waves.size(); i++) {
            WaveChanges ch = store.changes(scope, waves.get(i - 1), waves.get(i));
            long[] cells = new long[WaveChanges.Transition.values().length];
            ch.transitions().forEach((t, n) -> cells[t.ordinal()] = n);
            CountTable t = new CountTable(java.util.Arrays.stream(WaveChanges.Transition.values())
                    .map(Enum::name)
                    .toList());
            t.add("all", -1, cells);
            SmallCellSuppressor.suppress(t, k);
            List<String> shown = new ArrayList<>();
            for (int c = 0; c < cells.length; c++) {
                Long v = t.units().get(0).published(c);
                shown.add(v == null ? "*" : Long.toString(v));
            }
            Long missing = ch.missingTokens().size() > 0 && ch.missingTokens().size() < k
                    ? null
                    : (long) ch.missingTokens().size();
            transitions.add(Map.of(
                    "from",
                    waves.get(i - 1),
                    "to",
                    waves.get(i),
                    "cells",
                    shown,
                    "missing",
                    missing == null ? "*" : Long.toString(missing)));
        }
        view.put("transitions", transitions);
        return waves;
    }

    static void copyVendor(Path out) throws IOException {
        for (String f : List.of("echarts.min.js", "ECHARTS-LICENSE.txt", "ECHARTS-NOTICE.txt")) {
            try (InputStream in = ReportWriter.class.getResourceAsStream("vendor/" + f)) {
                if (in == null) {
                    throw new IOException(
                            "the report's vendored ECharts is missing from the jar (" + f + "): rebuild it");
                }
                Files.copy(in, out.resolve(f), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    static void write(String template, Map<String, Object> view, Path file) throws IOException {
        Template t;
        try (InputStream in = ReportWriter.class.getResourceAsStream(template);
                Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            t = Mustache.compiler().escapeHTML(true).defaultValue("").compile(r);
        }
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            t.execute(view, w);
        }
    }

    /** Chart data for a {@code <script type="application/json">}: '<' escaped so no text can close the script. */
    static String json(ObjectNode o) {
        return o.toString().replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }

    static double round(double v) {
        return Math.round(v * 1e4) / 1e4;
    }

    static String percent(double v) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }

    static String clean(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
