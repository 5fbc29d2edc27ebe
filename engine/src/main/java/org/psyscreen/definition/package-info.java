/**
 * Instrument definitions as immutable data: items, response codes, reverse keys, scales,
 * missing-data rules, validity checks and critical items. Definitions are loaded and checked by
 * {@link org.psyscreen.load.DefinitionLoader} and compiled by {@link org.psyscreen.plan.PlanCompiler}.
 */
package org.psyscreen.definition;
