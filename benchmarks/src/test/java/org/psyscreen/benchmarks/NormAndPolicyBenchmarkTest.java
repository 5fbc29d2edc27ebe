package org.psyscreen.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.psyscreen.load.Bundle;
import org.psyscreen.norm.NormResult;
import org.psyscreen.tier.Policies;

/** The norm and policy benchmarks give the library's answers, on inputs that exercise the real paths. */
class NormAndPolicyBenchmarkTest {
    /** Loaded apart from the benchmarks' own bundle. */
    static final Bundle FRESH = Bundle.classPath(NormAndPolicyBenchmarkTest.class.getClassLoader());

    @ParameterizedTest
    @ValueSource(strings = {"scared-total-cn-sex", "synthetic-demo-phq9-grade-sex"})
    void lookupGivesTheTableAnswer(String table) {
        NormLookupBenchmark b = new NormLookupBenchmark();
        b.table = table;
        b.setUp();
        int normed = 0;
        for (int s = 0; s < NormLookupBenchmark.STUDENTS; s++) {
            NormResult r = b.lookup();
            // an independently loaded bundle gives the same result for the same student
            NormResult expected = FRESH.norms().get(table).lookup(b.forms[s], b.profiles[s]);
            assertThat(r).as("student %d", s).isEqualTo(expected);
            normed += r instanceof NormResult.Normed ? 1 : 0;
        }
        // mostly the found-a-cell path (incomplete forms give NO_NORM), not only the error path
        assertThat(normed).isGreaterThan(NormLookupBenchmark.STUDENTS / 2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"example-a-glad-pc", "example-b-cn-cutoffs"})
    void decideGivesThePolicyDecision(String policy) {
        PolicyBenchmark b = new PolicyBenchmark();
        b.policyId = policy;
        b.setUp();
        var fresh = FRESH.policy(policy).orElseThrow();
        Set<String> tiers = new HashSet<>();
        for (int s = 0; s < PolicyBenchmark.STUDENTS; s++) {
            var d = b.decide();
            assertThat(d).as("student %d", s).isEqualTo(Policies.decide(fresh, b.screenings[s]));
            tiers.add(d.tier() == null ? "none" : d.tier().id());
        }
        // every tier and "none" occur: the benchmark walks all the rule paths
        assertThat(tiers).hasSizeGreaterThanOrEqualTo(4);
    }
}
