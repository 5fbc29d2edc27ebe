/**
 * Semantic rules for instrument definitions, one rule per class, each with its own stable
 * {@link org.psyscreen.diagnostic.ProblemCode}. Rules run on a structurally sound definition.
 */
package org.psyscreen.internal.rules;
