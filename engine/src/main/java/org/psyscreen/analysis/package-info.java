/**
 * Analyses over counts that every front end (reports, the records store, Spark) computes the same
 * way: the funnel plot of units' flagged rates against the region's, with control limits.
 */
package org.psyscreen.analysis;
