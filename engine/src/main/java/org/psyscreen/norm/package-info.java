/**
 * Norm tables: raw score to T-score and percentile for the group of peers a student belongs to
 * (grade band, sex, age band). A lookup finds exactly one cell or says why it cannot: a missing
 * norm cell is never filled by the nearest one or a default.
 */
package org.psyscreen.norm;
