package org.psyscreen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psyscreen.load.MappingLoader;

/** psyscreen mapping writes a starting mapping from an export's header (issue 14). */
class MappingCommandTest {
    static final Path EXPORT = Path.of("../wjx/wjx-export.csv");
    static final Path BUNDLED = Path.of("../wjx/wjx-mapping.yaml");

    @Test
    void theStartingMappingOfTheWjxExportIsTheHandWrittenOneButForValues(@TempDir Path dir) throws Exception {
        MainTest.Run r = MainTest.run("mapping", "--policy", "example-a-glad-pc", EXPORT.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).doesNotContain("示例学生", "192.0.2.", "W2026"); // only the header was read
        Path written = Files.writeString(dir.resolve("start.yaml"), r.out());
        var start = MappingLoader.load(written);
        assertThat(start.ok()).as(start.problems().format()).isTrue();
        var bundled = MappingLoader.load(BUNDLED).orThrow();
        assertThat(start.orThrow().columns()).isEqualTo(bundled.columns());
        assertThat(start.orThrow().ignore()).containsExactlyInAnyOrderElementsOf(bundled.ignore());

        // Filled in with the values the export needs, it scores like the bundled mapping.
        String values = Files.readString(BUNDLED, StandardCharsets.UTF_8);
        Path filled =
                Files.writeString(dir.resolve("filled.yaml"), r.out() + values.substring(values.indexOf("values:")));
        assertThat(MainTest.run(
                                "score",
                                "--policy",
                                "example-a-glad-pc",
                                "--mapping",
                                filled.toString(),
                                "--out",
                                dir.resolve("a").toString(),
                                EXPORT.toString())
                        .exit())
                .isZero();
        assertThat(MainTest.run(
                                "score",
                                "--policy",
                                "example-a-glad-pc",
                                "--mapping",
                                BUNDLED.toString(),
                                "--out",
                                dir.resolve("b").toString(),
                                EXPORT.toString())
                        .exit())
                .isZero();
        assertThat(Files.readString(dir.resolve("a/scores.csv")))
                .isEqualTo(Files.readString(dir.resolve("b/scores.csv")));
    }

    @Test
    void withoutInstrumentsItSaysWhatToGive() {
        MainTest.Run r = MainTest.run("mapping", EXPORT.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--policy ID or --instrument ID");
    }
}
