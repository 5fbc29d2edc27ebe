package org.psyscreen.instruments;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.psyscreen.definition.InstrumentDefinition;
import org.psyscreen.explain.ScoringExplanation;
import org.psyscreen.load.DefinitionLoader;
import org.psyscreen.load.LoadResult;
import org.psyscreen.plan.PlanCompiler;
import org.psyscreen.plan.ScoringPlan;
import org.psyscreen.score.CriticalState;
import org.psyscreen.score.FormStatus;
import org.psyscreen.score.ResponseRow;
import org.psyscreen.score.ScoredResponse;

/** The README's embedding example, run as written (only the file path differs). */
class ReadmeExampleTest {
    @Test
    void theEmbeddingExampleWorksAsDocumented() throws Exception {
        Path file = BundledInstrumentsTest.ROOT.resolve("phq9/definition.yaml");
        LoadResult<InstrumentDefinition> loaded = DefinitionLoader.load(file);
        assertThat(loaded.ok()).isTrue();
        ScoringPlan plan = PlanCompiler.compile(loaded.orThrow(), loaded.sha256());

        ResponseRow row = ResponseRow.of("2", "1", "0", "1", "1", "0", "2", "0", "1");
        ScoredResponse r = plan.score(row);
        assertThat(r.status()).isEqualTo(FormStatus.SCORED);
        assertThat(r.scale("total").value()).isEqualTo(8.0);
        assertThat(r.critical("self_harm")).isEqualTo(CriticalState.POSITIVE);

        ScoringExplanation why = ScoringExplanation.explain(plan, row);
        assertThat(why.text()).contains("critical self_harm (q9 raw >= 1): POSITIVE", "scale total sum(", "= 8");

        String readme = Files.readString(Path.of("../README.md"));
        assertThat(readme)
                .contains(
                        "ResponseRow.of(\"2\", \"1\", \"0\", \"1\", \"1\", \"0\", \"2\", \"0\", \"1\")",
                        "r.scale(\"total\").value();   // 8.0",
                        "r.critical(\"self_harm\");    // POSITIVE");
    }
}
