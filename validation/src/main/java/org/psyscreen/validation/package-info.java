/**
 * Vendor validation: item statistics and reliability ({@link org.psyscreen.validation.ScaleAnalysis}),
 * one-factor omega ({@link org.psyscreen.validation.OneFactor}), differential item functioning by sex
 * ({@link org.psyscreen.validation.MantelHaenszel}), a sample against norm tables
 * ({@link org.psyscreen.validation.NormComparison}), and a vendor's scores against psyscreen's
 * ({@link org.psyscreen.validation.Conformance}); {@link org.psyscreen.validation.Validator} runs them
 * on a response file through the batch's reading and the engine's scorer.
 */
package org.psyscreen.validation;
