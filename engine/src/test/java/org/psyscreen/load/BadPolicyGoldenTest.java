package org.psyscreen.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.psyscreen.diagnostic.Problem;
import org.psyscreen.diagnostic.ProblemCode;
import org.psyscreen.diagnostic.Problems;
import org.psyscreen.testing.Demo;
import org.psyscreen.testing.DemoPolicy;
import org.psyscreen.testing.Golden;
import org.psyscreen.tier.DeclarativePolicy;

/**
 * Walks {@code policies/bad/<case>/}: the policy files of each case are loaded (and, when all load,
 * checked together for overlapping effective dates); the printed problems must equal
 * {@code expected_errors.txt}.
 */
class BadPolicyGoldenTest {
    static final Path BAD = Path.of("src/test/resources/policies/bad");

    static Stream<Path> cases() throws IOException {
        try (Stream<Path> s = Files.list(BAD)) {
            return s.filter(Files::isDirectory).sorted().toList().stream();
        }
    }

    static Problems problems(Path folder) throws IOException {
        List<Problem> all = new ArrayList<>();
        Map<String, DeclarativePolicy> loaded = new LinkedHashMap<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        for (Path f : files) {
            String name = folder.getFileName() + "/" + f.getFileName();
            var r = PolicyLoader.load(name, Files.readAllBytes(f), Demo.RESOLVER, DemoPolicy.NORMS);
            all.addAll(r.problems().all());
            r.value().ifPresent(p -> loaded.put(name, p));
        }
        if (loaded.size() == files.size()) {
            all.addAll(PolicyLoader.checkTogether(loaded).all());
        }
        return Problems.of(all);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void printsExactlyTheGoldenProblems(Path folder) throws IOException {
        Problems p = problems(folder);
        Golden.assertMatches(folder.resolve("expected_errors.txt"), p.format());
        assertThat(p.hasErrors()).as("a bad policy is refused").isTrue();
    }

    @Test
    void theCorpusHasAtLeastTwentyCases() throws IOException {
        assertThat(cases().count()).isGreaterThanOrEqualTo(20);
    }

    @Test
    void everyPolicyProblemCodeIsShownByACase() throws IOException {
        Set<ProblemCode> seen = EnumSet.noneOf(ProblemCode.class);
        for (Path folder : cases().toList()) {
            problems(folder).all().forEach(p -> seen.add(p.code()));
        }
        Set<ProblemCode> policy = EnumSet.noneOf(ProblemCode.class);
        for (ProblemCode c : ProblemCode.values()) {
            if (c.number() >= 1400 && c.number() < 1500) {
                policy.add(c);
            }
        }
        policy.removeAll(seen);
        assertThat(policy).as("policy problem codes with no golden case").isEmpty();
    }

    @Test
    void theGoodPolicyLoadsWithoutProblems() {
        var r = PolicyLoader.load(DemoPolicy.FILE, Demo.RESOLVER, DemoPolicy.NORMS);
        assertThat(r.problems().all()).isEmpty();
        assertThat(r.orThrow().rules()).hasSize(5);
    }
}
