package org.psyscreen.records;

import org.psyscreen.student.Grade;
import org.psyscreen.student.Sex;

/**
 * One student's score on one scale in a wave, with what a norm group needs: a sample for local
 * norms ({@code psyscreen norms build --records}). No id, no pseudonym.
 *
 * @param value the scale's score
 * @param sex the student's sex, or {@code null}
 * @param grade the student's grade, or {@code null}
 */
public record WaveScore(double value, Sex sex, Grade grade) {}
