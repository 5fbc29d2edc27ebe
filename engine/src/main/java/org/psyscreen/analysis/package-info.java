/**
 * Analyses that every front end (scoring, reports, the records store, Spark) computes the same way:
 * the funnel plot of units' flagged rates against the region's, with control limits; the
 * careless-responding indices of one form ({@link org.psyscreen.analysis.Careless}); and the
 * Mahalanobis distance from a sample, with the sample's streaming moments
 * ({@link org.psyscreen.analysis.Mahalanobis}).
 */
package org.psyscreen.analysis;
