package org.psyscreen.internal.rules;

import org.psyscreen.definition.InstrumentDefinition;
import org.psyscreen.norm.NormTableDefinition;

/** One semantic check of a norm table against its instrument. */
interface NormRule {
    /** @param instrument the instrument the table names (resolved and checked) */
    void check(NormTableDefinition table, InstrumentDefinition instrument, Facts facts, Report report);
}
