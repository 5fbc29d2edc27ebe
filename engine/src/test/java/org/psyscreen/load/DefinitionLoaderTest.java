package org.psyscreen.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psyscreen.definition.InstrumentDefinition;
import org.psyscreen.diagnostic.DefinitionException;
import org.psyscreen.diagnostic.ProblemCode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

class DefinitionLoaderTest {
    static final Path DEMO = Path.of("src/test/resources/definitions/good/demo.yaml");

    @Test
    void loadsTheGoodBase() {
        LoadResult<InstrumentDefinition> r = DefinitionLoader.load(DEMO);
        assertThat(r.problems().all()).isEmpty();
        InstrumentDefinition d = r.orThrow();
        assertThat(d.key()).isEqualTo("demo@1.0.0");
        assertThat(d.items()).hasSize(10);
        assertThat(d.item("q3").orElseThrow().reverse()).isTrue();
        assertThat(d.scale("lie").orElseThrow().required()).isFalse();
        assertThat(r.sha256()).hasSize(64).matches("[0-9a-f]+");
    }

    @Test
    void jsonAndYamlOfTheSameDefinitionLoadEqual() throws Exception {
        JsonNode tree = YAMLMapper.builder().build().readTree(Files.readString(DEMO));
        byte[] json = JsonMapper.builder().build().writeValueAsBytes(tree);
        InstrumentDefinition fromJson = DefinitionLoader.load("demo.json", json).orThrow();
        assertThat(fromJson).isEqualTo(DefinitionLoader.load(DEMO).orThrow());
    }

    @Test
    void utf8ByteOrderMarkIsAccepted() throws Exception {
        byte[] body = Files.readAllBytes(DEMO);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        assertThat(DefinitionLoader.load("bom.yaml", withBom).ok()).isTrue();
    }

    @Test
    void anUnreadableFileIsAProblemNotAnException(@TempDir Path dir) {
        LoadResult<InstrumentDefinition> r = DefinitionLoader.load(dir.resolve("absent.yaml"));
        assertThat(r.ok()).isFalse();
        assertThat(r.problems().all())
                .singleElement()
                .satisfies(p -> assertThat(p.code()).isEqualTo(ProblemCode.FILE_UNREADABLE));
        assertThatThrownBy(r::orThrow).isInstanceOf(DefinitionException.class).hasMessageContaining("PSY-1001");
    }

    @Test
    void anOversizedFileIsRefusedBeforeParsing() {
        byte[] big = new byte[4 * 1024 * 1024 + 1];
        java.util.Arrays.fill(big, (byte) ' ');
        LoadResult<InstrumentDefinition> r = DefinitionLoader.load("big.yaml", big);
        assertThat(r.problems().all())
                .singleElement()
                .satisfies(p -> assertThat(p.code()).isEqualTo(ProblemCode.FILE_TOO_LARGE));
    }

    @Test
    void billionLaughsIsRefusedQuickly() {
        StringBuilder y =
                new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'i'; c++) {
            char p = (char) (c - 1);
            y.append(c).append(": &").append(c).append(" [");
            for (int k = 0; k < 9; k++) {
                y.append(k == 0 ? "" : ",").append('*').append(p);
            }
            y.append("]\n");
        }
        byte[] bytes = y.toString().getBytes(StandardCharsets.UTF_8);
        long start = System.nanoTime();
        LoadResult<InstrumentDefinition> r = DefinitionLoader.load("laughs.yaml", bytes);
        // Generous bound: this guards against expansion (minutes, gigabytes), not a speed target.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(r.problems().all()).anySatisfy(p -> assertThat(p.code()).isEqualTo(ProblemCode.YAML_ALIAS));
    }

    @Test
    void inCodeDefinitionsGetTheSameChecks() {
        InstrumentDefinition good = DefinitionLoader.load(DEMO).orThrow();
        assertThat(DefinitionLoader.check(good)).isEmpty();
        var items = new java.util.ArrayList<>(good.items());
        items.add(items.get(0)); // duplicate id q1
        InstrumentDefinition bad = new InstrumentDefinition(
                good.id(),
                good.version(),
                good.name(),
                good.licence(),
                good.citations(),
                good.responseSets(),
                items,
                good.scales(),
                good.validity(),
                good.critical());
        assertThat(DefinitionLoader.check(bad))
                .hasValueSatisfying(p ->
                        assertThat(p.all()).anySatisfy(x -> assertThat(x.code()).isEqualTo(ProblemCode.DUPLICATE_ID)));
    }
}
