package org.psyscreen.tier;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.psyscreen.norm.NormResult;
import org.psyscreen.norm.NormTable;
import org.psyscreen.score.ScoredResponse;
import org.psyscreen.student.StudentProfile;

/**
 * What a policy decides on: one student's scored forms by instrument id, their profile (for norms),
 * optional attributes a region supplies (key-concern groups: left-behind, single-parent, ...; as
 * sensitive as answers), and the norm tables available.
 *
 * @param forms scored forms by instrument id
 * @param student grade, sex and dates for norm lookups
 * @param attributes region-supplied attributes (true/false)
 * @param norms norm tables by id
 * @param looked norm results already looked up, by table id: a front end that looked a table up
 *     for its own output hands the result on, so a policy reading it costs no second lookup
 */
public record Screening(
        Map<String, ScoredResponse> forms,
        StudentProfile student,
        Map<String, Boolean> attributes,
        Map<String, NormTable> norms,
        Map<String, NormResult> looked) {

    /**
     * Copies the maps; the profile is required.
     *
     * @param forms scored forms by instrument id
     * @param student grade, sex and dates for norm lookups
     * @param attributes region-supplied attributes (true/false)
     * @param norms norm tables by id
     * @param looked norm results already looked up, by table id
     */
    public Screening {
        forms = org.psyscreen.internal.IdMap.copyOf(forms); // a screener's immutable map as it is
        Objects.requireNonNull(student, "student");
        attributes = Map.copyOf(attributes);
        norms = Map.copyOf(norms);
        looked = org.psyscreen.internal.IdMap.copyOf(looked);
    }

    /**
     * A screening whose norm results are looked up when a policy reads them.
     *
     * @param forms scored forms by instrument id
     * @param student grade, sex and dates for norm lookups
     * @param attributes region-supplied attributes (true/false)
     * @param norms norm tables by id
     */
    public Screening(
            Map<String, ScoredResponse> forms,
            StudentProfile student,
            Map<String, Boolean> attributes,
            Map<String, NormTable> norms) {
        this(forms, student, attributes, norms, Map.of());
    }

    /**
     * {@return a screening with forms only (no profile, attributes or norms)}
     *
     * @param forms scored forms by instrument id
     */
    public static Screening of(Map<String, ScoredResponse> forms) {
        return new Screening(forms, new StudentProfile(null, null, null, null), Map.of(), Map.of());
    }

    /**
     * {@return the scored form of an instrument, if given}
     *
     * @param instrumentId the instrument's id
     */
    public Optional<ScoredResponse> form(String instrumentId) {
        return Optional.ofNullable(forms.get(instrumentId));
    }

    /**
     * Looks up a scale in a norm table.
     *
     * @param tableId the norm table's id
     * @param instrumentId the instrument whose form the table reads
     * @return the norm result, or empty when the table or the form is not available
     */
    public Optional<NormResult> norm(String tableId, String instrumentId) {
        NormTable t = norms.get(tableId);
        ScoredResponse r = forms.get(instrumentId);
        if (t == null || r == null) {
            return Optional.empty();
        }
        NormResult done = looked.get(tableId);
        return Optional.of(
                done != null && t.definition().instrumentId().equals(instrumentId) ? done : t.lookup(r, student));
    }

    /**
     * {@return a copy with extra norm tables}
     *
     * @param more norm tables by id to add
     */
    public Screening withNorms(Map<String, NormTable> more) {
        Map<String, NormTable> all = new LinkedHashMap<>(norms);
        all.putAll(more);
        return new Screening(forms, student, attributes, all, looked);
    }
}
