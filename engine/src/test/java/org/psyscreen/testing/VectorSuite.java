package org.psyscreen.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.psyscreen.explain.ScoringExplanation;
import org.psyscreen.plan.ScoringPlan;
import org.psyscreen.score.ResponseRow;
import org.psyscreen.score.ScoredResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a Wycheproof-style scoring vector file against a plan. Each test gives answers by item id, as
 * cells a file or form carries (read with {@link ResponseRow#cell}, as the batch reads them),
 * and the expected status, reasons, scales (null = incomplete), prorated scales, critical states and
 * validity measures; only the fields a test lists are compared. Every test is also run through the
 * explanation path and the {@link NaiveScorer}, which must agree.
 */
public final class VectorSuite {
    private VectorSuite() {}

    /** One parsed test, for parameterised runners. */
    public record Case(Path file, JsonNode test, double tolerance, List<String> notes) {
        @Override
        public String toString() {
            return file.getFileName() + " #" + test.get("tcId").asInt() + " "
                    + test.get("comment").asString();
        }
    }

    /** Reads every test of a vector file. */
    public static List<Case> read(Path file) {
        try {
            JsonNode root = JsonMapper.builder().build().readTree(Files.readString(file));
            assertThat(root.get("schema").asString()).isEqualTo("psyscreen-scoring-vectors/1");
            assertThat(root.get("source").get("name").asString())
                    .as("vector file %s names its source", file)
                    .isNotBlank();
            double tol = root.has("tolerance")
                    ? root.get("tolerance").get("absolute").asDouble()
                    : 0.0;
            List<String> notes = new ArrayList<>();
            root.get("notes").propertyNames().forEach(notes::add);
            List<Case> out = new ArrayList<>();
            for (JsonNode t : root.get("tests")) {
                out.add(new Case(file, t, tol, notes));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Answers of a test as an array in plan order. */
    public static String[] answers(ScoringPlan plan, JsonNode test) {
        String[] row = new String[plan.itemCount()];
        for (String id : test.get("answers").propertyNames()) {
            int i = plan.itemIndex(id);
            assertThat(i).as("vector answers a declared item: %s", id).isGreaterThanOrEqualTo(0);
            row[i] = test.get("answers").get(id).asString();
        }
        return row;
    }

    /** Runs one case and asserts everything it lists. */
    public static void check(ScoringPlan plan, Case c) {
        JsonNode t = c.test();
        assertThat(t.get("comment").asString()).isNotBlank();
        for (JsonNode f : t.get("flags")) {
            assertThat(c.notes())
                    .as("flag %s is explained in notes", f.asString())
                    .contains(f.asString());
        }
        // Answers are cells as a file or form carries them, read as every front end reads them.
        String[] row = answers(plan, t);
        for (int i = 0; i < row.length; i++) {
            row[i] = ResponseRow.cell(row[i]);
        }
        ScoredResponse r = plan.score(ResponseRow.of(row));
        JsonNode e = t.get("expected");
        assertThat(r.status().name()).as("status").isEqualTo(e.get("status").asString());
        if (e.has("reasons")) {
            List<String> reasons = new ArrayList<>();
            e.get("reasons").forEach(x -> reasons.add(x.asString()));
            assertThat(r.reasons().stream().map(Object::toString).toList())
                    .as("reasons")
                    .isEqualTo(reasons);
        }
        if (e.has("scales")) {
            for (String s : e.get("scales").propertyNames()) {
                JsonNode v = e.get("scales").get(s);
                if (v.isNull()) {
                    assertThat(r.scale(s).scored()).as("scale %s incomplete", s).isFalse();
                } else {
                    assertThat(r.scale(s).scored()).as("scale %s scored", s).isTrue();
                    assertThat(r.scale(s).value()).as("scale %s", s).isCloseTo(v.asDouble(), within(c.tolerance()));
                }
            }
        }
        if (e.has("prorated")) {
            List<String> expected = new ArrayList<>();
            e.get("prorated").forEach(x -> expected.add(x.asString()));
            assertThat(r.scales().stream()
                            .filter(x -> x.prorated())
                            .map(x -> x.id())
                            .toList())
                    .as("prorated")
                    .isEqualTo(expected);
        }
        if (e.has("critical")) {
            for (String k : e.get("critical").propertyNames()) {
                assertThat(r.critical(k).name())
                        .as("critical %s", k)
                        .isEqualTo(e.get("critical").get(k).asString());
            }
        }
        if (e.has("validity")) {
            for (String k : e.get("validity").propertyNames()) {
                JsonNode v = e.get("validity").get(k);
                if (v.isNull()) {
                    assertThat(r.validityMeasure(k))
                            .as("validity %s not evaluable", k)
                            .isNaN();
                } else {
                    assertThat(r.validityMeasure(k)).as("validity %s", k).isEqualTo(v.asDouble());
                }
            }
        }
        // The explanation path is the same scorer: same result.
        assertThat(ScoringExplanation.explain(plan, ResponseRow.of(row)).result())
                .isEqualTo(r);
        // The naive reference agrees.
        assertAgrees(plan, row, r, c.tolerance());
    }

    /** Asserts that the naive scorer and the plan agree on a form. */
    public static void assertAgrees(ScoringPlan plan, String[] row, ScoredResponse r, double tolerance) {
        Map<String, String> byId = new HashMap<>();
        for (int i = 0; i < row.length; i++) {
            if (row[i] != null) {
                byId.put(plan.itemIds().get(i), row[i]);
            }
        }
        NaiveScorer.Result n = NaiveScorer.score(plan.definition(), byId);
        assertThat(r.status().name()).as("naive status").isEqualTo(n.status());
        assertThat(r.reasons().stream().map(Object::toString).toList())
                .as("naive reasons")
                .isEqualTo(n.reasons());
        for (var s : r.scales()) {
            Double nv = n.scales().get(s.id());
            if (nv == null) {
                assertThat(s.scored()).as("naive: %s incomplete", s.id()).isFalse();
            } else {
                assertThat(s.value()).as("naive: scale %s", s.id()).isCloseTo(nv, within(tolerance));
                assertThat(s.prorated())
                        .as("naive: %s prorated", s.id())
                        .isEqualTo(n.prorated().get(s.id()));
            }
        }
        for (String k : r.criticalIds()) {
            assertThat(r.critical(k).name())
                    .as("naive: critical %s", k)
                    .isEqualTo(n.critical().get(k));
        }
        for (String k : r.validityIds()) {
            Double nv = n.validity().get(k);
            if (nv == null) {
                assertThat(r.validityMeasure(k)).isNaN();
            } else {
                assertThat(r.validityMeasure(k)).as("naive: validity %s", k).isEqualTo(nv);
            }
        }
    }
}
