package org.psyscreen.report;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.psyscreen.analysis.FunnelPlot;
import org.psyscreen.privacy.CountTable;
import org.psyscreen.privacy.SmallCellSuppressor;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Apache ECharts options of the report's charts, built from counts that small-cell suppression
 * has already passed: tiers by school or grade (stacked bars), schools' rates against the region's
 * (a funnel plot), and a scale's totals with the policy's cut-offs marked (a histogram).
 */
final class Charts {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Charts() {}

    /**
     * {@return a chart's options with a category axis of {@code categories} and a value axis named
     * {@code valueName}, an axis tooltip and a legend; its series are added by the caller}
     */
    static ObjectNode categoryAxes(Iterable<String> categories, String valueName) {
        ObjectNode o = JSON.createObjectNode();
        o.putObject("tooltip").put("trigger", "axis");
        o.putObject("legend").put("top", 0);
        o.putObject("grid").put("top", 60).put("containLabel", true);
        ArrayNode x = o.putObject("xAxis").put("type", "category").putArray("data");
        categories.forEach(x::add);
        o.putObject("yAxis").put("type", "value").put("name", valueName);
        return o;
    }

    static ObjectNode stackedBar(ReportWriter.Table t, List<String> labels) {
        ObjectNode o = categoryAxes(t.units.keySet(), "学生 students");
        ArrayNode series = o.putArray("series");
        for (int s = 0; s < labels.size(); s++) {
            ObjectNode se =
                    series.addObject().put("type", "bar").put("stack", "tiers").put("name", labels.get(s));
            ArrayNode data = se.putArray("data");
            for (ReportWriter.Table.Row r : t.units.values()) {
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

    static ObjectNode funnel(FunnelPlot f) {
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
                d.putArray("value").add(p.students()).add(ReportWriter.round(p.rate()));
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
                d.addArray().add(l.n()).add(ReportWriter.round(v));
            }
        }
        ObjectNode target = series.addObject()
                .put("type", "line")
                .put("name", "区域率 region rate")
                .put("showSymbol", false);
        ArrayNode td = target.putArray("data");
        if (!f.curve().isEmpty()) {
            td.addArray().add(f.curve().get(0).n()).add(ReportWriter.round(f.target()));
            td.addArray().add(f.curve().get(f.curve().size() - 1).n()).add(ReportWriter.round(f.target()));
        }
        return o;
    }

    static ObjectNode histogram(String scale, TreeMap<Integer, Long> counts, List<Double> cutoffs, int k) {
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
                        .put("name", "划界 cut-off ≥ " + ReportWriter.clean(c));
            }
        }
        return o;
    }
}
