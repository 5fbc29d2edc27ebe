/**
 * Explanations: run the one scorer with a recording {@link org.psyscreen.score.ExplanationSink} and
 * say why — which items went into which scale, which were reversed or missing, which rule made the
 * form INCOMPLETE or INVALID.
 *
 * <p>An explanation contains answers: it is protected output for counsellors and auditors, never
 * a log line.
 */
package org.psyscreen.explain;
