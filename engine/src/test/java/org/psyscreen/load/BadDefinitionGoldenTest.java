package org.psyscreen.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.psyscreen.definition.InstrumentDefinition;
import org.psyscreen.diagnostic.Problem;
import org.psyscreen.diagnostic.ProblemCode;
import org.psyscreen.diagnostic.Severity;
import org.psyscreen.testing.Golden;

/**
 * Walks {@code definitions/bad/<case>/}: each folder holds one bad definition and
 * {@code expected_errors.txt}, the exact printed problems. Cases are made by
 * {@code src/test/python/make_bad_definitions.py} from the good synthetic base.
 */
class BadDefinitionGoldenTest {
    static final Path BAD = Path.of("src/test/resources/definitions/bad");

    /** Codes that no file in the corpus can show; each has its own unit test in DefinitionLoaderTest. */
    static final Set<ProblemCode> COVERED_ELSEWHERE = EnumSet.of(
            ProblemCode.FILE_UNREADABLE,
            ProblemCode.FILE_TOO_LARGE,
            ProblemCode.DUPLICATE_DEFINITION,
            ProblemCode.NO_BUNDLED_DATA,
            ProblemCode.MAPPING_DUPLICATE_TARGET, // MappingLoaderTest
            ProblemCode.MAPPING_ITEM_NUMBER); // MappingLoaderTest

    static Stream<Path> cases() throws IOException {
        try (Stream<Path> s = Files.list(BAD)) {
            return s.filter(Files::isDirectory).sorted().toList().stream();
        }
    }

    static Path definitionFile(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            List<Path> defs = s.filter(p -> p.getFileName().toString().startsWith("definition."))
                    .toList();
            assertThat(defs).as("exactly one definition file in %s", folder).hasSize(1);
            return defs.get(0);
        }
    }

    static LoadResult<InstrumentDefinition> load(Path folder) throws IOException {
        Path file = definitionFile(folder);
        String name = folder.getFileName() + "/" + file.getFileName();
        return DefinitionLoader.load(name, Files.readAllBytes(file));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void printsExactlyTheGoldenProblems(Path folder) throws IOException {
        LoadResult<InstrumentDefinition> r = load(folder);
        Golden.assertMatches(folder.resolve("expected_errors.txt"), r.problems().format());
        if (folder.getFileName().toString().endsWith("-warning-only")) {
            assertThat(r.ok()).as("a warning alone does not stop a definition").isTrue();
            assertThat(r.problems().all()).isNotEmpty().allMatch(p -> p.severity() == Severity.WARNING);
        } else {
            assertThat(r.ok()).as("a bad definition is refused").isFalse();
            assertThat(r.value()).isEmpty();
        }
        for (Problem p : r.problems().all()) {
            assertThat(p.location().file()).startsWith(folder.getFileName().toString());
            assertThat(p.fix()).isNotBlank();
        }
    }

    @Test
    void theCorpusHasAtLeastThirtyCases() throws IOException {
        assertThat(cases().count()).isGreaterThanOrEqualTo(30);
    }

    @Test
    void everyDefinitionProblemCodeIsShownByACase() throws IOException {
        Set<ProblemCode> seen = EnumSet.noneOf(ProblemCode.class);
        for (Path folder : cases().toList()) {
            load(folder).problems().all().forEach(p -> seen.add(p.code()));
        }
        Set<ProblemCode> missing = EnumSet.allOf(ProblemCode.class);
        missing.removeAll(seen);
        missing.removeAll(COVERED_ELSEWHERE);
        missing.removeIf(c -> c.number() >= 1300); // later ranges belong to norms, policies and rows (own tests)
        assertThat(missing).as("problem codes with no golden case").isEmpty();
    }
}
