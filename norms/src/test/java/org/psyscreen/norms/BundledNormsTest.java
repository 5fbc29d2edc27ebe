package org.psyscreen.norms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.psyscreen.diagnostic.ProblemCode;
import org.psyscreen.diagnostic.Severity;
import org.psyscreen.load.InstrumentCatalog;
import org.psyscreen.load.LoadResult;
import org.psyscreen.load.NormCatalog;
import org.psyscreen.norm.NormTable;
import org.psyscreen.testing.Golden;
import org.psyscreen.testing.NormVectorSuite;

/**
 * Every bundled norm table: indexed, loads against the bundled instruments, says honestly whether
 * it is synthetic or verified, has SOURCES.md and vectors, and prints the golden listing.
 */
class BundledNormsTest {
    static final Path ROOT = Path.of("src/main/resources/META-INF/psyscreen/norms");
    static final InstrumentCatalog INSTRUMENTS =
            InstrumentCatalog.fromClassPath(BundledNormsTest.class.getClassLoader());
    static final NormCatalog NORMS = NormCatalog.fromClassPath(BundledNormsTest.class.getClassLoader());

    static Stream<String> folders() throws Exception {
        try (Stream<Path> s = Files.list(ROOT)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    static LoadResult<NormTable> load(String id) {
        return NORMS.load(id, INSTRUMENTS::resolve).orElseThrow();
    }

    @Test
    void theIndexListsEveryFolder() throws Exception {
        assertThat(NORMS.ids()).containsExactlyInAnyOrderElementsOf(folders().toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("folders")
    void loadsWithNoErrorAndStatesItsStatus(String id) throws Exception {
        LoadResult<NormTable> r = load(id);
        assertThat(r.problems().hasErrors()).as(r.problems().format()).isFalse();
        var d = r.orThrow().definition();
        if (d.synthetic()) {
            assertThat(d.id()).contains("synthetic");
            assertThat(r.problems().all()).isEmpty();
        } else if (!d.verified()) {
            // An unverified real table always warns, so nobody mistakes it for a checked one.
            assertThat(r.problems().all()).singleElement().satisfies(p -> {
                assertThat(p.code()).isEqualTo(ProblemCode.NORM_CITATION);
                assertThat(p.severity()).isEqualTo(Severity.WARNING);
            });
        }
        assertThat(ROOT.resolve(id).resolve("SOURCES.md")).exists();
    }

    static Stream<Object[]> vectors() throws Exception {
        List<Object[]> out = new ArrayList<>();
        for (String id : folders().toList()) {
            Path f = ROOT.resolve(id).resolve("vectors/lookup.json");
            if (Files.exists(f)) {
                NormVectorSuite.read(f).forEach(c -> out.add(new Object[] {id, c}));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("vectors")
    void vector(String id, NormVectorSuite.Case c) {
        NormVectorSuite.check(load(id).orThrow(), c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("folders")
    void everyTableHasVectors(String id) {
        assertThat(ROOT.resolve(id).resolve("vectors/lookup.json")).exists();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("folders")
    void printsTheGoldenListing(String id) {
        Golden.assertMatches(
                ROOT.resolve(id).resolve("listing.txt"), load(id).orThrow().describe());
    }
}
