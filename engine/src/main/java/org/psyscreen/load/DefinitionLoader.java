package org.psyscreen.load;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import org.psyscreen.definition.InstrumentDefinition;
import org.psyscreen.diagnostic.Problems;
import org.psyscreen.internal.check.ConstraintMapping;
import org.psyscreen.internal.check.DefinitionCheck;
import org.psyscreen.internal.rules.DefinitionRules;

/**
 * Loads instrument definitions from YAML or JSON files and checks them in three stages, each
 * collecting every problem: strict syntax (duplicate keys, aliases, tags, types, unknown fields),
 * field constraints (Jakarta Validation), then semantic rules (one class per rule). Semantic rules
 * run only on a definition whose structure is sound, as a compiler type-checks only what parsed.
 *
 * <p>Stateless and thread-safe.
 */
public final class DefinitionLoader {
    private DefinitionLoader() {}

    /**
     * Loads a definition file.
     *
     * @param file the definition file
     * @return the definition, or the problems that refuse it
     */
    public static LoadResult<InstrumentDefinition> load(Path file) {
        return Loading.fromFile(file, DefinitionLoader::load);
    }

    /**
     * Loads a definition from bytes.
     *
     * @param name the file name used in problem locations; {@code .json} selects JSON
     * @param content the bytes
     * @return the definition, or the problems that refuse it
     */
    public static LoadResult<InstrumentDefinition> load(String name, byte[] content) {
        return checked(Loading.load(name, content, (binder, root, treeClean, sha) -> {
            InstrumentDefinition def = new InstrumentBinder(binder).bind(root);
            if (def == null) {
                return null;
            }
            Set<String> reported = new HashSet<>();
            binder.problems().forEach(p -> reported.add(p.field()));
            ConstraintMapping.validate(def, binder, reported);
            if (treeClean && binder.problems().isEmpty()) {
                DefinitionRules.check(def, binder);
            }
            return def;
        }));
    }

    /** Remembers a definition that loaded without errors as checked, so no plan compiler checks it again. */
    private static LoadResult<InstrumentDefinition> checked(LoadResult<InstrumentDefinition> r) {
        r.value().ifPresent(org.psyscreen.internal.check.CheckedDefinitions::add);
        return r;
    }

    /**
     * Loads a bundled definition the same engine checked in full when its data jar was built, on these
     * very bytes ({@link org.psyscreen.internal.check.BundleStamps}): strict syntax and binding only;
     * the field constraints and semantic rules, which found nothing then, are not run again.
     */
    static LoadResult<InstrumentDefinition> loadStamped(String name, byte[] content) {
        return checked(
                Loading.load(name, content, (binder, root, treeClean, sha) -> new InstrumentBinder(binder).bind(root)));
    }

    /**
     * Checks a definition built in code: constraints and semantic rules. Locations name the
     * field paths only.
     *
     * @return the problems when there is at least one error, otherwise empty
     * @param def the definition
     */
    public static Optional<Problems> check(InstrumentDefinition def) {
        return DefinitionCheck.check(def);
    }

    /**
     * {@return lower-case hex SHA-256}
     *
     * @param content bytes
     */
    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
