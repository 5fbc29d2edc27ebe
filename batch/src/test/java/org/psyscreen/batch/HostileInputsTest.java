package org.psyscreen.batch;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.psyscreen.diagnostic.Problem;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Walks {@code src/test/resources/hostile/}: every case's input against its expected outcome (issue 12). */
class HostileInputsTest {
    static final Path CASES = Path.of("src/test/resources/hostile");
    private static final Pattern REPEAT = Pattern.compile("\\{\\{repeat (\\d+) ([^}]*)}}");

    static Stream<Path> cases() throws Exception {
        try (Stream<Path> s = Files.list(CASES)) {
            return s.filter(Files::isDirectory).sorted().toList().stream();
        }
    }

    static String expand(String template) {
        Matcher m = REPEAT.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(m.group(2).repeat(Integer.parseInt(m.group(1)))));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyHostileInputHasItsExpectedOutcome(Path folder, @TempDir Path dir) throws Exception {
        Properties expected = new Properties();
        try (Reader r = Files.newBufferedReader(folder.resolve("expected.properties"), StandardCharsets.UTF_8)) {
            expected.load(r);
        }
        Path in = dir.resolve("input.csv");
        Files.writeString(in, expand(Files.readString(folder.resolve("input.csv"), StandardCharsets.UTF_8)));
        Path out = dir.resolve("out");
        RunSummary s = new BatchScorer(BatchFixtures.options()).run(in, out);
        String name = folder.getFileName().toString();

        boolean scored = Boolean.parseBoolean(expected.getProperty("scored"));
        assertThat(s.scored())
                .as(name + " scored; problems: " + s.fileProblems().format())
                .isEqualTo(scored);
        if (expected.containsKey("fileProblem")) {
            List<String> codes =
                    Arrays.asList(expected.getProperty("fileProblem").split(" "));
            assertThat(s.fileProblems().all())
                    .as(name)
                    .isNotEmpty()
                    .allSatisfy(p -> assertThat(codes).contains(p.code().id()));
        }
        if (expected.containsKey("summaryMaxBytes")) {
            assertThat(Files.size(out.resolve("summary.json")))
                    .as(name + ": summary.json stays small")
                    .isLessThanOrEqualTo(Long.parseLong(expected.getProperty("summaryMaxBytes")));
            JsonNode summary = JsonMapper.builder()
                    .build()
                    .readTree(out.resolve("summary.json").toFile());
            assertThat(summary.get("fileProblemsNotListed").asLong()).isPositive();
        }
        JsonNode summaryJson = JsonMapper.builder()
                .build()
                .readTree(out.resolve("summary.json").toFile());
        s.codeCounts()
                .keySet()
                .forEach(code -> assertThat(
                                summaryJson.path("problemMeanings").path(code).asString())
                        .as(name + ": the summary says what " + code + " means")
                        .isNotBlank());
        s.fileProblems()
                .all()
                .forEach(p -> assertThat(summaryJson
                                .path("problemMeanings")
                                .path(p.code().id())
                                .asString())
                        .as(name + ": the summary says what " + p.code().id() + " means")
                        .isNotBlank());
        if (scored) {
            assertThat(s.countsMatch()).isTrue();
            List<NamedCsvRecord> rows;
            try (CsvReader<NamedCsvRecord> r = CsvReader.builder().ofNamedCsvRecord(out.resolve("scores.csv"))) {
                rows = r.stream().toList();
            }
            assertThat(rows).hasSize(Integer.parseInt(expected.getProperty("records")));
            for (String key : expected.stringPropertyNames()) {
                if (key.startsWith("record.")) {
                    String[] k = key.split("\\.");
                    NamedCsvRecord row = rows.get(Integer.parseInt(k[1]) - 1);
                    String want = expected.getProperty(key);
                    String as = name + " record " + k[1] + " " + k[2];
                    switch (k[2]) {
                        case "problems" ->
                            assertThat(codes(row.getField("problems"))).as(as).isEqualTo(want);
                        case "status" ->
                            assertThat(row.getField("demo.status")).as(as).isEqualTo(want);
                        case "critical" ->
                            assertThat(row.getField("demo.critical.danger_positive"))
                                    .as(as)
                                    .isEqualTo(want);
                        case "rules" ->
                            assertThat(row.getField("rules_fired")).as(as).contains(want);
                        case "notLowest" ->
                            assertThat(row.getField("tier").isEmpty()
                                            && row.getField("follow_ups").isEmpty()
                                            && !unevaluated(out, Integer.parseInt(k[1])))
                                    .as(as + ": never the lowest outcome")
                                    .isFalse();
                        default -> throw new AssertionError("unknown expectation " + key);
                    }
                }
                if (key.startsWith("tier.")) {
                    assertThat(s.tierCounts().get(key.substring(5)))
                            .as(name + " " + key)
                            .isEqualTo(Long.parseLong(expected.getProperty(key)));
                }
            }
        }
        if (expected.containsKey("absent")) {
            StringBuilder everything = new StringBuilder(s.fileProblems().format());
            try (Stream<Path> files = Files.list(out)) {
                for (Path f : files.toList()) {
                    everything.append(Files.readString(f, StandardCharsets.UTF_8));
                }
            }
            for (Problem p : s.fileProblems().all()) {
                everything.append(p.message()).append(p.fix());
            }
            for (String sentinel : expected.getProperty("absent").split(" ")) {
                assertThat(everything.toString()).as(name + ": never echoed").doesNotContain(sentinel);
            }
        }
    }

    /** The problem codes of a problems cell, in order, space-separated. */
    static String codes(String cell) {
        List<String> out = new ArrayList<>();
        for (String p : cell.split(" \\| ")) {
            if (p.length() >= 8) {
                out.add(p.substring(0, 8));
            }
        }
        return String.join(" ", out);
    }

    /** Whether the JSON Lines record lists a rule that could not be evaluated. */
    static boolean unevaluated(Path out, int record) throws Exception {
        String line = Files.readAllLines(out.resolve("scores.jsonl")).get(record - 1);
        JsonNode n = JsonMapper.builder().build().readTree(line);
        return n.path("decision").path("unevaluated").size() > 0;
    }
}
