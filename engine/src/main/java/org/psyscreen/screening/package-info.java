/**
 * One student, one call: {@link org.psyscreen.screening.Screener} turns a student's raw record
 * ({@link org.psyscreen.screening.StudentInput}) into a {@link org.psyscreen.screening.ScreeningResult}
 * — forms scored, norms looked up once, the tier decided under the policy version in force, and the
 * record's problems. Batch files, {@code explain} and embedding systems all screen through it.
 */
package org.psyscreen.screening;
