package org.psyscreen.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.psyscreen.diagnostic.Problem;
import org.psyscreen.load.Bundle;
import org.psyscreen.load.LoadResult;
import org.psyscreen.load.NormTableLoader;
import org.psyscreen.load.PolicyLoader;

/** Policy and norm files, resolved against the bundled instruments: located problems, never an exception. */
class PolicyFuzzTest {
    private static final Bundle BUNDLE = Bundle.classPath(PolicyFuzzTest.class.getClassLoader());

    @FuzzTest(maxDuration = "20s")
    void anyBytesAreLoadedOrRefusedWithProblems(byte[] input) {
        for (LoadResult<?> r : new LoadResult<?>[] {
            PolicyLoader.load("fuzzed.yaml", input, BUNDLE::instrument, BUNDLE::norm),
            NormTableLoader.load("fuzzed.yaml", input, BUNDLE::instrument)
        }) {
            if (r.ok()) {
                r.orThrow();
            }
            for (Problem p : r.problems().all()) {
                p.format(); // every problem prints (definitions hold no student data: quoting them is no leak)
            }
        }
    }
}
