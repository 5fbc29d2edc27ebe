package org.psyscreen.testing;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import org.psyscreen.definition.InstrumentDefinition;
import org.psyscreen.load.DefinitionLoader;
import org.psyscreen.plan.PlanCompiler;
import org.psyscreen.plan.ScoringPlan;

/** The synthetic demo instrument of the engine tests, loaded once. */
public final class Demo {
    /** The definition file, relative to the engine module. */
    public static final Path FILE = EngineFiles.path("src/test/resources/definitions/good/demo.yaml");

    /** The checked definition. */
    public static final InstrumentDefinition DEFINITION =
            DefinitionLoader.load(FILE).orThrow();

    /** Its compiled plan. */
    public static final ScoringPlan PLAN = PlanCompiler.compile(DEFINITION);

    /** Resolves only {@code demo@1.0.0}, for norm and policy loaders. */
    public static final Function<String, Optional<InstrumentDefinition>> RESOLVER =
            key -> key.equals(DEFINITION.key()) ? Optional.of(DEFINITION) : Optional.empty();

    private Demo() {}
}
