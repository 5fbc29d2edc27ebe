package org.psyscreen.tier;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.psyscreen.norm.NormResult;
import org.psyscreen.norm.NormTable;
import org.psyscreen.norm.StudentProfile;
import org.psyscreen.score.ScoredResponse;

/**
 * What a policy decides on: one student's scored forms by instrument id, their profile (for norms),
 * optional attributes a region supplies (key-concern groups: left-behind, single-parent, ...; as
 * sensitive as answers), and the norm tables available.
 *
 * @param forms scored forms by instrument id
 * @param student grade, sex and dates for norm lookups
 * @param attributes region-supplied attributes (true/false)
 * @param norms norm tables by id
 */
public record Screening(
        Map<String, ScoredResponse> forms,
        StudentProfile student,
        Map<String, Boolean> attributes,
        Map<String, NormTable> norms) {

    public Screening {
        forms = Map.copyOf(forms);
        Objects.requireNonNull(student, "student");
        attributes = Map.copyOf(attributes);
        norms = Map.copyOf(norms);
    }

    /** A screening with forms only (no profile, attributes or norms). */
    public static Screening of(Map<String, ScoredResponse> forms) {
        return new Screening(forms, new StudentProfile(null, null, null, null), Map.of(), Map.of());
    }

    /** The scored form of an instrument, if given. */
    public Optional<ScoredResponse> form(String instrumentId) {
        return Optional.ofNullable(forms.get(instrumentId));
    }

    /** Looks up a scale in a norm table, or empty when the table is not available. */
    public Optional<NormResult> norm(String tableId, String instrumentId) {
        NormTable t = norms.get(tableId);
        ScoredResponse r = forms.get(instrumentId);
        return t == null || r == null ? Optional.empty() : Optional.of(t.lookup(r, student));
    }

    /** A copy with extra norm tables. */
    public Screening withNorms(Map<String, NormTable> more) {
        Map<String, NormTable> all = new LinkedHashMap<>(norms);
        all.putAll(more);
        return new Screening(forms, student, attributes, all);
    }
}
