package org.psyscreen.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.psyscreen.diagnostic.Problem;
import org.psyscreen.load.DefinitionLoader;
import org.psyscreen.load.LoadResult;

/** Instrument definition files: any bytes give a result with located problems, never an exception. */
class DefinitionFuzzTest {
    @FuzzTest(maxDuration = "20s")
    void anyBytesAreLoadedOrRefusedWithProblems(byte[] input) {
        LoadResult<?> r = DefinitionLoader.load("fuzzed.yaml", input);
        if (r.ok()) {
            r.orThrow();
        }
        for (Problem p : r.problems().all()) {
            p.format(); // every problem prints (definitions hold no student data: quoting them is no leak)
        }
    }
}
