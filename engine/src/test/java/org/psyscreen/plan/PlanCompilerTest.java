package org.psyscreen.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.psyscreen.definition.InstrumentDefinition;
import org.psyscreen.diagnostic.DefinitionException;
import org.psyscreen.load.DefinitionLoader;
import org.psyscreen.testing.Golden;

class PlanCompilerTest {
    static final Path DEMO = Path.of("src/test/resources/definitions/good/demo.yaml");

    @Test
    void describeIsStableAndMatchesTheGoldenText() {
        var r = DefinitionLoader.load(DEMO);
        ScoringPlan plan = PlanCompiler.compile(r.orThrow(), r.sha256());
        Golden.assertMatches(Path.of("src/test/resources/definitions/good/demo.plan.txt"), plan.describe());
        assertThat(plan.describe())
                .isEqualTo(PlanCompiler.compile(r.orThrow(), r.sha256()).describe());
    }

    @Test
    void derivedScalesAreEvaluatedAfterTheirComponents() {
        ScoringPlan plan = PlanCompiler.compile(DefinitionLoader.load(DEMO).orThrow());
        int total = plan.scaleIds().indexOf("total");
        int a = plan.scaleIds().indexOf("part_a");
        int b = plan.scaleIds().indexOf("part_b");
        var order = java.util.Arrays.stream(plan.evalOrder).boxed().toList();
        assertThat(order.indexOf(total)).isGreaterThan(order.indexOf(a)).isGreaterThan(order.indexOf(b));
    }

    @Test
    void reverseKeyingIsAnInvolutionOverEveryItemRange() {
        ScoringPlan plan = PlanCompiler.compile(DefinitionLoader.load(DEMO).orThrow());
        for (int i = 0; i < plan.itemCount(); i++) {
            for (int v : plan.values[i]) {
                assertThat(plan.keyed(i, plan.keyed(i, v))).isEqualTo(v);
                assertThat(plan.keyed(i, v)).isBetween(plan.min[i], plan.max[i]);
            }
        }
    }

    @Test
    void anInvalidInCodeDefinitionDoesNotCompile() {
        InstrumentDefinition good = DefinitionLoader.load(DEMO).orThrow();
        var scales = new ArrayList<>(good.scales());
        scales.remove(0); // part_a gone: total refers to an unknown scale
        InstrumentDefinition bad = new InstrumentDefinition(
                good.id(),
                good.version(),
                good.name(),
                good.licence(),
                good.citations(),
                good.responseSets(),
                good.items(),
                scales,
                good.validity(),
                good.critical());
        assertThatThrownBy(() -> PlanCompiler.compile(bad))
                .isInstanceOf(DefinitionException.class)
                .hasMessageContaining("PSY-1208")
                .hasMessageContaining("scales[1].of[0]");
    }
}
