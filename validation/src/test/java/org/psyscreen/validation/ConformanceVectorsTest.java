package org.psyscreen.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.psyscreen.load.Bundle;
import org.psyscreen.plan.ScoringPlan;
import org.psyscreen.score.ResponseRow;
import org.psyscreen.score.ScoredResponse;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** A vendor's answers to the published vectors: right answers pass, a wrong one is named with its rule. */
class ConformanceVectorsTest {
    static final Bundle BUNDLE = Bundle.classPath(ConformanceVectorsTest.class.getClassLoader());
    static final JsonMapper JSON = JsonMapper.builder().build();

    /** A "vendor" that is psyscreen itself, answering every vector as the format asks. */
    static ObjectNode answers(ConformanceVectors v, ScoringPlan plan) {
        ObjectNode a = JSON.createObjectNode();
        a.put("format", ConformanceVectors.ANSWERS_FORMAT);
        a.put("instrument", v.instrument());
        var results = a.putArray("results");
        for (var t : v.vectors().path("tests")) {
            String[] cells = new String[plan.itemCount()];
            for (int i = 0; i < cells.length; i++) {
                cells[i] = t.path("answers").path(plan.itemIds().get(i)).asString("");
            }
            ScoredResponse r = plan.score(ResponseRow.ofCells(cells)); // cells, read as every front end reads them
            ObjectNode o = results.addObject();
            o.put("tcId", t.path("tcId").asInt());
            o.put("status", r.status().name());
            ObjectNode scales = o.putObject("scales");
            for (int s = 0; s < r.scaleIds().size(); s++) {
                double x = r.scaleValue(s);
                if (Double.isNaN(x)) {
                    scales.putNull(r.scaleIds().get(s));
                } else {
                    scales.put(r.scaleIds().get(s), x);
                }
            }
        }
        return a;
    }

    @ParameterizedTest
    @ValueSource(strings = {"phq9", "phqa", "gad7", "scared", "cesd"})
    void rightAnswersPassAndAWrongOneIsNamedWithItsRule(String id) throws Exception {
        ConformanceVectors v = ConformanceVectors.bundled(id, getClass().getClassLoader());
        ScoringPlan plan = BUNDLE.plan(id).orElseThrow();
        assertThat(v.instrument()).isEqualTo(plan.key());
        ObjectNode right = answers(v, plan);
        var ok = v.check(new ByteArrayInputStream(right.toString().getBytes(StandardCharsets.UTF_8)));
        assertThat(ok.error()).isNull();
        assertThat(ok.failures()).isEmpty();
        assertThat(ok.passed()).isEqualTo(ok.vectors()).isPositive();

        // A vendor that reports a number for a scale the vector says has none (a prorated guess).
        ObjectNode wrong = answers(v, plan);
        var vector = java.util.stream.StreamSupport.stream(
                        v.vectors().path("tests").spliterator(), false)
                .filter(t -> t.path("expected").path("scales").properties().stream()
                        .anyMatch(e -> e.getValue().isNull()))
                .findFirst()
                .orElseThrow();
        String scale = vector.path("expected").path("scales").properties().stream()
                .filter(e -> e.getValue().isNull())
                .findFirst()
                .orElseThrow()
                .getKey();
        var firstUnscored = java.util.stream.StreamSupport.stream(
                        wrong.path("results").spliterator(), false)
                .filter(r -> r.path("tcId").asInt() == vector.path("tcId").asInt())
                .findFirst()
                .orElseThrow();
        ((ObjectNode) firstUnscored.path("scales")).put(scale, 7);
        var bad = v.check(new ByteArrayInputStream(wrong.toString().getBytes(StandardCharsets.UTF_8)));
        assertThat(bad.failures()).singleElement().satisfies(f -> {
            assertThat(f.tcId()).isEqualTo(firstUnscored.path("tcId").asInt());
            assertThat(f.rules()).isNotEmpty();
            assertThat(f.got()).contains("7");
        });
        assertThat(bad.passed()).isEqualTo(bad.vectors() - 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"format\": \"other\"}", "not json"})
    void answersInAnotherFormatAreRefusedWithTheFix(String text) throws Exception {
        ConformanceVectors v = ConformanceVectors.bundled("gad7", getClass().getClassLoader());
        var r = v.check(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        assertThat(r.error()).isNotNull();
    }

    /** Issue 27: deeply nested answers are refused with a reason (they threw NullPointerException). */
    @org.junit.jupiter.api.Test
    void deeplyNestedAnswersAreRefusedNotACrash() throws Exception {
        ConformanceVectors v = ConformanceVectors.bundled("gad7", getClass().getClassLoader());
        String deep = "{\"format\":\"psyscreen-vector-answers/1\",\"instrument\":\"gad7@1.0.0\",\"results\":"
                + "[".repeat(3000) + "]".repeat(3000) + "}";
        var r = v.check(new ByteArrayInputStream(deep.getBytes(StandardCharsets.UTF_8)));
        assertThat(r.error()).contains("limits");
    }

    /** Issue 27: a tcId answered twice is refused; the last answer no longer wins silently. */
    @org.junit.jupiter.api.Test
    void aTcIdAnsweredTwiceIsRefused() throws Exception {
        ConformanceVectors v = ConformanceVectors.bundled("gad7", getClass().getClassLoader());
        String twice = "{\"format\":\"psyscreen-vector-answers/1\",\"instrument\":\"gad7@1.0.0\",\"results\":["
                + "{\"tcId\":1,\"status\":\"SCORED\"},{\"tcId\":1,\"status\":\"INVALID\"}]}";
        var r = v.check(new ByteArrayInputStream(twice.getBytes(StandardCharsets.UTF_8)));
        assertThat(r.error()).contains("tcId 1 more than once");
    }
}
