/**
 * Batch scoring of response files: one output record for every input record, in input order,
 * whatever happens; file-level problems stop the run before anything is published; record-level
 * problems flag the record and the run goes on. Messages name places (record, line, column), never
 * values.
 */
package org.psyscreen.batch;
