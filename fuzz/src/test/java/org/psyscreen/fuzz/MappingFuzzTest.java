package org.psyscreen.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.psyscreen.diagnostic.Problem;
import org.psyscreen.load.LoadResult;
import org.psyscreen.load.MappingLoader;

/** Header mapping files: located problems, never an exception. */
class MappingFuzzTest {
    @FuzzTest(maxDuration = "20s")
    void anyBytesAreLoadedOrRefusedWithProblems(byte[] input) {
        LoadResult<MappingLoader.HeaderMapping> r = MappingLoader.load("fuzzed.yaml", input);
        if (r.ok()) {
            r.orThrow();
        }
        for (Problem p : r.problems().all()) {
            p.format(); // every problem prints (definitions hold no student data: quoting them is no leak)
        }
    }
}
