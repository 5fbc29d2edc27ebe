package org.psyscreen.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psyscreen.diagnostic.Problem;
import org.psyscreen.diagnostic.ProblemCode;
import org.psyscreen.testing.Demo;
import org.psyscreen.testing.DemoPolicy;

/** Users' own files: found by their format line in any layout, nothing dropped silently, versions exact. */
class BundleTest {
    static final String DEMO = read(Demo.FILE);
    static final String NORMS =
            read(org.psyscreen.testing.EngineFiles.path("src/test/resources/norms/good/demo-parametric.yaml"));
    static final String POLICY = read(DemoPolicy.FILE);

    static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static void write(Path p, String text) throws Exception {
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    static List<ProblemCode> codes(Bundle b) {
        return b.problems().all().stream().map(Problem::code).toList();
    }

    @Test
    void filesAreRecognisedByTheirFormatLineInAnyLayout(@TempDir Path dir) throws Exception {
        write(dir.resolve("a/b/whatever-name.yaml"), DEMO);
        write(dir.resolve("norms.yml"), NORMS);
        write(dir.resolve("deep/er/p.yaml"), POLICY);
        write(dir.resolve("notes.yaml"), "title: not a psyscreen file\n");
        write(dir.resolve("README.md"), "format: psyscreen-instrument/1\n"); // not a data file name
        Bundle b = Bundle.builder().folder(dir).build();
        assertThat(b.problems().all()).isEmpty();
        assertThat(b.instrument("demo")).isPresent();
        assertThat(b.norm("synthetic-demo-total-sex-age@1.0.0")).isPresent();
        assertThat(b.policy("demo-policy")).isPresent();
        assertThat(b.entries())
                .extracting(Bundle.Entry::kind)
                .containsExactly(Bundle.Kind.INSTRUMENT, Bundle.Kind.NORMS, Bundle.Kind.POLICY);
        assertThat(b.plansFor(b.policy("demo-policy").orElseThrow())).containsOnlyKeys("demo");
        assertThat(b.screener("demo-policy").build().instrumentIds()).containsExactly("demo");
    }

    @Test
    void nothingThatFailsIsDroppedSilently(@TempDir Path dir) throws Exception {
        write(dir.resolve("broken.yaml"), DEMO.replace("version: \"1.0.0\"", "version: 1.0"));
        write(dir.resolve("future.yaml"), "format: psyscreen-instrument/9\nid: x\n");
        write(dir.resolve("policy.yaml"), POLICY); // its instrument did not load
        Bundle b = Bundle.builder().folder(dir).folder(dir.resolve("missing")).build();
        assertThat(codes(b))
                .contains(
                        ProblemCode.WRONG_TYPE,
                        ProblemCode.UNSUPPORTED_FORMAT,
                        ProblemCode.POLICY_UNKNOWN_INSTRUMENT,
                        ProblemCode.FILE_UNREADABLE);
        assertThat(b.entries()).noneMatch(Bundle.Entry::ok);
        assertThat(b.problems().format()).contains("broken.yaml", "future.yaml", "policy.yaml", "missing");
    }

    @Test
    void aNamedFileWithoutAFormatLineIsAProblemAndDevicesAreNotRead(@TempDir Path dir) throws Exception {
        Path plain = dir.resolve("plain.yaml");
        write(plain, "id: x\n");
        Path big = dir.resolve("big.yaml");
        write(big, "format: psyscreen-instrument/1\n# " + "x".repeat(5 * 1024 * 1024) + "\n");
        Bundle b = Bundle.builder()
                .file(plain)
                .file(big)
                .file(Path.of("/dev/zero"))
                .build();
        assertThat(codes(b))
                .containsExactlyInAnyOrder(
                        ProblemCode.UNSUPPORTED_FORMAT, ProblemCode.FILE_TOO_LARGE, ProblemCode.FILE_UNREADABLE);
        assertThat(DefinitionLoader.load(Path.of("/dev/zero")).problems().all())
                .extracting(Problem::code)
                .containsExactly(ProblemCode.FILE_UNREADABLE);
    }

    @Test
    void versionsResolveExactly(@TempDir Path dir) throws Exception {
        // The user's 2.0.0 of the same instrument sits in a folder named after the id.
        write(dir.resolve("demo/definition.yaml"), DEMO);
        write(dir.resolve("demo2/definition.yaml"), DEMO.replace("version: \"1.0.0\"", "version: \"2.0.0\""));
        write(
                dir.resolve("pin2.yaml"),
                POLICY.replace("{id: demo, version: \"1.0.0\"}", "{id: demo, version: \"2.0.0\"}")
                        .replace("id: demo-policy", "id: pinned-two")
                        .replace("norms:\n  - {id: synthetic-demo-total-sex-age, version: \"1.0.0\"}\n", "")
                        .replace(
                                "    when: {scale: demo.total, on: t, norm: synthetic-demo-total-sex-age, op: \">=\", value: 70}\n",
                                "    when: {scale: demo.part_a, op: \">=\", value: 7}\n"));
        write(
                dir.resolve("pin3.yaml"),
                POLICY.replace("{id: demo, version: \"1.0.0\"}", "{id: demo, version: \"3.0.0\"}")
                        .replace("id: demo-policy", "id: pinned-three"));
        Bundle b = Bundle.builder().folder(dir).build();
        assertThat(b.instrument("demo").orElseThrow().version())
                .as("bare id: the highest")
                .isEqualTo("2.0.0");
        assertThat(b.instrument("demo@1.0.0")).isPresent();
        assertThat(b.policy("pinned-two")).as(b.problems().format()).isPresent();
        var pinned = b.policy("pinned-two").orElseThrow();
        assertThat(pinned.instrumentKeys()).containsExactly("demo@2.0.0");
        assertThat(b.plansFor(pinned).get("demo").key()).isEqualTo("demo@2.0.0");
        assertThat(b.policy("pinned-three"))
                .as("3.0.0 is not loaded: an error, never 1.0.0 or 2.0.0")
                .isEmpty();
        assertThat(b.problems().format()).contains("PSY-1401", "demo@3.0.0");
    }

    @Test
    void oneVersionNamesExactlyOneContent(@TempDir Path dir) throws Exception {
        write(dir.resolve("a.yaml"), DEMO);
        write(dir.resolve("b.yaml"), DEMO.replace("label: item one", "label: item 1"));
        write(dir.resolve("c.yaml"), DEMO); // the same bytes twice are the same definition
        Bundle b = Bundle.builder().folder(dir).build();
        assertThat(codes(b)).containsExactly(ProblemCode.DUPLICATE_DEFINITION);
        assertThat(b.problems().format()).contains("b.yaml", "demo@1.0.0");
    }

    @Test
    void aThreeMillionCharacterLabelIsRefusedBeforeTheParserBuildsIt() {
        String huge = DEMO.replace("label: item one", "label: " + "x".repeat(3_000_000));
        var r = DefinitionLoader.load("huge.yaml", huge.getBytes(StandardCharsets.UTF_8));
        assertThat(r.problems().all()).extracting(Problem::code).containsExactly(ProblemCode.LIMIT_EXCEEDED);
        assertThat(r.problems().format()).contains("huge.yaml:", "a line has at most");
    }

    @Test
    void versionsCompareNumerically() {
        assertThat(Bundle.compareVersions("1.10.0", "1.9.0")).isPositive();
        assertThat(Bundle.compareVersions("2026.1.0", "2026.1.0")).isZero();
        assertThat(Bundle.compareVersions("1.0.0", "1.0.1")).isNegative();
    }
}
