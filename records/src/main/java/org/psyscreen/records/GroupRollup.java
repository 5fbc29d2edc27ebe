package org.psyscreen.records;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.psyscreen.privacy.CountTable;
import org.psyscreen.privacy.SmallCellSuppressor;
import org.psyscreen.tier.CutoffPolicy;
import org.psyscreen.tier.TierDecision;

/**
 * A wave's outcomes by special group (留守、单亲… as the rosters declare them) and by dormitory, per
 * school: one table per dimension, whose groups split each school's roster with nothing left over
 * ({@code yes}, {@code no}, {@code unknown} for an attribute; each dormitory and {@code none}), so
 * that every table's children add up to its school. Columns are the policy's outcomes (its tiers,
 * {@code unevaluated}, {@code none}) and {@code not-screened}. Every table passes the same small-cell
 * suppression as a class roll-up ({@link SmallCellSuppressor}) before it is returned.
 */
final class GroupRollup {
    /** The column of roster students the wave did not screen. */
    static final String NOT_SCREENED = "not-screened";

    private GroupRollup() {}

    static Map<String, CountTable> of(RecordStore store, Scope scope, String wave, CutoffPolicy policy, int k)
            throws SQLException {
        List<Object> p = new ArrayList<>(List.of(wave));
        List<Object[]> roster = store.rows(
                "SELECT r.student_id, r.region, r.school, r.dormitory, r.attributes FROM roster_entry r JOIN"
                        + " roster_import i ON i.id = r.roster_id WHERE i.wave_id = (SELECT id FROM wave WHERE name"
                        + " = ?) AND " + scope.where("r", p) + " ORDER BY r.region, r.school",
                p);
        List<String> columns = new ArrayList<>(policy.outcomeIds());
        columns.add(NOT_SCREENED);
        Map<Long, String> outcome = outcomes(store, wave, policy);

        // each roster row's declared attributes, read once; every school gets every attribute's table
        List<Map<String, String>> declared = new ArrayList<>();
        TreeSet<String> attributes = new TreeSet<>();
        for (Object[] r : roster) {
            Map<String, String> d = new HashMap<>();
            for (String a : ((String) r[4]).split(" ")) {
                int eq = a.indexOf('=');
                if (eq > 0) {
                    d.put(a.substring(0, eq), a.substring(eq + 1));
                }
            }
            declared.add(d);
            attributes.addAll(d.keySet());
        }
        // dimension -> school -> group -> counts
        Map<String, Map<String, Map<String, long[]>>> dims = new TreeMap<>();
        for (int i = 0; i < roster.size(); i++) {
            Object[] r = roster.get(i);
            String school = r[1] + "\u0000" + r[2];
            int c = columns.indexOf(outcome.getOrDefault(((Number) r[0]).longValue(), NOT_SCREENED));
            for (String a : attributes) {
                count(dims, "attr." + a, school, declared.get(i).getOrDefault(a, "unknown"), columns.size(), c);
            }
            String dorm = (String) r[3];
            count(dims, "dormitory", school, dorm.isEmpty() ? "none" : dorm, columns.size(), c);
        }
        Map<String, CountTable> out = new LinkedHashMap<>();
        dims.forEach((dim, schools) -> {
            CountTable t = new CountTable(columns);
            schools.forEach((school, groups) -> {
                long[] total = new long[columns.size()];
                groups.values().forEach(g -> {
                    for (int i = 0; i < total.length; i++) {
                        total[i] += g[i];
                    }
                });
                int parent = t.add(school.substring(school.indexOf('\u0000') + 1), -1, total);
                groups.forEach((group, counts) -> t.add(group, parent, counts));
            });
            out.put(dim, SmallCellSuppressor.suppress(t, k));
        });
        return out;
    }

    private static void count(
            Map<String, Map<String, Map<String, long[]>>> dims,
            String dim,
            String school,
            String group,
            int width,
            int column) {
        dims.computeIfAbsent(dim, d -> new TreeMap<>())
                .computeIfAbsent(school, s -> new TreeMap<>())
                .computeIfAbsent(group, g -> new long[width])[column]++;
    }

    /** Each student's outcome in the wave under the policy: the most severe tier of their screenings. */
    static Map<Long, String> outcomes(RecordStore store, String wave, CutoffPolicy policy) throws SQLException {
        Map<Long, int[]> best = new HashMap<>(); // rank (tiers.size() = none), undetermined
        int none = policy.tierIds().size();
        // screened without a decision under this policy: unevaluated, never "none"
        for (Object[] r : store.rows(
                "SELECT DISTINCT student_id FROM screening WHERE wave_id = (SELECT id FROM wave WHERE name = ?)",
                List.of(wave))) {
            best.put(((Number) r[0]).longValue(), new int[] {none, 1});
        }
        java.util.Set<Long> decided = new java.util.HashSet<>();
        for (Object[] r : store.rows(
                "SELECT s.student_id, d.tier_rank, d.undetermined FROM screening s JOIN decision d ON"
                        + " d.screening_id = s.id WHERE s.wave_id = (SELECT id FROM wave WHERE name = ?) AND d.id ="
                        + " (SELECT MIN(d2.id) FROM decision d2 WHERE d2.screening_id = s.id AND d2.policy LIKE ?)",
                List.of(wave, policy.id() + "@%"))) {
            long student = ((Number) r[0]).longValue();
            int rank = ((Number) r[1]).intValue();
            int undetermined = ((Number) r[2]).intValue();
            int[] b = best.computeIfAbsent(student, s -> new int[] {none, 0});
            if (decided.add(student)) {
                b[1] = 0; // it has a decision: only its own undetermined flags count
            }
            b[0] = Math.min(b[0], rank);
            b[1] = Math.max(b[1], undetermined);
        }
        Map<Long, String> out = new HashMap<>();
        best.forEach((student, b) -> out.put(
                student,
                b[0] < none
                        ? policy.tierIds().get(b[0])
                        : b[1] > 0 ? TierDecision.UNDETERMINED_ID : TierDecision.NO_RISK_ID));
        return out;
    }
}
