package org.psyscreen.records;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.psyscreen.diagnostic.ProblemCode;

/**
 * One school's roster for a wave, written inside the store's write transaction: the wave (made when
 * the request names its school year and term), the students' tokens, the roster's rows. A school's
 * earlier roster for the same wave is replaced whole.
 */
final class RosterImport {
    private final RecordStore store;

    RosterImport(RecordStore store) {
        this.store = store;
    }

    RosterResult run(Wave wave, Roster roster, boolean newSchool) throws SQLException {
        store.requireKey(
                roster.keyId(),
                ProblemCode.ROSTER_OTHER_KEY.id() + " the roster was pseudonymised with key " + roster.keyId(),
                "");
        if (!newSchool && !known(roster) && knowsAnySchool()) {
            throw new RecordStoreException(ProblemCode.ROSTER_UNKNOWN_SCHOOL.id() + " " + store.label()
                    + " has no screening and no roster of school '" + roster.school() + "'"
                    + (roster.region().isEmpty() ? "" : " in region '" + roster.region() + "'")
                    + ": check the school's code; a school new to the store is imported on purpose (--new-school);"
                    + " nothing was imported");
        }
        long waveId = waveId(wave);
        List<Object[]> earlier = store.rows(
                "SELECT id FROM roster_import WHERE wave_id = ? AND region = ? AND school = ?",
                List.of(waveId, roster.region(), roster.school()));
        for (Object[] r : earlier) {
            long id = ((Number) r[0]).longValue();
            store.update("DELETE FROM roster_entry WHERE roster_id = ?", id);
            store.update("DELETE FROM roster_import WHERE id = ?", id);
        }
        long importId = store.nextId("roster_import");
        store.update(
                "INSERT INTO roster_import (id, wave_id, region, school, input_sha256, students, imported_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                importId,
                waveId,
                roster.region(),
                roster.school(),
                roster.sha256(),
                roster.entries().size(),
                store.now());
        try (Students students = new Students(store);
                PreparedStatement row = store.connection()
                        .prepareStatement(
                                "INSERT INTO roster_entry (roster_id, student_id, region, school, grade, class,"
                                        + " dormitory, attributes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            int pending = 0;
            for (Roster.Entry e : roster.entries()) {
                row.setLong(1, importId);
                row.setLong(2, students.id(e.token()));
                row.setString(3, roster.region());
                row.setString(4, roster.school());
                row.setString(5, e.grade());
                row.setString(6, e.klass());
                row.setString(7, e.dormitory());
                row.setString(8, attributes(e.attributes()));
                row.addBatch();
                if (++pending == RecordStore.BATCH) {
                    students.flush(); // a student's row before the roster rows that refer to it
                    row.executeBatch();
                    pending = 0;
                }
            }
            students.flush();
            row.executeBatch();
        }
        return new RosterResult(wave.name(), roster.school(), roster.entries().size(), !earlier.isEmpty());
    }

    private boolean known(Roster roster) throws SQLException {
        List<Object> p = List.of(roster.region(), roster.school(), roster.region(), roster.school());
        return !store.rows(
                        "SELECT 1 FROM screening WHERE region = ? AND school = ? UNION ALL SELECT 1 FROM roster_import"
                                + " WHERE region = ? AND school = ?",
                        p)
                .isEmpty();
    }

    private boolean knowsAnySchool() throws SQLException {
        return !store.rows("SELECT 1 FROM screening UNION ALL SELECT 1 FROM roster_import", List.of())
                .isEmpty();
    }

    /** The wave's id: an existing wave, or a new one when the request gives its school year and term. */
    private long waveId(Wave wave) throws SQLException {
        List<Object[]> rows = store.rows("SELECT id FROM wave WHERE name = ?", List.of(wave.name()));
        if (!rows.isEmpty()) {
            return ((Number) rows.get(0)[0]).longValue();
        }
        if (!wave.complete()) {
            throw new RecordStoreException("wave '" + wave.name() + "' is not in " + store.label() + " yet: give its"
                    + " school year and term (--school-year, --term) to begin it with the roster");
        }
        long id = store.nextId("wave");
        store.update(
                "INSERT INTO wave (id, name, school_year, term, first_test_date, created_at) VALUES (?, ?, ?, ?, NULL,"
                        + " ?)",
                id,
                wave.name(),
                wave.schoolYear(),
                wave.term(),
                store.now());
        return id;
    }

    /** {@code name=yes|no ...}, in the roster's column order. */
    static String attributes(Map<String, Boolean> attributes) {
        StringJoiner j = new StringJoiner(" ");
        attributes.forEach((k, v) -> j.add(k + "=" + (v ? "yes" : "no")));
        return j.toString();
    }
}
