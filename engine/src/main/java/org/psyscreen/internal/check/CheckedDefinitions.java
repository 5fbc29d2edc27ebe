package org.psyscreen.internal.check;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import org.psyscreen.definition.InstrumentDefinition;

/**
 * The definitions already known to pass every check: those a loader checked in full, or bound from a
 * file this engine stamped at build time ({@link BundleStamps}). The plan compiler checks a definition
 * built in code before compiling it; a definition equal to a checked one (records compare by value, and
 * the checks depend on the value only) need not be checked twice. Held weakly: a definition no one keeps
 * is forgotten.
 */
public final class CheckedDefinitions {
    private static final Map<InstrumentDefinition, Boolean> CHECKED = Collections.synchronizedMap(new WeakHashMap<>());

    private CheckedDefinitions() {}

    /**
     * Records that {@code def} passed every check.
     *
     * @param def the definition
     */
    public static void add(InstrumentDefinition def) {
        CHECKED.put(def, Boolean.TRUE);
    }

    /**
     * {@return whether a definition equal to {@code def} passed every check}
     *
     * @param def the definition
     */
    public static boolean contains(InstrumentDefinition def) {
        return CHECKED.containsKey(def);
    }
}
