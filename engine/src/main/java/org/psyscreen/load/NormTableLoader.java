package org.psyscreen.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.psyscreen.definition.InstrumentDefinition;
import org.psyscreen.diagnostic.Problem;
import org.psyscreen.diagnostic.ProblemCode;
import org.psyscreen.diagnostic.Problems;
import org.psyscreen.internal.rules.NormRules;
import org.psyscreen.internal.tree.Binder;
import org.psyscreen.internal.tree.StrictTreeReader;
import org.psyscreen.norm.NormTable;

/**
 * Loads norm tables ({@code format: psyscreen-norms/1}) with the same strict reading as
 * definitions, then checks them against the instrument they name: rows tile the scale's range,
 * values rise with the raw score, groups are disjoint, provenance is stated. Stateless.
 */
public final class NormTableLoader {
    private NormTableLoader() {}

    /**
     * Loads a norm file.
     *
     * @param instruments finds a checked instrument definition by {@code id@version}
     */
    public static LoadResult<NormTable> load(Path file, Function<String, Optional<InstrumentDefinition>> instruments) {
        try {
            return load(file.toString(), Files.readAllBytes(file), instruments);
        } catch (IOException | OutOfMemoryError e) {
            return LoadResult.unreadable(file.toString(), e);
        }
    }

    /** Loads a norm table from bytes; {@code name} is used in problem locations. */
    public static LoadResult<NormTable> load(
            String name, byte[] content, Function<String, Optional<InstrumentDefinition>> instruments) {
        String sha = DefinitionLoader.sha256(content);
        StrictTreeReader.Result tree = StrictTreeReader.read(name, content);
        List<Problem> problems = new ArrayList<>(tree.problems());
        if (tree.root().isEmpty()) {
            return new LoadResult<>(Optional.empty(), Problems.of(problems), sha);
        }
        Binder binder = new Binder(name);
        var def = new NormBinder(binder).bind(tree.root().get());
        if (def != null && binder.problems().isEmpty()) {
            String key = def.instrumentId() + "@" + def.instrumentVersion();
            Optional<InstrumentDefinition> instrument = instruments.apply(key);
            if (instrument.isEmpty()) {
                binder.error(
                        ProblemCode.NORM_UNKNOWN_INSTRUMENT,
                        "instrument",
                        "instrument " + key + " is not known",
                        "load the instrument definition first (bundled, or given on the same command line), or fix id and version");
            } else {
                NormRules.check(def, instrument.get(), binder);
            }
        }
        problems.addAll(binder.problems());
        Problems all = Problems.of(problems);
        boolean ok = def != null && !all.hasErrors();
        return new LoadResult<>(ok ? Optional.of(NormTable.of(def, sha)) : Optional.empty(), all, sha);
    }
}
