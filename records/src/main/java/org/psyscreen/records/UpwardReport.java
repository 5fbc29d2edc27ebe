package org.psyscreen.records;

import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.psyscreen.student.Cells;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The report a region sends up to the provincial platform: crisis-tier warning cases (pseudonymous)
 * and per-school counts of one wave's decisions, small cells hidden exactly as in {@code rollup.csv}.
 * Written as {@code upward-report.json} and two CSV files; the schema is in the module's README
 * ({@value #SCHEMA}).
 *
 * @param wave the wave counted
 * @param generatedAt when (UTC)
 * @param k the smallest published cell
 * @param columns the count columns: the policy's tiers most severe first, {@code none}, {@code undetermined}
 * @param counts a region row (school "") then its schools; {@code null} cells are hidden
 * @param crisis open and monitored cases at the most severe tier
 */
public record UpwardReport(
        String wave, String generatedAt, int k, List<String> columns, List<Count> counts, List<Crisis> crisis) {

    /** The schema name written into the JSON. */
    public static final String SCHEMA = "psyscreen-upward-report/1";

    /**
     * Counts of one region or school.
     *
     * @param region region
     * @param school school, or "" for the region's own row
     * @param students students, or {@code null} when hidden
     * @param cells one per column, {@code null} when hidden
     */
    public record Count(String region, String school, Long students, List<Long> cells) {
        /**
         * Copies the cells.
         *
         * @param region region
         * @param school school, or "" for the region's own row
         * @param students students, or {@code null} when hidden
         * @param cells one per column, {@code null} when hidden
         */
        public Count {
            cells = java.util.Collections.unmodifiableList(new ArrayList<>(cells));
        }
    }

    /**
     * A crisis-tier case.
     *
     * @param token pseudonym
     * @param region region
     * @param school school
     * @param grade grade at the latest flag
     * @param tier tier id
     * @param state open or monitoring
     * @param openedWave the wave that opened it
     * @param lastWave the latest wave that flagged it
     * @param referred whether a referral is recorded
     * @param returnAssessed whether a return-to-school assessment is recorded
     * @param lastEvent the latest event's kind
     * @param lastEventDate its date
     */
    public record Crisis(
            String token,
            String region,
            String school,
            String grade,
            String tier,
            CaseState state,
            String openedWave,
            String lastWave,
            boolean referred,
            boolean returnAssessed,
            String lastEvent,
            String lastEventDate) {}

    private static final JsonFactory JSON = JsonFactory.builder().build();

    /**
     * Writes {@code upward-report.json}, {@code upward-counts.csv} and {@code upward-crisis.csv} into {@code dir}.
     *
     * @param dir the folder to write into
     * @throws IOException when a file cannot be written
     */
    public void writeTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        try (OutputStream os = Files.newOutputStream(dir.resolve("upward-report.json"));
                JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), os, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringProperty("schema", SCHEMA);
            g.writeStringProperty("wave", wave);
            g.writeStringProperty("generatedAt", generatedAt);
            g.writeNumberProperty("k", k);
            g.writeArrayPropertyStart("columns");
            for (String c : columns) {
                g.writeString(c);
            }
            g.writeEndArray();
            g.writeArrayPropertyStart("counts");
            for (Count c : counts) {
                g.writeStartObject();
                g.writeStringProperty("region", c.region());
                g.writeStringProperty("school", c.school());
                writeCount(g, "students", c.students());
                g.writeObjectPropertyStart("cells");
                for (int i = 0; i < columns.size(); i++) {
                    writeCount(g, columns.get(i), c.cells().get(i));
                }
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayPropertyStart("crisis");
            for (Crisis c : crisis) {
                g.writeStartObject();
                g.writeStringProperty("student", c.token());
                g.writeStringProperty("region", c.region());
                g.writeStringProperty("school", c.school());
                g.writeStringProperty("grade", c.grade());
                g.writeStringProperty("tier", c.tier());
                g.writeStringProperty("state", c.state().sql());
                g.writeStringProperty("openedWave", c.openedWave());
                g.writeStringProperty("lastWave", c.lastWave());
                g.writeBooleanProperty("referred", c.referred());
                g.writeBooleanProperty("returnAssessed", c.returnAssessed());
                g.writeStringProperty("lastEvent", c.lastEvent());
                g.writeStringProperty("lastEventDate", c.lastEventDate());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        try (CsvWriter w = CsvWriter.builder().build(dir.resolve("upward-counts.csv"), StandardCharsets.UTF_8)) {
            List<String> header = new ArrayList<>(List.of("region", "school", "students"));
            header.addAll(columns);
            w.writeRecord(header);
            for (Count c : counts) {
                List<String> row = new ArrayList<>(List.of(safe(c.region()), safe(c.school()), cell(c.students())));
                c.cells().forEach(x -> row.add(cell(x)));
                w.writeRecord(row);
            }
        }
        try (CsvWriter w = CsvWriter.builder().build(dir.resolve("upward-crisis.csv"), StandardCharsets.UTF_8)) {
            w.writeRecord(
                    "student",
                    "region",
                    "school",
                    "grade",
                    "tier",
                    "state",
                    "opened_wave",
                    "last_wave",
                    "referred",
                    "return_assessed",
                    "last_event",
                    "last_event_date");
            for (Crisis c : crisis) {
                w.writeRecord(
                        safe(c.token()),
                        safe(c.region()),
                        safe(c.school()),
                        safe(c.grade()),
                        safe(c.tier()),
                        c.state().sql(),
                        safe(c.openedWave()),
                        safe(c.lastWave()),
                        Boolean.toString(c.referred()),
                        Boolean.toString(c.returnAssessed()),
                        c.lastEvent(),
                        c.lastEventDate());
            }
        }
    }

    private static void writeCount(JsonGenerator g, String name, Long v) {
        if (v == null) {
            g.writeStringProperty(name, "*");
        } else {
            g.writeNumberProperty(name, v);
        }
    }

    private static String cell(Long v) {
        return v == null ? "*" : Long.toString(v);
    }

    private static String safe(String s) {
        return Cells.spreadsheetSafe(s == null ? "" : s);
    }
}
