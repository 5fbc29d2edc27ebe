package org.psyscreen.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.psyscreen.norm.NormResult;
import org.psyscreen.norm.NormTable;
import org.psyscreen.student.Grade;
import org.psyscreen.student.Sex;
import org.psyscreen.student.StudentProfile;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a norm-lookup vector file ({@code psyscreen-norm-vectors/1}): student, raw score, expected
 * NORMED (group, reported T and percentile exactly, exact values within the file's tolerance, flags)
 * or NO_NORM (reason).
 */
public final class NormVectorSuite {
    private NormVectorSuite() {}

    /** One test of a vector file. */
    public record Case(String table, JsonNode test, double tolerance) {
        @Override
        public String toString() {
            return table + " #" + test.get("tcId").asInt() + " "
                    + test.get("comment").asString();
        }
    }

    /** Reads the tests of a file. */
    public static List<Case> read(Path file) {
        try {
            JsonNode root = JsonMapper.builder().build().readTree(Files.readString(file));
            assertThat(root.get("schema").asString()).isEqualTo("psyscreen-norm-vectors/1");
            assertThat(root.get("source").get("name").asString()).isNotBlank();
            double tol = root.get("tolerance").get("absolute").asDouble();
            List<Case> out = new ArrayList<>();
            for (JsonNode t : root.get("tests")) {
                out.add(new Case(root.get("table").asString(), t, tol));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs one case against the table. */
    public static void check(NormTable table, Case c) {
        assertThat(table.key()).isEqualTo(c.table());
        JsonNode s = c.test().get("student");
        StudentProfile p = new StudentProfile(
                s.has("grade") ? Grade.parse(s.get("grade").asString()) : null,
                s.has("sex") ? Sex.valueOf(s.get("sex").asString().toUpperCase(java.util.Locale.ROOT)) : null,
                s.has("birthDate") ? LocalDate.parse(s.get("birthDate").asString()) : null,
                s.has("testDate") ? LocalDate.parse(s.get("testDate").asString()) : null);
        NormResult r = table.lookup(c.test().get("raw").asDouble(), p);
        JsonNode e = c.test().get("expected");
        if (e.get("result").asString().equals("NO_NORM")) {
            assertThat(r).isInstanceOf(NormResult.NoNorm.class);
            assertThat(((NormResult.NoNorm) r).reason().name())
                    .isEqualTo(e.get("reason").asString());
            return;
        }
        assertThat(r).as("normed").isInstanceOf(NormResult.Normed.class);
        NormResult.Normed n = (NormResult.Normed) r;
        if (e.has("group")) {
            assertThat(n.groupId()).isEqualTo(e.get("group").asString());
        }
        if (e.has("t")) {
            assertThat(n.t()).as("reported T").isEqualTo(e.get("t").asDouble());
        }
        if (e.has("percentile")) {
            assertThat(n.percentile())
                    .as("reported percentile")
                    .isEqualTo(e.get("percentile").asDouble());
        }
        if (e.has("tExact")) {
            assertThat(n.tExact())
                    .as("T before rounding")
                    .isCloseTo(e.get("tExact").asDouble(), within(c.tolerance()));
            assertThat(n.percentileExact())
                    .as("percentile before rounding")
                    .isCloseTo(e.get("percentileExact").asDouble(), within(c.tolerance()));
        }
        if (e.has("flags")) {
            List<String> flags = new ArrayList<>();
            e.get("flags").forEach(f -> flags.add(f.asString()));
            assertThat(n.flags()).isEqualTo(flags);
        }
    }
}
