/**
 * Compiled scoring plans: a checked {@link org.psyscreen.definition.InstrumentDefinition} turned
 * once into flat, immutable, thread-safe tables that score responses without per-row look-ups in
 * maps.
 */
package org.psyscreen.plan;
