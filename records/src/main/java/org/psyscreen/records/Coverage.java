package org.psyscreen.records;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How much of the schools' rosters a wave screened (普查率), by class, within a scope. Only schools
 * with a roster for the wave are counted; the schools screened without one are named apart, since
 * nothing says who they missed.
 *
 * @param wave the wave
 * @param classes each class of a roster or of a screening in it, by region, school, grade and class
 * @param schoolsWithoutRoster schools screened in the wave that have no roster for it
 */
public record Coverage(String wave, List<Unit> classes, List<String> schoolsWithoutRoster) {

    /**
     * Copies the lists.
     *
     * @param wave the wave
     * @param classes the classes
     * @param schoolsWithoutRoster schools with screenings and no roster
     */
    public Coverage {
        classes = List.copyOf(classes);
        schoolsWithoutRoster = List.copyOf(schoolsWithoutRoster);
    }

    /**
     * The counts of one unit: a class, or a sum of classes ({@link #bySchool}, {@link #byGrade}).
     *
     * @param region the region
     * @param school the school
     * @param grade the grade code, or {@code ""} for a whole school
     * @param klass the class, or {@code ""} for a grade or a school
     * @param onRoster students on the roster
     * @param screened students on the roster screened in the wave
     * @param notOnRoster students screened in the wave in this unit who are not on the school's roster
     * @param screenedTwice students with more than one screening in the wave
     */
    public record Unit(
            String region,
            String school,
            String grade,
            String klass,
            long onRoster,
            long screened,
            long notOnRoster,
            long screenedTwice) {

        /** {@return students on the roster not screened in the wave} */
        public long notScreened() {
            return onRoster - screened;
        }

        /** {@return the share of the roster screened (普查率), 0 to 1; {@code NaN} for an empty roster} */
        public double rate() {
            return onRoster == 0 ? Double.NaN : (double) screened / onRoster;
        }

        Unit plus(Unit o) {
            return new Unit(
                    region,
                    school,
                    grade.equals(o.grade) ? grade : "",
                    klass.equals(o.klass) ? klass : "",
                    onRoster + o.onRoster,
                    screened + o.screened,
                    notOnRoster + o.notOnRoster,
                    screenedTwice + o.screenedTwice);
        }
    }

    /** {@return each school's totals} */
    public List<Unit> bySchool() {
        return sum(true);
    }

    /** {@return each grade's totals within each school} */
    public List<Unit> byGrade() {
        return sum(false);
    }

    private List<Unit> sum(boolean wholeSchool) {
        Map<List<String>, Unit> out = new TreeMap<>(ORDER);
        for (Unit u : classes) {
            Unit base = new Unit(u.region(), u.school(), wholeSchool ? "" : u.grade(), "", 0, 0, 0, 0);
            out.merge(List.of(u.region(), u.school(), base.grade(), ""), base.plus(u), Unit::plus);
        }
        return new ArrayList<>(out.values());
    }

    /** Counts the wave's coverage in {@code scope} (inside a read of the store). */
    static Coverage of(RecordStore store, Scope scope, String wave) throws SQLException {
        List<Object[]> w = store.rows("SELECT id FROM wave WHERE name = ?", List.of(wave));
        if (w.isEmpty()) {
            throw new RecordStoreException("no wave '" + wave + "' in " + store.label());
        }
        long waveId = ((Number) w.get(0)[0]).longValue();
        Map<List<String>, long[]> units = new TreeMap<>(ORDER);

        List<Object> p = new ArrayList<>(List.of(waveId, waveId));
        String roster = "SELECT r.region, r.school, r.grade, r.class, COUNT(*),"
                + " SUM(CASE WHEN EXISTS (SELECT 1 FROM screening s WHERE s.wave_id = ? AND s.student_id ="
                + " r.student_id) THEN 1 ELSE 0 END)"
                + " FROM roster_entry r JOIN roster_import i ON i.id = r.roster_id WHERE i.wave_id = ? AND "
                + scope.where("r", p) + " GROUP BY r.region, r.school, r.grade, r.class";
        for (Object[] r : store.rows(roster, p)) {
            long[] c = units.computeIfAbsent(key(r), k -> new long[4]);
            c[0] += ((Number) r[4]).longValue();
            c[1] += ((Number) r[5]).longValue();
        }

        // Screened in a school that has a roster, and not on it.
        p = new ArrayList<>(List.of(waveId, waveId, waveId));
        String extra = "SELECT s.region, s.school, s.grade, s.class, COUNT(DISTINCT s.student_id) FROM screening s"
                + " WHERE s.wave_id = ? AND EXISTS (SELECT 1 FROM roster_import i WHERE i.wave_id = ? AND i.region ="
                + " s.region AND i.school = s.school) AND NOT EXISTS (SELECT 1 FROM roster_entry r JOIN roster_import"
                + " i ON i.id = r.roster_id WHERE i.wave_id = ? AND i.region = s.region AND i.school = s.school AND"
                + " r.student_id = s.student_id) AND " + scope.where("s", p)
                + " GROUP BY s.region, s.school, s.grade, s.class";
        for (Object[] r : store.rows(extra, p)) {
            units.computeIfAbsent(key(r), k -> new long[4])[2] += ((Number) r[4]).longValue();
        }

        p = new ArrayList<>(List.of(waveId, waveId, waveId));
        String twice = "SELECT s.region, s.school, s.grade, s.class, COUNT(DISTINCT s.student_id) FROM screening s"
                + " WHERE s.wave_id = ? AND EXISTS (SELECT 1 FROM roster_import i WHERE i.wave_id = ? AND i.region ="
                + " s.region AND i.school = s.school) AND s.student_id IN (SELECT student_id FROM screening WHERE"
                + " wave_id = ? GROUP BY student_id HAVING COUNT(*) > 1) AND " + scope.where("s", p)
                + " GROUP BY s.region, s.school, s.grade, s.class";
        for (Object[] r : store.rows(twice, p)) {
            units.computeIfAbsent(key(r), k -> new long[4])[3] += ((Number) r[4]).longValue();
        }

        p = new ArrayList<>(List.of(waveId, waveId));
        String without = "SELECT DISTINCT s.school FROM screening s WHERE s.wave_id = ? AND NOT EXISTS (SELECT 1"
                + " FROM roster_import i WHERE i.wave_id = ? AND i.region = s.region AND i.school = s.school) AND "
                + scope.where("s", p) + " ORDER BY s.school";
        List<String> schools = new ArrayList<>();
        for (Object[] r : store.rows(without, p)) {
            schools.add((String) r[0]);
        }

        List<Unit> classes = new ArrayList<>();
        units.forEach((k, c) -> classes.add(new Unit(k.get(0), k.get(1), k.get(2), k.get(3), c[0], c[1], c[2], c[3])));
        return new Coverage(wave, classes, schools);
    }

    /** The pseudonyms on the rosters in scope that the wave did not screen, by school, grade and class. */
    static List<String> unscreened(RecordStore store, Scope scope, String wave) throws SQLException {
        List<Object> p = new ArrayList<>(List.of(wave, wave));
        String sql = "SELECT st.token FROM roster_entry r JOIN roster_import i ON i.id = r.roster_id JOIN student st"
                + " ON st.id = r.student_id WHERE i.wave_id = (SELECT id FROM wave WHERE name = ?) AND NOT EXISTS"
                + " (SELECT 1 FROM screening s WHERE s.wave_id = (SELECT id FROM wave WHERE name = ?) AND"
                + " s.student_id = r.student_id) AND " + scope.where("r", p)
                + " ORDER BY r.school, r.grade, r.class, st.token";
        List<String> out = new ArrayList<>();
        for (Object[] r : store.rows(sql, p)) {
            out.add((String) r[0]);
        }
        return out;
    }

    /** Region, school, grade in school order (4 … 12, then v1 … v3), class. */
    private static final java.util.Comparator<List<String>> ORDER =
            java.util.Comparator.<List<String>, String>comparing(k -> k.get(0))
                    .thenComparing(k -> k.get(1))
                    .thenComparingInt(k -> gradeRank(k.get(2)))
                    .thenComparing(k -> k.get(2))
                    .thenComparing(k -> k.get(3));

    private static int gradeRank(String code) {
        org.psyscreen.student.Grade g = org.psyscreen.student.Grade.parse(code);
        return g == null ? Integer.MAX_VALUE : g.rank();
    }

    private static List<String> key(Object[] r) {
        return List.of((String) r[0], (String) r[1], (String) r[2], (String) r[3]);
    }
}
