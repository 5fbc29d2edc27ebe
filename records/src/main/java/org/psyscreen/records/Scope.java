package org.psyscreen.records;

import java.util.ArrayList;
import java.util.List;

/**
 * Whose records a caller may see: everything (the data owner, e.g. a province), one region, or one
 * school of a region. Every query of {@link RecordStore} takes one; a school's scope sees only the
 * screenings, decisions and cases recorded at that school, never another school's students (a
 * student who moved sees only the part of their record kept at the school asking).
 *
 * @param region the region, or {@code null} for every region
 * @param school the school, or {@code null} for every school of the region
 */
public record Scope(String region, String school) {
    /**
     * Checks that a school scope names its region.
     *
     * @param region the region, or {@code null} for every region
     * @param school the school, or {@code null} for every school of the region
     * @throws IllegalArgumentException for a school without a region
     */
    public Scope {
        if (school != null && region == null) {
            throw new IllegalArgumentException("a school scope names its region too (\"\" when the data has none)");
        }
    }

    /** {@return every record in the store} */
    public static Scope everything() {
        return new Scope(null, null);
    }

    /**
     * {@return every school of one region ({@code ""} for data without a region)}
     *
     * @param region the region
     */
    public static Scope region(String region) {
        return new Scope(region, null);
    }

    /**
     * {@return one school}
     *
     * @param region the school's region ({@code ""} for data without one)
     * @param school the school
     */
    public static Scope school(String region, String school) {
        return new Scope(region, school);
    }

    /** SQL condition on {@code alias.region} and {@code alias.school}, its parameters added to {@code params}. */
    String where(String alias, List<Object> params) {
        List<String> c = new ArrayList<>();
        c.add("1 = 1");
        if (region != null) {
            c.add(alias + ".region = ?");
            params.add(region);
        }
        if (school != null) {
            c.add(alias + ".school = ?");
            params.add(school);
        }
        return String.join(" AND ", c);
    }

    @Override
    public String toString() {
        return region == null ? "everything" : school == null ? "region '" + region + "'" : "school '" + school + "'";
    }
}
