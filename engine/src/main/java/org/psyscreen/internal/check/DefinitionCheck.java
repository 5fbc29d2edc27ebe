package org.psyscreen.internal.check;

import java.util.Optional;
import java.util.Set;
import org.psyscreen.definition.InstrumentDefinition;
import org.psyscreen.diagnostic.Problems;
import org.psyscreen.internal.rules.DefinitionRules;
import org.psyscreen.internal.tree.Binder;

/**
 * Checks a definition built in code: Jakarta constraints, then the semantic rules. One place, used
 * by the loader's public check and by the plan compiler, so the compiler never calls back into the
 * loader.
 */
public final class DefinitionCheck {
    private DefinitionCheck() {}

    /** The problems when there is at least one error, otherwise empty. Locations name field paths only. */
    public static Optional<Problems> check(InstrumentDefinition def) {
        Binder binder = new Binder("<in-code definition " + def.id() + ">");
        ConstraintMapping.validate(def, binder, Set.of());
        if (binder.problems().isEmpty()) {
            DefinitionRules.check(def, binder);
        }
        Problems p = Problems.of(binder.problems());
        return p.hasErrors() ? Optional.of(p) : Optional.empty();
    }
}
