package org.psyscreen.validation;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The published conformance vectors of a bundled instrument ({@code psyscreen-scoring-vectors/1}):
 * answers in, the expected status, reasons and scale scores out, each vector with flags whose notes
 * name the rule it tests. A vendor's system in any language runs them and writes its answers
 * ({@code psyscreen-vector-answers/1}: {@code {"format", "instrument", "results": [{"tcId", "status",
 * "scales": {scale: number | null}}]}}); {@link #check} compares them with the expected results.
 *
 * @param instrument id@version
 * @param vectors the vectors' JSON, as published
 */
public record ConformanceVectors(String instrument, JsonNode vectors) {

    /** The {@code format} of a published vectors file. */
    public static final String VECTORS_FORMAT = "psyscreen-scoring-vectors/1";

    /** The {@code format} a vendor's answers file must name. */
    public static final String ANSWERS_FORMAT = "psyscreen-vector-answers/1";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * {@return the vectors bundled with instrument {@code id}, or {@code null} when it has none}
     *
     * @param id the instrument's id
     * @param loader where the bundled instruments are
     * @throws IOException when the vectors cannot be read
     */
    public static ConformanceVectors bundled(String id, ClassLoader loader) throws IOException {
        try (InputStream in =
                loader.getResourceAsStream("META-INF/psyscreen/instruments/" + id + "/vectors/scoring.json")) {
            if (in == null) {
                return null;
            }
            JsonNode v = JSON.readTree(in);
            return new ConformanceVectors(v.path("instrument").asString(""), v);
        }
    }

    /** {@return the vectors' JSON, to give to a vendor} */
    public String json() {
        return vectors.toPrettyString();
    }

    /**
     * One vector the vendor got wrong.
     *
     * @param tcId the vector's id
     * @param comment what the vector is about
     * @param rules the notes of its flags: the rules it tests
     * @param expected the expected result
     * @param got the vendor's result, or "(no answer)"
     */
    public record Failure(int tcId, String comment, List<String> rules, String expected, String got) {}

    /**
     * The outcome of a check.
     *
     * @param vectors how many vectors there are
     * @param passed how many the vendor got right
     * @param failures the rest
     * @param error why the answers could not be checked, or {@code null}
     */
    public record Result(int vectors, int passed, List<Failure> failures, String error) {}

    /**
     * Checks a vendor's answers (their JSON) against the vectors.
     *
     * @param answers the vendor's answers file
     * @return how many vectors the vendor got right, and the failures
     * @throws IOException when the answers cannot be read
     */
    public Result check(InputStream answers) throws IOException {
        JsonNode a;
        try {
            a = JSON.readTree(answers);
        } catch (JacksonException e) {
            return new Result(
                    0,
                    0,
                    List.of(),
                    e instanceof tools.jackson.core.exc.StreamConstraintsException
                            ? "the answers exceed JSON's limits (nesting, length or size): not vector answers"
                            : "the answers are not JSON"
                                    + (e.getLocation() == null
                                            ? ""
                                            : " (line " + e.getLocation().getLineNr() + ")"));
        }
        if (!a.path("format").asString("").equals(ANSWERS_FORMAT)) {
            return new Result(0, 0, List.of(), "the answers need \"format\": \"" + ANSWERS_FORMAT + "\"");
        }
        if (!a.path("instrument").asString("").equals(instrument)) {
            return new Result(
                    0,
                    0,
                    List.of(),
                    "the answers are for '" + a.path("instrument").asString("") + "' and these vectors for "
                            + instrument);
        }
        Map<Integer, JsonNode> byId = new LinkedHashMap<>();
        for (JsonNode r : a.path("results")) {
            int id = r.path("tcId").asInt(-1);
            if (byId.put(id, r) != null) {
                return new Result(
                        0,
                        0,
                        List.of(),
                        "the answers give tcId " + id + " more than once: which one is"
                                + " the system's answer cannot be told");
            }
        }
        int total = 0;
        int passed = 0;
        List<Failure> failures = new ArrayList<>();
        for (JsonNode t : vectors.path("tests")) {
            total++;
            int id = t.path("tcId").asInt();
            JsonNode expected = t.path("expected");
            JsonNode got = byId.get(id);
            if (got != null && agrees(expected, got)) {
                passed++;
                continue;
            }
            List<String> rules = new ArrayList<>();
            for (JsonNode f : t.path("flags")) {
                rules.add(f.asString() + ": "
                        + vectors.path("notes").path(f.asString()).asString(""));
            }
            failures.add(new Failure(
                    id,
                    t.path("comment").asString(""),
                    rules,
                    summary(expected),
                    got == null ? "(no answer)" : summary(got)));
        }
        return new Result(total, passed, failures, null);
    }

    /**
     * Status equal; every scale the vector specifies equal to 1e-9 (one it gives as null: null or
     * absent). A vector claims only what it specifies.
     */
    private static boolean agrees(JsonNode expected, JsonNode got) {
        if (!expected.path("status").asString("").equals(got.path("status").asString(""))) {
            return false;
        }
        for (var e : expected.path("scales").properties()) {
            JsonNode v = got.path("scales").path(e.getKey());
            if (e.getValue().isNull() || e.getValue().isMissingNode()) {
                if (v.isNumber()) {
                    return false;
                }
            } else if (!v.isNumber() || Math.abs(v.asDouble() - e.getValue().asDouble()) > 1e-9) {
                return false;
            }
        }
        return true;
    }

    private static String summary(JsonNode r) {
        return r.path("status").asString("") + (r.has("scales") ? " " + r.path("scales") : "");
    }
}
