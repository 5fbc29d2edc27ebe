package org.psyscreen.definition;

/**
 * Kinds of validity check. Each computes one measure per form; the form is INVALID when the measure
 * meets the check's condition, and a measure that cannot be computed leaves the check not evaluated
 * (the form is then INCOMPLETE, never SCORED). The careless-responding indices follow the formulas
 * of the R package {@code careless} 1.2.2 (Yentes and Wilhelm) as its reference manual states them
 * (Curran 2016 reviews them); their thresholds are declared and cited per check, never built in.
 */
public enum ValidityKind {
    /** A lie or impression scale: the form is invalid when the scale's score meets the condition. */
    LIE_SCALE,
    /**
     * Inconsistent pairs: a pair is inconsistent when its keyed values differ by more than
     * {@code maxDifference}; the form is invalid when the count of inconsistent pairs meets the
     * condition.
     */
    INCONSISTENT_PAIRS,
    /**
     * Longest run of identical answers over the listed items (all items when none listed), in
     * order; the form is invalid when the run length meets the condition.
     */
    LONGEST_RUN,
    /**
     * Intra-individual response variability (IRV): the standard deviation (denominator n - 1) of the
     * raw values of the answered items among those listed (all items when none listed); not evaluated
     * with fewer than two answered. Low values mean the same answer everywhere, high values answers
     * scattered at random. Equals {@code careless::irv(x, na.rm = TRUE)}.
     */
    RESPONSE_VARIABILITY,
    /**
     * Even-odd consistency over the listed {@code scales}: per scale, the mean keyed value of the
     * answered items in odd positions (1st, 3rd, ...) and in even positions; the correlation of the
     * two over the scales where both exist; the Spearman-Brown value {@code 2r / (1 + r)}, below -1
     * read as -1; negated, so that a higher measure means less consistent answers. Not evaluated
     * with fewer than two such scales or with no spread. Equals {@code careless::evenodd} (1.2.0 and
     * later, whose sign this follows).
     */
    EVEN_ODD,
    /**
     * Psychometric synonyms: the correlation, within the form, of the keyed values of the first
     * items of the {@code pairs} with those of the second items, over the pairs answered on both
     * sides; not evaluated with fewer than two such pairs or with no spread. Low values mean items
     * that go together were answered apart. An antonym pair becomes a synonym pair when one of its
     * items is reverse-keyed. Equals {@code careless::psychsyn}'s per-person correlation over the
     * same pairs.
     */
    SYNONYMS,
    /**
     * Mahalanobis distance: {@code D² = (x - mean)ᵀ covariance⁻¹ (x - mean)} of the keyed values of
     * the listed {@code items} against a declared {@code reference} (a sample's mean and
     * covariance); not evaluated unless every listed item is answered. The reference is declared, not
     * taken from the run: a student's validity never depends on the other students in the file.
     * Equals {@code stats::mahalanobis}.
     */
    MAHALANOBIS,
    /**
     * Response time: the seconds the student took over the whole sitting (the platform's
     * 所用时间 or 答题时长, mapped to {@code response_seconds}) divided by the items the student
     * answered in it, on every form. Not evaluated when the source has no time: a definition that
     * declares this check expects a source that records one. Low values mean answers given faster
     * than items can be read.
     */
    RESPONSE_TIME
}
