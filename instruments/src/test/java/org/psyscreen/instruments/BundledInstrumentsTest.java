package org.psyscreen.instruments;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.psyscreen.definition.InstrumentDefinition;
import org.psyscreen.load.InstrumentCatalog;
import org.psyscreen.load.JsonSchemaTest;
import org.psyscreen.load.LoadResult;
import org.psyscreen.plan.PlanCompiler;
import org.psyscreen.testing.Golden;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Every bundled instrument folder: listed in the index, loads with no problem at all, may be
 * bundled under its licence, validates against the editor schema, cites its facts in SOURCES.md,
 * and compiles to the plan in its golden {@code plan.txt}.
 */
class BundledInstrumentsTest {
    static final Path ROOT = Path.of("src/main/resources/META-INF/psyscreen/instruments");

    public static Stream<String> folders() throws Exception {
        try (Stream<Path> s = Files.list(ROOT)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    public static InstrumentCatalog catalog() {
        return InstrumentCatalog.fromClassPath(BundledInstrumentsTest.class.getClassLoader());
    }

    @Test
    void theIndexListsEveryFolderAndNothingElse() throws Exception {
        assertThat(catalog().ids())
                .containsExactlyInAnyOrderElementsOf(folders().toList());
    }

    @Test
    void everyBundledDefinitionWasCheckedAndStampedByThisEngineWhenTheJarWasBuilt() {
        var stamped = org.psyscreen.internal.check.BundleStamps.trusted(BundledInstrumentsTest.class.getClassLoader());
        assertThat(catalog().entries()).hasSize(5).allSatisfy(e -> {
            assertThat(stamped).containsKey(e.resource());
            assertThat(stamped.get(e.resource())).isEqualTo(org.psyscreen.load.DefinitionLoader.sha256(e.content()));
            // the stamp vouches for what a full check finds: no error
            assertThat(e.load().ok()).isTrue();
        });
    }

    @Test
    void theFiveInstrumentsOfTheFoundationAreBundled() {
        assertThat(catalog().ids()).containsExactlyInAnyOrder("phq9", "phqa", "gad7", "scared", "cesd");
    }

    @Test
    void everyBundledKeyResolvesOnceAndAnUnknownKeyDoesNot() {
        InstrumentCatalog catalog = catalog();
        for (InstrumentCatalog.Entry e : catalog.entries()) {
            String key = e.load().orThrow().key();
            InstrumentDefinition first = catalog.resolve(key).orElseThrow();
            assertThat(first.key()).isEqualTo(key);
            assertThat(catalog.resolve(key).orElseThrow())
                    .as("loaded and checked once per catalog")
                    .isSameAs(first);
        }
        assertThat(catalog.resolve("phq9@0.0.0-no-such-version")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("folders")
    void loadsCleanlyAndMayBeBundled(String id) throws Exception {
        LoadResult<InstrumentDefinition> r = catalog().find(id).orElseThrow().load();
        assertThat(r.problems().all()).as("problems in %s", id).isEmpty();
        InstrumentDefinition d = r.orThrow();
        assertThat(d.id()).isEqualTo(id);
        assertThat(d.licence().status().bundleable())
                .as("licence of %s allows bundling", id)
                .isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("folders")
    void validatesAgainstTheEditorSchema(String id) throws Exception {
        var tree = YAMLMapper.builder()
                .build()
                .readTree(Files.readString(ROOT.resolve(id).resolve("definition.yaml")));
        assertThat(JsonSchemaTest.schema().validate(tree)).as(id).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("folders")
    void sourcesFileNamesEveryCitation(String id) throws Exception {
        Path sources = ROOT.resolve(id).resolve("SOURCES.md");
        assertThat(sources).exists();
        String text = Files.readString(sources);
        InstrumentDefinition d = catalog().find(id).orElseThrow().load().orThrow();
        for (var c : d.citations()) {
            assertThat(text)
                    .as("SOURCES.md of %s mentions citation %s", id, c.id())
                    .contains(c.id());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("folders")
    void compilesToTheGoldenPlan(String id) {
        var r = catalog().find(id).orElseThrow().load();
        Golden.assertMatches(
                ROOT.resolve(id).resolve("plan.txt"),
                PlanCompiler.compile(r.orThrow(), r.sha256()).describe());
    }

    @Test
    void itemLabelsAreShortAndOurOwn() {
        // Labels are ours and short; a long label is a sign that item wording was pasted in.
        for (var e : catalog().entries()) {
            List<String> labels =
                    e.load().orThrow().items().stream().map(i -> i.label()).toList();
            assertThat(labels).allMatch(l -> l.length() <= 60);
        }
    }
}
