/**
 * Problems found while loading definitions, norm tables, policies or response files: each has a
 * stable {@link org.psyscreen.diagnostic.ProblemCode}, a {@link org.psyscreen.diagnostic.SourceLocation},
 * the field it concerns and a fix.
 *
 * <p>Messages name places, never the values of answers or identifiers.
 */
package org.psyscreen.diagnostic;
