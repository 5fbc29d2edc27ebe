package org.psyscreen.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.psyscreen.batch.PolicySimulation;
import org.psyscreen.privacy.CountTable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A policy simulation as one HTML page in the report's style ({@code simulation.html}, ECharts beside
 * it): each policy's outcomes side by side (a chart and a table), the first policy against each other
 * (the transition table), how many students move, and each policy's outcomes by school. Only counts
 * small-cell suppression passed are shown; no student is named on the page (the movers are in
 * {@code movers.csv}, by pseudonym).
 */
public final class SimulationPage {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SimulationPage() {}

    /**
     * Writes {@code simulation.html} and the charting library into {@code dir}.
     *
     * @param s the simulation
     * @param dir the folder (created)
     * @param minCell the smallest count published, as hidden cells say it
     * @return the page
     * @throws IOException when a file cannot be written
     */
    public static Path write(PolicySimulation.Simulation s, Path dir, int minCell) throws IOException {
        Files.createDirectories(dir);
        String hidden = "<" + minCell;
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("records", s.records());
        view.put("k", minCell);
        view.put("policies", s.policies());
        List<Map<String, Object>> notRun = new ArrayList<>();
        s.notRun().forEach(n -> notRun.add(Map.of("policy", n.policy(), "problems", String.join("; ", n.problems()))));
        view.put("notRun", notRun);
        view.put("hasNotRun", !notRun.isEmpty());

        // each policy's outcomes over the whole cohort: the sum of its top units (regions)
        List<String> outcomes = new ArrayList<>();
        s.counts()
                .values()
                .forEach(t -> t.columns().forEach(c -> {
                    if (!outcomes.contains(c)) {
                        outcomes.add(c);
                    }
                }));
        view.put("outcomes", outcomes);
        ObjectNode bar = Charts.categoryAxes(outcomes, "学生 students");
        ArrayNode series = bar.putArray("series");
        List<Map<String, Object>> totals = new ArrayList<>();
        for (var e : s.counts().entrySet()) {
            CountTable t = e.getValue();
            ArrayNode data = series.addObject()
                    .put("type", "bar")
                    .put("name", e.getKey())
                    .putArray("data");
            List<String> cells = new ArrayList<>();
            for (String o : outcomes) {
                int c = t.columns().indexOf(o);
                Long sum = c < 0 ? Long.valueOf(0) : topSum(t, c);
                if (sum == null) {
                    data.addNull();
                } else {
                    data.add(sum);
                }
                cells.add(sum == null ? hidden : sum.toString());
            }
            totals.add(Map.of("policy", e.getKey(), "cells", cells));
        }
        view.put("totals", totals);

        List<Map<String, Object>> transitions = new ArrayList<>();
        for (var t : s.transitions()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (CountTable.Unit u : t.table().units()) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < t.table().columns().size(); c++) {
                    Long n = u.published(c);
                    cells.add(n == null ? hidden : n.toString());
                }
                rows.add(Map.of("from", u.id(), "cells", cells));
            }
            long moved = s.moved(t.to());
            transitions.add(Map.of(
                    "from", t.from(),
                    "to", t.to(),
                    "columns", t.table().columns(),
                    "rows", rows,
                    "moved", moved < minCell && moved > 0 ? hidden : Long.toString(moved)));
        }
        view.put("transitions", transitions);

        List<Map<String, Object>> bySchool = new ArrayList<>();
        for (var e : s.counts().entrySet()) {
            CountTable t = e.getValue();
            List<Map<String, Object>> rows = new ArrayList<>();
            for (CountTable.Unit u : t.units()) {
                if (!u.id().startsWith("school ")) {
                    continue;
                }
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < t.columns().size(); c++) {
                    Long n = u.published(c);
                    cells.add(n == null ? hidden : n.toString());
                }
                rows.add(Map.of("school", u.id().substring("school ".length()), "cells", cells));
            }
            bySchool.add(Map.of("policy", e.getKey(), "columns", t.columns(), "rows", rows));
        }
        view.put("bySchool", bySchool);
        ObjectNode charts = JSON.createObjectNode();
        charts.set("outcomes", bar);
        view.put("charts", ReportWriter.json(charts));
        Path page = dir.resolve("simulation.html");
        ReportWriter.write("simulation.html.mustache", view, page);
        ReportWriter.copyVendor(dir);
        return page;
    }

    /** The sum of a column over the top units, or {@code null} when one of them is hidden. */
    private static Long topSum(CountTable t, int c) {
        long sum = 0;
        for (CountTable.Unit u : t.units()) {
            if (u.parent() == -1) {
                Long n = u.published(c);
                if (n == null) {
                    return null;
                }
                sum += n;
            }
        }
        return sum;
    }
}
