package org.psyscreen.internal.rules;

import org.psyscreen.definition.InstrumentDefinition;

/** One semantic check of an instrument definition. */
interface DefinitionRule {
    /** Checks {@code def} and reports what is wrong. */
    void check(InstrumentDefinition def, Facts facts, Report report);
}
