/**
 * Scoring results: one student's answers in ({@link org.psyscreen.score.ResponseRow}), an immutable
 * {@link org.psyscreen.score.ScoredResponse} out, and the {@link org.psyscreen.score.ExplanationSink}
 * through which the one scorer explains itself.
 */
package org.psyscreen.score;
