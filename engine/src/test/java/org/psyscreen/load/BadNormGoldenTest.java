package org.psyscreen.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.psyscreen.diagnostic.ProblemCode;
import org.psyscreen.norm.NormTable;
import org.psyscreen.testing.Demo;
import org.psyscreen.testing.Golden;

/** Walks {@code norms/bad/<case>/}: one bad table and its exact printed problems each. */
class BadNormGoldenTest {
    static final Path BAD = Path.of("src/test/resources/norms/bad");

    static Stream<Path> cases() throws IOException {
        try (Stream<Path> s = Files.list(BAD)) {
            return s.filter(Files::isDirectory).sorted().toList().stream();
        }
    }

    static LoadResult<NormTable> load(Path folder) throws IOException {
        return NormTableLoader.load(
                folder.getFileName() + "/norm.yaml", Files.readAllBytes(folder.resolve("norm.yaml")), Demo.RESOLVER);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void printsExactlyTheGoldenProblems(Path folder) throws IOException {
        LoadResult<NormTable> r = load(folder);
        Golden.assertMatches(folder.resolve("expected_errors.txt"), r.problems().format());
        assertThat(r.ok()).as("a bad table is refused").isFalse();
    }

    @Test
    void theCorpusHasAtLeastFifteenCases() throws IOException {
        assertThat(cases().count()).isGreaterThanOrEqualTo(15);
    }

    @Test
    void everyNormProblemCodeIsShownByACase() throws IOException {
        Set<ProblemCode> seen = EnumSet.noneOf(ProblemCode.class);
        for (Path folder : cases().toList()) {
            load(folder).problems().all().forEach(p -> seen.add(p.code()));
        }
        Set<ProblemCode> norm = EnumSet.noneOf(ProblemCode.class);
        for (ProblemCode c : ProblemCode.values()) {
            if (c.number() >= 1300 && c.number() < 1400) {
                norm.add(c);
            }
        }
        norm.removeAll(seen);
        assertThat(norm).as("norm problem codes with no golden case").isEmpty();
    }

    @Test
    void theGoodTablesLoad() {
        for (String f : new String[] {"demo-lookup.yaml", "demo-parametric.yaml"}) {
            LoadResult<NormTable> r = NormTableLoader.load(Path.of("src/test/resources/norms/good", f), Demo.RESOLVER);
            assertThat(r.problems().all()).as(f).isEmpty();
            assertThat(r.orThrow().definition().synthetic()).isTrue();
        }
    }
}
