package org.psyscreen.records;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A login of the PostgreSQL server and what the database lets it read of a store (row-level
 * security, schema 7): a school's login its school's rows, a region's login its schools' rows, the
 * province's login the crisis cases (the most severe tier) and no answers, scores or norms. A
 * principal reads only; every write is the store owner's. {@link RecordStore#open(String, Principal)} opens a
 * store for one, on either database.
 *
 * @param login the server's login role, e.g. {@code sch3_counsellors}
 * @param level what it is the login of
 * @param region the region ({@code ""} when the data has none; {@code ""} for the province)
 * @param school the school ({@code ""} unless a school)
 */
public record Principal(String login, Level level, String region, String school) {
    private static final Pattern LOGIN = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    /** What a principal is the login of. */
    public enum Level {
        /** One school: its students' rows. */
        SCHOOL,
        /** One region: the rows of its schools. */
        REGION,
        /** The province: the crisis cases of every school, nothing of answers or scores. */
        PROVINCE;

        /** {@return the word the database and the command line use} */
        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * Checks the parts: a login of lower-case letters, digits and {@code _} (at most 63), a school
     * with a school, a region with no school, the province with neither.
     *
     * @param login the server's login role
     * @param level what it is the login of
     * @param region the region ({@code ""} when the data has none, and for the province)
     * @param school the school ({@code ""} unless a school)
     */
    public Principal {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(school, "school");
        if (login == null || !LOGIN.matcher(login).matches()) {
            throw new IllegalArgumentException(
                    "a principal's login is a PostgreSQL role name: lower-case letters, digits and _, at most 63");
        }
        if ((level == Level.SCHOOL) == school.isEmpty() || (level == Level.PROVINCE && !region.isEmpty())) {
            throw new IllegalArgumentException("a school principal names its school; a region or the province none,"
                    + " and the province no region");
        }
    }

    /**
     * {@return the login of one school}
     *
     * @param login the server's login role
     * @param region the school's region ({@code ""} when the data has none)
     * @param school the school, as its screenings name it
     */
    public static Principal school(String login, String region, String school) {
        return new Principal(login, Level.SCHOOL, region, school);
    }

    /**
     * {@return the login of one region}
     *
     * @param login the server's login role
     * @param region the region
     */
    public static Principal region(String login, String region) {
        return new Principal(login, Level.REGION, region, "");
    }

    /**
     * {@return the province's login}
     *
     * @param login the server's login role
     */
    public static Principal province(String login) {
        return new Principal(login, Level.PROVINCE, "", "");
    }

    /** {@return the scope it reads: its school, its region, or everything for the province} */
    Scope scope() {
        return switch (level) {
            case SCHOOL -> Scope.school(region, school);
            case REGION -> Scope.region(region);
            case PROVINCE -> Scope.everything();
        };
    }

    /**
     * {@return whether a call in {@code scope} stays inside this principal's scope}: a school's own school,
     * any school of a region's region (or the region), anything for the province
     *
     * @param scope the scope a call asks for
     */
    boolean covers(Scope scope) {
        return switch (level) {
            case SCHOOL -> school.equals(scope.school()) && region.equals(scope.region());
            case REGION -> region.equals(scope.region());
            case PROVINCE -> true;
        };
    }

    /** {@return the group role of the server its login is made a member of} */
    String groupRole() {
        return "psyscreen_" + level.word();
    }
}
