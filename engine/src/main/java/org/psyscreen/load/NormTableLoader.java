package org.psyscreen.load;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import org.psyscreen.definition.InstrumentDefinition;
import org.psyscreen.diagnostic.ProblemCode;
import org.psyscreen.internal.rules.NormRules;
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
     * @param file the norm file
     * @return the table, or the problems that refuse it
     */
    public static LoadResult<NormTable> load(Path file, Function<String, Optional<InstrumentDefinition>> instruments) {
        return Loading.fromFile(file, (name, bytes) -> load(name, bytes, instruments));
    }

    /**
     * Loads a norm table from bytes; {@code name} is used in problem locations.
     *
     * @param name the file's name, for problem locations ({@code .json}: read as JSON)
     * @param content the file's bytes
     * @param instruments finds a checked instrument definition by {@code id@version}
     * @return the table, or the problems that refuse it
     */
    public static LoadResult<NormTable> load(
            String name, byte[] content, Function<String, Optional<InstrumentDefinition>> instruments) {
        return Loading.load(name, content, (binder, root, treeClean, sha) -> {
            var def = new NormBinder(binder).bind(root);
            if (def == null || !binder.problems().isEmpty()) {
                return null;
            }
            String key = new org.psyscreen.definition.IdVersion(def.instrumentId(), def.instrumentVersion()).toString();
            Optional<InstrumentDefinition> instrument = instruments.apply(key);
            if (instrument.isEmpty()) {
                binder.error(
                        ProblemCode.NORM_UNKNOWN_INSTRUMENT,
                        "instrument",
                        "instrument " + key + " is not known",
                        "load the instrument definition first (bundled, or given on the same command line), or fix id and version");
                return null;
            }
            NormRules.check(def, instrument.get(), binder);
            return org.psyscreen.internal.access.Construct.normTables().create(def, sha);
        });
    }
}
