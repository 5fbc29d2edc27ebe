package org.psyscreen.records;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.psyscreen.privacy.CountTable;
import org.psyscreen.privacy.SmallCellSuppressor;

/** The store's read queries; each one stays inside the caller's scope. */
final class Queries {
    private final RecordStore store;

    Queries(RecordStore store) {
        this.store = store;
    }

    /** A reliability kept for a scale of one instrument version. */
    private record Reliability(double r, String kind, double sd, String source) {}

    private Map<String, Reliability> reliabilities() throws SQLException {
        Map<String, Reliability> m = new HashMap<>();
        for (Object[] r : store.rows(
                "SELECT instrument_key, scale, coefficient, kind, sd, source FROM scale_reliability", List.of())) {
            m.put(r[0] + "#" + r[1], new Reliability(num(r[2]), (String) r[3], num(r[4]), (String) r[5]));
        }
        return m;
    }

    StudentHistory history(Scope scope, String token) throws SQLException {
        List<Object> params = new ArrayList<>(List.of(token));
        String where = scope.where("s", params);
        List<Object[]> rows = store.rows(
                "SELECT s.id, w.name, w.school_year, w.term, s.region, s.school, s.class, s.grade, s.test_date,"
                        + " s.problems FROM screening s JOIN wave w ON w.id = s.wave_id JOIN student st ON st.id ="
                        + " s.student_id WHERE st.token = ? AND " + where
                        + " ORDER BY w.school_year, w.term, w.id, s.record_no",
                params);
        if (rows.isEmpty()) {
            throw new RecordStoreException("no screening of this student in " + scope);
        }
        Map<String, Reliability> reliabilities = reliabilities();
        List<StudentHistory.Screening> out = new ArrayList<>();
        StudentHistory.Screening previous = null;
        for (Object[] r : rows) {
            long id = ((Number) r[0]).longValue();
            Map<String, StudentHistory.Form> forms = forms(id);
            Map<String, StudentHistory.Norm> norms = new LinkedHashMap<>();
            for (Object[] n : store.rows(
                    "SELECT norm_table, table_key, status, t, percentile FROM norm_result WHERE screening_id = ?"
                            + " ORDER BY norm_table",
                    List.of(id))) {
                norms.put(
                        (String) n[0],
                        new StudentHistory.Norm((String) n[1], (String) n[2], numOrNull(n[3]), numOrNull(n[4])));
            }
            List<StudentHistory.Decision> decisions = new ArrayList<>();
            for (Object[] d : store.rows(
                    "SELECT policy, tier, undetermined, follow_ups, explanation FROM decision WHERE screening_id = ?"
                            + " ORDER BY id",
                    List.of(id))) {
                decisions.add(new StudentHistory.Decision(
                        (String) d[0], (String) d[1], ((Number) d[2]).intValue() == 1, (String) d[3], (String) d[4]));
            }
            List<ScaleChange> changes = previous == null ? List.of() : changes(previous.forms(), forms, reliabilities);
            StudentHistory.Screening s = new StudentHistory.Screening(
                    (String) r[1],
                    (String) r[2],
                    ((Number) r[3]).intValue(),
                    (String) r[4],
                    (String) r[5],
                    (String) r[6],
                    (String) r[7],
                    (String) r[8],
                    (String) r[9],
                    forms,
                    norms,
                    decisions,
                    changes);
            out.add(s);
            previous = s;
        }
        List<Object> caseParams = new ArrayList<>(List.of(token));
        String caseWhere = scope.where("c", caseParams);
        List<WarningCase> cases = cases(
                "JOIN student st ON st.id = c.student_id WHERE st.token = ? AND " + caseWhere + " ORDER BY c.id",
                caseParams);
        return new StudentHistory(token, out, cases);
    }

    Map<String, StudentHistory.Form> forms(long screeningId) throws SQLException {
        Map<String, StudentHistory.Form> forms = new LinkedHashMap<>();
        for (Object[] f : store.rows(
                "SELECT instrument, instrument_key, definition_sha256, status, reasons, critical FROM form_result"
                        + " WHERE screening_id = ? ORDER BY instrument",
                List.of(screeningId))) {
            Map<String, Double> scales = new LinkedHashMap<>();
            for (Object[] s : store.rows(
                    "SELECT scale, value FROM scale_score WHERE screening_id = ? AND instrument = ?",
                    List.of(screeningId, f[0]))) {
                scales.put((String) s[0], numOrNull(s[1]));
            }
            forms.put(
                    (String) f[0],
                    new StudentHistory.Form(
                            (String) f[1], (String) f[2], (String) f[3], (String) f[4], scales, (String) f[5]));
        }
        return forms;
    }

    /** Every scale of the later screening against the earlier one. */
    private static List<ScaleChange> changes(
            Map<String, StudentHistory.Form> before,
            Map<String, StudentHistory.Form> after,
            Map<String, Reliability> reliabilities) {
        List<ScaleChange> out = new ArrayList<>();
        for (var f : after.entrySet()) {
            StudentHistory.Form was = before.get(f.getKey());
            for (var s : f.getValue().scales().entrySet()) {
                Double from = was == null ? null : was.scales().get(s.getKey());
                Double to = s.getValue();
                out.add(change(
                        f.getKey(),
                        s.getKey(),
                        from,
                        to,
                        was == null ? null : was.instrumentKey(),
                        f.getValue().instrumentKey(),
                        reliabilities));
            }
        }
        return out;
    }

    private static ScaleChange change(
            String instrument,
            String scale,
            Double from,
            Double to,
            String keyBefore,
            String keyAfter,
            Map<String, Reliability> reliabilities) {
        Reliability r = reliabilities.get(keyAfter + "#" + scale);
        if (r == null) {
            return new ScaleChange(
                    instrument,
                    scale,
                    from,
                    to,
                    null,
                    "RCI not available (" + keyAfter + " cites no reliability and SD for it)");
        }
        if (keyBefore != null && !keyBefore.equals(keyAfter)) {
            return new ScaleChange(
                    instrument,
                    scale,
                    from,
                    to,
                    null,
                    "RCI not available: scored with " + keyBefore + " then " + keyAfter);
        }
        if (from == null || to == null) {
            return new ScaleChange(instrument, scale, from, to, null, "RCI not available: a score is missing");
        }
        String note = r.kind() + " " + r.r() + ", SD " + r.sd() + ", cited as " + r.source() + " in " + keyAfter;
        return new ScaleChange(instrument, scale, from, to, ScaleChange.index(from, to, r.r(), r.sd()), note);
    }

    /** One student's latest screening in a wave: id, token, school, and the decision as decided then. */
    private record Seen(long screening, String token, String school, String tier, int rank, boolean undetermined) {}

    private Map<Long, Seen> seen(Scope scope, long waveId) throws SQLException {
        List<Object> params = new ArrayList<>(List.of(waveId));
        String where = scope.where("s", params);
        Map<Long, Seen> m = new LinkedHashMap<>();
        for (Object[] r : store.rows(
                "SELECT s.student_id, s.id, st.token, s.school, d.tier, d.tier_rank, d.undetermined FROM screening s"
                        + " JOIN student st ON st.id = s.student_id LEFT JOIN decision d ON d.id = (SELECT MIN(d2.id)"
                        + " FROM decision d2 WHERE d2.screening_id = s.id) WHERE s.wave_id = ? AND " + where
                        + " ORDER BY s.id",
                params)) {
            m.put(
                    ((Number) r[0]).longValue(),
                    new Seen(
                            ((Number) r[1]).longValue(),
                            (String) r[2],
                            (String) r[3],
                            (String) r[4],
                            r[5] == null ? Integer.MAX_VALUE : ((Number) r[5]).intValue(),
                            r[6] != null && ((Number) r[6]).intValue() == 1));
        }
        return m;
    }

    private long waveId(String name) throws SQLException {
        List<Object[]> r = store.rows("SELECT id FROM wave WHERE name = ?", List.of(name));
        if (r.isEmpty()) {
            throw new RecordStoreException("no wave named '" + name + "' in " + store.label() + " (waves: "
                    + String.join(", ", waveNames()) + ")");
        }
        return ((Number) r.get(0)[0]).longValue();
    }

    private List<String> waveNames() throws SQLException {
        List<String> out = new ArrayList<>();
        for (Object[] r : store.rows("SELECT name FROM wave ORDER BY school_year, term, id", List.of())) {
            out.add((String) r[0]);
        }
        return out;
    }

    /** Scale scores and instrument keys of every screening of a wave in scope. */
    private Map<Long, Map<String, StudentHistory.Form>> waveForms(Scope scope, long waveId) throws SQLException {
        Map<Long, Map<String, StudentHistory.Form>> out = new HashMap<>();
        List<Object> params = new ArrayList<>(List.of(waveId));
        String where = scope.where("s", params);
        for (Object[] r : store.rows(
                "SELECT f.screening_id, f.instrument, f.instrument_key FROM form_result f JOIN screening s ON s.id ="
                        + " f.screening_id WHERE s.wave_id = ? AND " + where,
                params)) {
            out.computeIfAbsent(((Number) r[0]).longValue(), k -> new LinkedHashMap<>())
                    .put((String) r[1], new StudentHistory.Form((String) r[2], "", "", "", new LinkedHashMap<>(), ""));
        }
        for (Object[] r : store.rows(
                "SELECT c.screening_id, c.instrument, c.scale, c.value FROM scale_score c JOIN screening s ON s.id ="
                        + " c.screening_id WHERE s.wave_id = ? AND " + where + " ORDER BY c.screening_id, c.instrument",
                params)) {
            var form = out.get(((Number) r[0]).longValue()).get((String) r[1]);
            form.scales().put((String) r[2], numOrNull(r[3]));
        }
        return out;
    }

    WaveChanges changes(Scope scope, String fromWave, String toWave) throws SQLException {
        long from = waveId(fromWave);
        long to = waveId(toWave);
        Map<Long, Seen> before = seen(scope, from);
        Map<Long, Seen> after = seen(scope, to);
        Map<Long, Map<String, StudentHistory.Form>> formsBefore = waveForms(scope, from);
        Map<Long, Map<String, StudentHistory.Form>> formsAfter = waveForms(scope, to);
        Map<String, Reliability> reliabilities = reliabilities();
        List<WaveChanges.StudentChange> students = new ArrayList<>();
        Map<WaveChanges.Transition, Long> transitions = new EnumMap<>(WaveChanges.Transition.class);
        List<String> missing = new ArrayList<>();
        for (var e : before.entrySet()) {
            Seen was = e.getValue();
            Seen now = after.get(e.getKey());
            if (now == null) {
                missing.add(was.token());
                continue;
            }
            WaveChanges.Transition t = transition(was, now);
            transitions.merge(t, 1L, Long::sum);
            students.add(new WaveChanges.StudentChange(
                    now.token(),
                    now.school(),
                    was.tier(),
                    now.tier(),
                    t,
                    changes(
                            formsBefore.getOrDefault(was.screening(), Map.of()),
                            formsAfter.getOrDefault(now.screening(), Map.of()),
                            reliabilities)));
        }
        return new WaveChanges(fromWave, toWave, students, transitions, before.size(), after.size(), missing);
    }

    private static WaveChanges.Transition transition(Seen was, Seen now) {
        if (was.undetermined()
                || now.undetermined()
                || was.rank() == Integer.MAX_VALUE
                || now.rank() == Integer.MAX_VALUE) {
            return WaveChanges.Transition.UNDETERMINED;
        }
        if (was.tier() == null && now.tier() != null) {
            return WaveChanges.Transition.NEWLY_FLAGGED;
        }
        if (now.rank() < was.rank()) {
            return WaveChanges.Transition.ESCALATED;
        }
        if (now.rank() > was.rank()) {
            return WaveChanges.Transition.IMPROVED;
        }
        return WaveChanges.Transition.UNCHANGED;
    }

    /** Grades in school order (4, 5, … 12, v1 …), not as text (10, 11, 12, 4): unknown grades last. */
    private static final String GRADE_ORDER = gradeOrder();

    private static String gradeOrder() {
        StringBuilder b = new StringBuilder("CASE c.grade");
        for (String code : org.psyscreen.student.Grade.CODES) {
            b.append(" WHEN '").append(code).append("' THEN ").append(org.psyscreen.student.Grade.CODES.indexOf(code));
        }
        return b.append(" ELSE ")
                .append(org.psyscreen.student.Grade.CODES.size())
                .append(" END")
                .toString();
    }

    /** Open and monitored cases in scope, most severe first, then by region, school and grade. */
    List<WarningCase> cases(Scope scope, boolean includeClosed) throws SQLException {
        List<Object> params = new ArrayList<>();
        String where = scope.where("c", params);
        return cases(
                "JOIN student st ON st.id = c.student_id WHERE " + where
                        + (includeClosed ? "" : " AND c.state <> 'closed'")
                        + " ORDER BY c.tier_rank, c.region, c.school, " + GRADE_ORDER + ", c.grade, st.token",
                params);
    }

    /** The student's case under the policy. */
    WarningCase caseOf(long studentId, String policyId) throws SQLException {
        return cases(
                        "JOIN student st ON st.id = c.student_id WHERE c.student_id = ? AND c.policy_id = ?",
                        new ArrayList<>(List.of(studentId, policyId)))
                .get(0);
    }

    WarningCase caseById(long id) throws SQLException {
        return cases("JOIN student st ON st.id = c.student_id WHERE c.id = ?", new ArrayList<>(List.of(id)))
                .get(0);
    }

    private List<WarningCase> cases(String tail, List<Object> params) throws SQLException {
        List<Object[]> rows = store.rows(
                "SELECT c.id, st.token, c.region, c.school, c.grade, c.policy_id, c.tier, c.tier_rank, c.state,"
                        + " c.opened_wave, c.last_wave, c.source, c.screened_tier FROM warning_case c " + tail,
                params);
        Map<Long, List<CaseEvent>> events = new HashMap<>();
        if (!rows.isEmpty()) {
            List<Object> ep = new ArrayList<>(params);
            for (Object[] e : store.rows(
                    "SELECT e.case_id, e.kind, e.event_date, e.role, e.outcome, e.owner, e.due_date FROM case_event e"
                            + " WHERE e.case_id IN"
                            + " (SELECT c.id FROM warning_case c " + stripOrder(tail) + ")"
                            // the case's history as it happened: by date, on one day the store's own event
                            // (from that day's screening) before people's, then as recorded
                            + " ORDER BY e.event_date, CASE WHEN e.role = 'system' THEN 0 ELSE 1 END, e.id",
                    ep)) {
                events.computeIfAbsent(((Number) e[0]).longValue(), k -> new ArrayList<>())
                        .add(new CaseEvent(
                                EventKind.ofWord((String) e[1]),
                                (String) e[2],
                                Role.ofWord((String) e[3]),
                                (String) e[4],
                                e[5] == null ? "" : (String) e[5],
                                e[6] == null ? "" : (String) e[6]));
            }
        }
        List<WarningCase> out = new ArrayList<>();
        for (Object[] r : rows) {
            out.add(new WarningCase(
                    (String) r[1],
                    (String) r[2],
                    (String) r[3],
                    (String) r[4],
                    (String) r[5],
                    (String) r[6],
                    ((Number) r[7]).intValue(),
                    CaseState.of((String) r[8]),
                    (String) r[9],
                    (String) r[10],
                    events.getOrDefault(((Number) r[0]).longValue(), List.of()),
                    (String) r[11],
                    (String) r[12]));
        }
        return out;
    }

    private static String stripOrder(String tail) {
        int o = tail.indexOf(" ORDER BY ");
        return o < 0 ? tail : tail.substring(0, o);
    }

    List<String> undetermined(Scope scope) throws SQLException {
        List<Object> params = new ArrayList<>();
        String where = scope.where("s", params);
        List<String> out = new ArrayList<>();
        for (Object[] r : store.rows(
                "SELECT st.token FROM screening s JOIN student st ON st.id = s.student_id JOIN decision d ON d.id ="
                        + " (SELECT MIN(d2.id) FROM decision d2 WHERE d2.screening_id = s.id) WHERE " + where
                        + " AND d.undetermined = 1 AND s.id = (SELECT MAX(s2.id) FROM screening s2 WHERE"
                        + " s2.student_id = s.student_id) ORDER BY st.token",
                params)) {
            out.add((String) r[0]);
        }
        return out;
    }

    UpwardReport upward(Scope scope, String wave, int k) throws SQLException {
        long waveId = waveId(wave);
        // Tier columns in the policy's order (rank 0 first), as the wave's decisions carry them.
        List<Object> params = new ArrayList<>(List.of(waveId));
        String where = scope.where("s", params);
        List<Object[]> decided = store.rows(
                "SELECT s.region, s.school, d.tier, d.tier_rank, d.undetermined FROM screening s JOIN decision d ON"
                        + " d.id = (SELECT MIN(d2.id) FROM decision d2 WHERE d2.screening_id = s.id) WHERE s.wave_id"
                        + " = ? AND " + where,
                params);
        Map<Integer, String> tierByRank = new java.util.TreeMap<>();
        for (Object[] r : decided) {
            if (r[2] != null) {
                tierByRank.put(((Number) r[3]).intValue(), (String) r[2]);
            }
        }
        List<String> columns = new ArrayList<>(tierByRank.values());
        columns.add("none");
        columns.add("undetermined");
        Map<String, Map<String, long[]>> counts = new java.util.TreeMap<>();
        for (Object[] r : decided) {
            long[] c = counts.computeIfAbsent((String) r[0], x -> new java.util.TreeMap<>())
                    .computeIfAbsent((String) r[1], x -> new long[columns.size()]);
            int col = r[2] != null
                    ? columns.indexOf((String) r[2])
                    : ((Number) r[4]).intValue() == 1 ? columns.size() - 1 : columns.size() - 2;
            c[col]++;
        }
        CountTable table = new CountTable(columns);
        List<String[]> keys = new ArrayList<>();
        for (var region : counts.entrySet()) {
            long[] sum = new long[columns.size()];
            region.getValue().values().forEach(c -> {
                for (int i = 0; i < c.length; i++) {
                    sum[i] += c[i];
                }
            });
            int parent = table.add(region.getKey(), -1, sum);
            keys.add(new String[] {region.getKey(), ""});
            for (var school : region.getValue().entrySet()) {
                table.add(school.getKey(), parent, school.getValue());
                keys.add(new String[] {region.getKey(), school.getKey()});
            }
        }
        SmallCellSuppressor.suppress(table, k);
        List<UpwardReport.Count> rows = new ArrayList<>();
        for (int u = 0; u < table.units().size(); u++) {
            CountTable.Unit unit = table.units().get(u);
            List<Long> cells = new ArrayList<>();
            for (int c = 0; c < columns.size(); c++) {
                cells.add(unit.published(c));
            }
            rows.add(new UpwardReport.Count(keys.get(u)[0], keys.get(u)[1], unit.publishedTotal(), cells));
        }
        List<UpwardReport.Crisis> crisis = new ArrayList<>();
        for (WarningCase c : cases(scope, false)) {
            if (c.tierRank() != 0) {
                continue;
            }
            boolean referred = c.events().stream().anyMatch(e -> e.kind() == EventKind.REFERRAL);
            boolean assessed = c.events().stream().anyMatch(e -> e.kind() == EventKind.RETURN_TO_SCHOOL);
            CaseEvent last =
                    c.events().isEmpty() ? null : c.events().get(c.events().size() - 1);
            crisis.add(new UpwardReport.Crisis(
                    c.token(),
                    c.region(),
                    c.school(),
                    c.grade(),
                    c.tier(),
                    c.state(),
                    c.openedWave(),
                    c.lastWave(),
                    referred,
                    assessed,
                    last == null ? "" : last.kind().word(),
                    last == null ? "" : last.date()));
        }
        return new UpwardReport(wave, store.now(), k, columns, rows, crisis);
    }

    private static double num(Object o) {
        return ((Number) o).doubleValue();
    }

    private static Double numOrNull(Object o) {
        return o == null ? null : ((Number) o).doubleValue();
    }
}
