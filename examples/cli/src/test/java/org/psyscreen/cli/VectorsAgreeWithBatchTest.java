package org.psyscreen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.psyscreen.load.Bundle;
import org.psyscreen.plan.ScoringPlan;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 26, case 7: the conformance vectors a vendor is given and the batch a school runs say the
 * same thing. Every bundled instrument's vectors are written as a response file (answers as the
 * vectors give them, cells included) and scored with {@code psyscreen score --instrument}; each
 * record's status and every scale the vector lists must be what the vector expects.
 */
class VectorsAgreeWithBatchTest {
    @ParameterizedTest
    @ValueSource(strings = {"phq9", "phqa", "gad7", "scared", "cesd"})
    void theBatchScoresEveryVectorAsTheVectorSays(String id, @TempDir Path dir) throws Exception {
        ScoringPlan plan =
                Bundle.classPath(getClass().getClassLoader()).plan(id).orElseThrow();
        JsonNode vectors;
        try (InputStream in = getClass()
                .getClassLoader()
                .getResourceAsStream("META-INF/psyscreen/instruments/" + id + "/vectors/scoring.json")) {
            vectors = JsonMapper.builder().build().readTree(in);
        }
        List<JsonNode> tests = vectors.get("tests").valueStream().toList();
        StringWriter csv = new StringWriter();
        try (CsvWriter w = CsvWriter.builder().build(csv)) {
            w.writeRecord(java.util.stream.Stream.concat(
                            java.util.stream.Stream.of("student_id"),
                            plan.itemIds().stream().map(item -> id + "." + item))
                    .toList());
            for (JsonNode t : tests) {
                List<String> row = new java.util.ArrayList<>();
                row.add("V" + t.get("tcId").asInt());
                for (String item : plan.itemIds()) {
                    JsonNode a = t.get("answers").get(item);
                    row.add(a == null ? "" : a.asString());
                }
                w.writeRecord(row);
            }
        }
        Path input = dir.resolve("vectors.csv");
        Files.writeString(input, csv.toString(), StandardCharsets.UTF_8);
        MainTest.Run run = MainTest.run(
                "score",
                "--instrument",
                id,
                "--outputs",
                "csv",
                "--out",
                dir.resolve("out").toString(),
                input.toString());
        assertThat(run.exit()).as(run.err()).isZero();

        List<NamedCsvRecord> rows;
        try (var reader = CsvReader.builder().ofNamedCsvRecord(dir.resolve("out/scores.csv"))) {
            rows = reader.stream().toList();
        }
        assertThat(rows).hasSameSizeAs(tests);
        for (int k = 0; k < tests.size(); k++) {
            JsonNode t = tests.get(k);
            NamedCsvRecord r = rows.get(k);
            JsonNode e = t.get("expected");
            String where = id + " tcId " + t.get("tcId").asInt() + " ("
                    + t.get("comment").asString() + ")";
            assertThat(r.getField("student")).isEqualTo("V" + t.get("tcId").asInt());
            assertThat(r.getField(id + ".status"))
                    .as(where)
                    .isEqualTo(e.get("status").asString());
            if (e.has("scales")) {
                for (String s : e.get("scales").propertyNames()) {
                    JsonNode v = e.get("scales").get(s);
                    String cell = r.getField(id + "." + s);
                    if (v.isNull()) {
                        assertThat(cell).as(where + " " + s).isEmpty();
                    } else {
                        assertThat(Double.parseDouble(cell))
                                .as(where + " " + s)
                                .isCloseTo(v.asDouble(), org.assertj.core.api.Assertions.within(0.01));
                    }
                }
            }
        }
    }
}
