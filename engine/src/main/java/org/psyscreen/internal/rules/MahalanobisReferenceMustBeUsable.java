package org.psyscreen.internal.rules;

import org.psyscreen.definition.InstrumentDefinition;
import org.psyscreen.definition.MahalanobisReference;
import org.psyscreen.definition.ValidityCheck;
import org.psyscreen.diagnostic.ProblemCode;

/**
 * PSY-1224: a Mahalanobis check's reference is a usable sample of its items: one mean per item, a
 * square covariance of the same size, symmetric and positive definite, from more rows than items.
 * Refused at load, so that scoring never meets a distance it cannot compute.
 */
final class MahalanobisReferenceMustBeUsable implements DefinitionRule {
    @Override
    public void check(InstrumentDefinition d, Facts facts, Report report) {
        for (int v = 0; v < d.validity().size(); v++) {
            ValidityCheck c = d.validity().get(v);
            MahalanobisReference ref = c.reference();
            if (ref == null) {
                continue;
            }
            String path = "validity[" + v + "].reference";
            String who = "validity check '" + c.id() + "'";
            int p = c.items().isEmpty() ? d.items().size() : c.items().size();
            if (ref.mean().size() != p) {
                report.error(
                        ProblemCode.VALIDITY_REFERENCE,
                        path + ".mean",
                        who + " has " + ref.mean().size() + " means for " + p + " items",
                        "give one mean per item, in the order of 'items'");
                continue;
            }
            if (ref.n() != null && ref.n() <= p) {
                report.error(
                        ProblemCode.VALIDITY_REFERENCE,
                        path + ".n",
                        who + "'s reference sample has " + ref.n() + " rows for " + p
                                + " items; a covariance needs more rows than items",
                        "use a reference sample larger than the number of items");
            }
            try {
                ref.measure();
            } catch (IllegalArgumentException e) {
                report.error(
                        ProblemCode.VALIDITY_REFERENCE,
                        path + ".covariance",
                        who + ": " + e.getMessage(),
                        "give the reference sample's covariance matrix (denominator n - 1), one row per item");
            }
        }
    }
}
