package org.psyscreen.internal.rules;

import org.psyscreen.definition.InstrumentDefinition;
import org.psyscreen.diagnostic.ProblemCode;
import org.psyscreen.norm.NormTableDefinition;

/**
 * PSY-1315: a verified table cites the publication down to table and page; a real table that is
 * not verified loads with a warning, so nobody mistakes it for a checked one.
 */
final class CitationsMustReachTheTable implements NormRule {
    @Override
    public void check(NormTableDefinition t, InstrumentDefinition instrument, Facts facts, Report report) {
        boolean located = t.citation().table() != null && t.citation().page() != null;
        if (t.verified() && !located) {
            report.error(
                    ProblemCode.NORM_CITATION,
                    "citation",
                    "a verified table must cite the table and the page",
                    "add 'table' and 'page' to the citation, or set 'verified: false'");
        } else if (!t.verified() && !t.synthetic()) {
            report.warning(
                    ProblemCode.NORM_CITATION,
                    "verified",
                    "the numbers have not been checked against the publication's table and page",
                    "check them and set 'verified: true' with table and page; until then, do not use the table for decisions");
        }
    }
}
