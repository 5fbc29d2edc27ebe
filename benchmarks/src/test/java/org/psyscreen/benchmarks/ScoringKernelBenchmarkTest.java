package org.psyscreen.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.psyscreen.load.InstrumentCatalog;
import org.psyscreen.plan.PlanCompiler;
import org.psyscreen.score.FormStatus;
import org.psyscreen.score.ResponseRow;

/** The benchmark kernel gives the library's answer, and its forms are realistic and seeded. */
class ScoringKernelBenchmarkTest {
    @ParameterizedTest
    @ValueSource(strings = {"phq9", "phqa", "gad7", "scared", "cesd"})
    void kernelGivesTheLibraryAnswerOnEveryForm(String id) {
        ScoringKernelBenchmark b = new ScoringKernelBenchmark();
        b.instrument = id;
        b.setUp();
        var loaded = InstrumentCatalog.fromClassPath(getClass().getClassLoader())
                .find(id)
                .orElseThrow()
                .load();
        var reference = PlanCompiler.compile(loaded.orThrow());
        String[][] forms = org.psyscreen.cohort.SyntheticCohort.forms(reference, ScoringKernelBenchmark.FORMS, 42L);
        int scored = 0;
        for (int r = 0; r < ScoringKernelBenchmark.FORMS; r++) {
            var expected = reference.score(ResponseRow.of(forms[r]));
            assertThat(b.score()).as("form %d", r).isEqualTo(expected);
            scored += expected.status() == FormStatus.SCORED ? 1 : 0;
        }
        assertThat(b.scoreCompleteForm().status()).isEqualTo(FormStatus.SCORED);
        assertThat(b.scoreCompleteForm()).isEqualTo(reference.score(b.complete));
        // Mostly complete forms, like a real cohort; some incomplete from the 3% blanks.
        assertThat(scored).isBetween(ScoringKernelBenchmark.FORMS / 4, ScoringKernelBenchmark.FORMS);
    }
}
