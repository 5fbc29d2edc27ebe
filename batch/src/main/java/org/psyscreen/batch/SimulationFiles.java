package org.psyscreen.batch;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.psyscreen.batch.PolicySimulation.Mover;
import org.psyscreen.batch.PolicySimulation.NotRun;
import org.psyscreen.batch.PolicySimulation.Transition;
import org.psyscreen.privacy.CountTable;
import org.psyscreen.student.Cells;

/** The files of a {@link PolicySimulation}: CSV tables and {@code simulation.json}. */
final class SimulationFiles {
    private SimulationFiles() {}

    static List<Path> write(PolicySimulation.Simulation s, Path dir, int minCell) throws IOException {
        Files.createDirectories(dir);
        String hidden = "<" + minCell;
        Path transitions = dir.resolve("transitions.csv");
        try (Writer w = Files.newBufferedWriter(transitions, StandardCharsets.UTF_8);
                CsvWriter csv =
                        CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(w)) {
            csv.writeRecord("from", "to", "from_outcome", "to_outcome", "students");
            for (Transition t : s.transitions()) {
                for (CountTable.Unit u : t.table().units()) {
                    for (int c = 0; c < t.table().columns().size(); c++) {
                        Long n = u.published(c);
                        csv.writeRecord(
                                t.from(),
                                t.to(),
                                u.id(),
                                t.table().columns().get(c),
                                n == null ? hidden : n.toString());
                    }
                }
            }
        }
        Path counts = dir.resolve("counts.csv");
        try (Writer w = Files.newBufferedWriter(counts, StandardCharsets.UTF_8);
                CsvWriter csv =
                        CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(w)) {
            csv.writeRecord("policy", "unit", "outcome", "students");
            for (var e : s.counts().entrySet()) {
                CountTable t = e.getValue();
                for (CountTable.Unit u : t.units()) {
                    for (int c = 0; c < t.columns().size(); c++) {
                        Long n = u.published(c);
                        csv.writeRecord(
                                e.getKey(),
                                Cells.spreadsheetSafe(u.id()),
                                t.columns().get(c),
                                n == null ? hidden : n.toString());
                    }
                }
            }
        }
        Path movers = dir.resolve("movers.csv");
        try (Writer w = Files.newBufferedWriter(movers, StandardCharsets.UTF_8);
                CsvWriter csv =
                        CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(w)) {
            csv.writeRecord(
                    "student",
                    "region",
                    "school",
                    "grade",
                    "to_policy",
                    "from_outcome",
                    "to_outcome",
                    "rules_only_from",
                    "rules_only_to");
            for (Mover m : s.movers()) {
                csv.writeRecord(
                        m.student(),
                        Cells.spreadsheetSafe(m.region()),
                        Cells.spreadsheetSafe(m.school()),
                        Cells.spreadsheetSafe(m.grade()),
                        m.to(),
                        m.fromOutcome(),
                        m.toOutcome(),
                        String.join(" ", m.onlyFrom()),
                        String.join(" ", m.onlyTo()));
            }
        }
        Path json = dir.resolve("simulation.json");
        Files.writeString(json, json(s, hidden), StandardCharsets.UTF_8);
        return List.of(transitions, counts, movers, json);
    }

    /** The simulation as JSON ({@code psyscreen-simulation/1}): what the three CSV files hold, in one document. */
    private static String json(PolicySimulation.Simulation s, String hidden) {
        var m = tools.jackson.databind.json.JsonMapper.builder().build();
        var root = m.createObjectNode();
        root.put("format", "psyscreen-simulation/1");
        root.put("records", s.records());
        root.put("hidden", hidden);
        var policies = root.putArray("policies");
        s.policies().forEach(policies::add);
        var notRun = root.putArray("notRun");
        for (NotRun n : s.notRun()) {
            var o = notRun.addObject().put("policy", n.policy());
            var p = o.putArray("problems");
            n.problems().forEach(p::add);
        }
        var transitions = root.putArray("transitions");
        for (Transition t : s.transitions()) {
            var o = transitions.addObject().put("from", t.from()).put("to", t.to());
            table(o.putObject("table"), t.table(), hidden);
        }
        var counts = root.putObject("counts");
        s.counts().forEach((policy, t) -> table(counts.putObject(policy), t, hidden));
        var movers = root.putArray("movers");
        for (Mover mv : s.movers()) {
            var o = movers.addObject()
                    .put("student", mv.student())
                    .put("region", mv.region())
                    .put("school", mv.school())
                    .put("grade", mv.grade())
                    .put("to", mv.to())
                    .put("fromOutcome", mv.fromOutcome())
                    .put("toOutcome", mv.toOutcome());
            var a = o.putArray("rulesOnlyFrom");
            mv.onlyFrom().forEach(a::add);
            var b = o.putArray("rulesOnlyTo");
            mv.onlyTo().forEach(b::add);
        }
        return m.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    }

    private static void table(tools.jackson.databind.node.ObjectNode o, CountTable t, String hidden) {
        var columns = o.putArray("columns");
        t.columns().forEach(columns::add);
        var units = o.putArray("units");
        for (CountTable.Unit u : t.units()) {
            var row = units.addObject().put("unit", u.id()).put("parent", u.parent());
            var cells = row.putArray("cells");
            for (int c = 0; c < t.columns().size(); c++) {
                Long n = u.published(c);
                if (n == null) {
                    cells.add(hidden);
                } else {
                    cells.add(n);
                }
            }
        }
    }
}
