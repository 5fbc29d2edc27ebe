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
import org.psyscreen.batch.ScoresJsonl;
import org.psyscreen.batch.SummaryJson;
import org.psyscreen.privacy.CountTable;
import org.psyscreen.privacy.SmallCellSuppressor;
import org.psyscreen.records.RecordStore;
import org.psyscreen.records.Scope;
import org.psyscreen.records.StudentHistory;
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
     * The run's record count from its {@code summary.json}, which must name the report's policy.
     *
     * @throws ReportInputException when the summary is missing, damaged, or names another policy
     */
    private static long recordsOut(Options o) {
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
        return summary.recordsOut();
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
        List<String> tiers = o.policy().tierIds();
        RunCounts c = RunCounts.read(o.runDir(), tiers, o.school(), recordsOut(o));
        Files.createDirectories(out);
        copyVendor(out);
        List<String> labels = new ArrayList<>();
        for (Tier t : o.policy().tiers()) {
            labels.add(t.label().zh() + " " + t.label().en());
        }
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
        charts.set("tiersByUnit", stackedBar(byUnit, labels));
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
            charts.set(id, histogram(e.getKey(), e.getValue(), cutoffs(o.policy(), e.getKey()), o.k()));
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

        // Trends from the records store.
        List<String> pages = new ArrayList<>();
        if (o.records() != null) {
            try (RecordStore store = RecordStore.open(o.records())) {
                Scope scope = o.school() == null ? Scope.everything() : Scope.school(c.schoolRegion, o.school());
                trends(store, scope, o.k(), charts, view);
                if (o.school() != null) {
                    studentPages(o, out, store, scope, labels, pages, view);
                }
            }
        } else if (o.school() != null) {
            studentPages(o, out, null, null, labels, pages, view);
        }
        view.put("charts", json(charts));
        write("report.html.mustache", view, out.resolve("index.html"));
        pages.add(0, "index.html");
        return new Written(pages, alarms, alerts);
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

    private static ObjectNode stackedBar(Table t, List<String> labels) {
        ObjectNode o = JSON.createObjectNode();
        o.putObject("tooltip").put("trigger", "axis");
        o.putObject("legend").put("top", 0);
        o.putObject("grid").put("top", 60).put("containLabel", true);
        ArrayNode x = o.putObject("xAxis").put("type", "category").putArray("data");
        t.units.keySet().forEach(x::add);
        o.putObject("yAxis").put("type", "value").put("name", "学生 students");
        ArrayNode series = o.putArray("series");
        for (int s = 0; s < labels.size(); s++) {
            ObjectNode se =
                    series.addObject().put("type", "bar").put("stack", "tiers").put("name", labels.get(s));
            ArrayNode data = se.putArray("data");
            for (Table.Row r : t.units.values()) {
                Long v = r.cells()[s];
                if (v == null) {
                    data.addNull();
                } else {
                    data.add(v);
                }
            }
        }
        return o;
    }

    /** Most severe tier red, then orange, yellow; no risk grey. */
    private static String tierColour(int s, int outcomes) {
        if (s == outcomes - 1) {
            return "#9e9e9e";
        }
        String[] severe = {"#c62828", "#ef6c00", "#f9a825", "#7cb342"};
        return severe[Math.min(s, severe.length - 1)];
    }

    /**
     * Places a table's units on a funnel plot (chart {@code chartId}) and lists those above the
     * limits; null when the region's own counts are hidden.
     */
    private static FunnelPlot funnel(
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
        charts.set(chartId, funnel(f));
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

    private static ObjectNode funnel(FunnelPlot f) {
        ObjectNode o = JSON.createObjectNode();
        o.putObject("tooltip").put("trigger", "item");
        o.putObject("legend").put("top", 0);
        o.putObject("grid").put("top", 60).put("containLabel", true);
        o.putObject("xAxis").put("type", "value").put("name", "学生数 students (n)");
        o.putObject("yAxis").put("type", "value").put("name", "预警率 flagged rate");
        ArrayNode series = o.putArray("series");
        ObjectNode points = series.addObject()
                .put("type", "scatter")
                .put("name", "学校 units")
                .put("symbolSize", 10);
        ArrayNode pd = points.putArray("data");
        for (FunnelPlot.Point p : f.points()) {
            if (p.band() != FunnelPlot.Band.SUPPRESSED) {
                ObjectNode d = pd.addObject().put("name", p.id());
                d.putArray("value").add(p.students()).add(round(p.rate()));
            }
        }
        String[] names = {"99.8% 下限 lower", "95% 下限 lower", "95% 上限 upper", "99.8% 上限 upper"};
        for (int i = 0; i < 4; i++) {
            ObjectNode line = series.addObject()
                    .put("type", "line")
                    .put("name", names[i])
                    .put("showSymbol", false)
                    .put("smooth", true);
            line.putObject("lineStyle").put("type", i == 0 || i == 3 ? "dashed" : "solid");
            ArrayNode d = line.putArray("data");
            for (FunnelPlot.Limits l : f.curve()) {
                double v = i == 0 ? l.lower998() : i == 1 ? l.lower95() : i == 2 ? l.upper95() : l.upper998();
                d.addArray().add(l.n()).add(round(v));
            }
        }
        ObjectNode target = series.addObject()
                .put("type", "line")
                .put("name", "区域率 region rate")
                .put("showSymbol", false);
        ArrayNode td = target.putArray("data");
        if (!f.curve().isEmpty()) {
            td.addArray().add(f.curve().get(0).n()).add(round(f.target()));
            td.addArray().add(f.curve().get(f.curve().size() - 1).n()).add(round(f.target()));
        }
        return o;
    }

    private static ObjectNode histogram(String scale, TreeMap<Integer, Long> counts, List<Double> cutoffs, int k) {
        int max = counts.isEmpty() ? 0 : counts.lastKey();
        long[] cells = new long[max + 1];
        counts.forEach((v, n) -> cells[v] = n);
        List<String> cols = new ArrayList<>();
        for (int i = 0; i <= max; i++) {
            cols.add(Integer.toString(i));
        }
        CountTable t = new CountTable(cols);
        t.add(scale, -1, cells);
        SmallCellSuppressor.suppress(t, k);
        ObjectNode o = JSON.createObjectNode();
        o.putObject("tooltip").put("trigger", "axis");
        o.putObject("grid").put("containLabel", true);
        ArrayNode x =
                o.putObject("xAxis").put("type", "category").put("name", scale).putArray("data");
        cols.forEach(x::add);
        o.putObject("yAxis").put("type", "value").put("name", "学生 students");
        ObjectNode bar = o.putArray("series").addObject().put("type", "bar").put("name", scale);
        ArrayNode d = bar.putArray("data");
        for (int i = 0; i <= max; i++) {
            Long v = t.units().get(0).published(i);
            if (v == null) {
                d.addNull();
            } else {
                d.add(v);
            }
        }
        if (!cutoffs.isEmpty()) {
            ObjectNode ml = bar.putObject("markLine").put("symbol", "none");
            ArrayNode md = ml.putArray("data");
            for (double c : cutoffs) {
                md.addObject()
                        .put("xAxis", Integer.toString((int) Math.ceil(c)))
                        .put("name", "划界 cut-off ≥ " + clean(c));
            }
        }
        return o;
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

    private static void trends(RecordStore store, Scope scope, int k, ObjectNode charts, Map<String, Object> view) {
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
            return;
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
        ObjectNode o = JSON.createObjectNode();
        o.putObject("tooltip").put("trigger", "axis");
        o.putObject("legend").put("top", 0);
        o.putObject("grid").put("top", 60).put("containLabel", true);
        ArrayNode x = o.putObject("xAxis").put("type", "category").putArray("data");
        waves.forEach(x::add);
        o.putObject("yAxis").put("type", "value").put("name", "预警率 flagged rate");
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
    }

    /** One page per flagged student of the school, from the run's audit trail (and history from the store). */
    private static void studentPages(
            Options o,
            Path out,
            RecordStore store,
            Scope scope,
            List<String> labels,
            List<String> pages,
            Map<String, Object> view)
            throws IOException {
        if (!Files.isRegularFile(o.runDir().resolve(ScoresJsonl.FILE))) {
            view.put("studentNote", "逐生页面需要审计记录 Per-student pages need the run's audit trail (scores.jsonl).");
            return;
        }
        Files.createDirectories(out.resolve("students"));
        List<Map<String, Object>> list = new ArrayList<>();
        try (ScoresJsonl.Reader r = ScoresJsonl.open(o.runDir())) {
            for (ScoresJsonl.Entry n; (n = r.next()) != null; ) {
                studentPage(o, out, store, scope, pages, view, list, n, r.line());
                if (view.containsKey("studentNote")) {
                    return;
                }
            }
        } catch (RunFileException e) {
            throw new ReportInputException(e.getMessage());
        }
        view.put("students", list);
        view.put("hasStudents", !list.isEmpty());
    }

    /** The page of one record of the school (flagged students only); a run without pseudonyms gets a note. */
    private static void studentPage(
            Options o,
            Path out,
            RecordStore store,
            Scope scope,
            List<String> pages,
            Map<String, Object> view,
            List<Map<String, Object>> list,
            ScoresJsonl.Entry n,
            long lineNo)
            throws IOException {
        if (!o.school().equals(n.school())
                || n.decision() == null
                || n.decision().tier() == null) {
            return;
        }
        String tier = n.decision().tier();
        if (o.policy().tier(tier).isEmpty()) {
            throw new ReportInputException("scores.jsonl line " + lineNo + ", decision.tier: not a tier of the"
                    + " run's policy (damaged or edited): score the file again");
        }
        String token = n.student();
        if (token.startsWith("ps1.") && !TOKEN.matcher(token).matches()) {
            throw new ReportInputException("scores.jsonl line " + lineNo + ", student: not a psyscreen pseudonym"
                    + " (damaged or edited): score the file again");
        }
        if (!token.startsWith("ps1.")) {
            view.put(
                    "studentNote",
                    "逐生页面需要化名 Per-student pages need a run scored with --key (pseudonyms):"
                            + " this run holds raw ids, so none were written.");
            deleteStudentPages(out);
            return;
        }
        String file = "students/" + token.substring(token.lastIndexOf('.') + 1, token.lastIndexOf('.') + 13) + ".html";
        Map<String, Object> page = studentView(n, store, scope, token, o);
        page.put("title", "学生 Student " + token);
        write("student.html.mustache", page, out.resolve(file));
        pages.add(file);
        list.add(Map.of("token", token, "file", file, "tier", tier, "grade", n.grade(), "class", n.klass()));
    }

    /** A pseudonym as psyscreen writes it: {@code ps1.<key id>.<hex>}. */
    private static final java.util.regex.Pattern TOKEN =
            java.util.regex.Pattern.compile("ps1\\.[0-9a-f]{8}\\.[0-9a-f]{16,64}");

    private static void deleteStudentPages(Path out) throws IOException {
        try (var s = Files.list(out.resolve("students"))) {
            for (Path p : s.toList()) {
                Files.delete(p);
            }
        }
    }

    private static Map<String, Object> studentView(
            ScoresJsonl.Entry n, RecordStore store, Scope scope, String token, Options o) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("token", token);
        v.put("school", n.school());
        v.put("grade", n.grade());
        v.put("class", n.klass());
        v.put("testDate", n.testDate() == null ? "" : n.testDate().toString());
        ScoresJsonl.Decision d = n.decision();
        String tier = d.tier();
        String label = o.policy()
                .tier(tier)
                .map(t -> t.label().zh() + " " + t.label().en())
                .orElse(tier);
        v.put("tier", label);
        v.put("policy", d.policy());
        List<String> follow = d.followUps().stream().map(Enum::name).toList();
        v.put("followUps", String.join(", ", follow));
        v.put("hasFollowUps", !follow.isEmpty());
        List<Map<String, Object>> fired = new ArrayList<>();
        for (ScoresJsonl.Firing f : d.fired()) {
            fired.add(Map.of("rule", f.rule(), "tier", f.tier(), "read", String.join("; ", f.read())));
        }
        v.put("fired", fired);
        List<Map<String, Object>> forms = new ArrayList<>();
        for (ScoresJsonl.Form f : n.forms().values()) {
            List<String> scales = new ArrayList<>();
            f.scales().forEach((scale, x) -> scales.add(scale + " " + (Double.isNaN(x) ? "—" : clean(x))));
            forms.add(Map.of(
                    "instrument", f.instrument(), "status", f.status().name(), "scales", String.join(", ", scales)));
        }
        v.put("forms", forms);
        List<Map<String, Object>> norms = new ArrayList<>();
        for (ScoresJsonl.Norm x : n.norms().values()) {
            norms.add(Map.of(
                    "table",
                    x.table(),
                    "status",
                    x.status(),
                    "t",
                    Double.isNaN(x.t()) ? "—" : clean(x.t()),
                    "percentile",
                    Double.isNaN(x.percentile()) ? "—" : clean(x.percentile())));
        }
        v.put("norms", norms);
        if (store != null) {
            try {
                StudentHistory h = store.history(scope, token);
                List<Map<String, Object>> waves = new ArrayList<>();
                for (StudentHistory.Screening s : h.screenings()) {
                    List<String> changes = new ArrayList<>();
                    s.changes().stream()
                            .filter(c -> c.rci() != null)
                            .forEach(c -> changes.add(c.instrument() + "." + c.scale() + " " + clean(c.change())
                                    + " (RCI " + String.format(Locale.ROOT, "%.2f", c.rci())
                                    + (c.reliable() ? ", 可靠变化 reliable" : "") + ")"));
                    waves.add(Map.of(
                            "wave", s.wave(),
                            "tier",
                                    s.decisions().isEmpty()
                                                    || s.decisions().get(0).tier() == null
                                            ? "—"
                                            : s.decisions().get(0).tier(),
                            "changes", String.join("; ", changes)));
                }
                v.put("history", waves);
                v.put("hasHistory", true);
            } catch (org.psyscreen.records.RecordStoreException e) {
                v.put("hasHistory", false);
            }
        }
        return v;
    }

    private static void copyVendor(Path out) throws IOException {
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

    private static void write(String template, Map<String, Object> view, Path file) throws IOException {
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
    private static String json(ObjectNode o) {
        return o.toString().replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }

    private static double round(double v) {
        return Math.round(v * 1e4) / 1e4;
    }

    private static String percent(double v) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }

    private static String clean(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
