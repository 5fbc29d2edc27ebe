package org.psyscreen.records;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.psyscreen.privacy.CountTable;
import org.psyscreen.privacy.SmallCellSuppressor;
import org.psyscreen.tier.CutoffPolicy;

/**
 * The district statistics form (排查统计表) a school or a region sends up: per school, the wave's
 * students and outcomes, the warning cases by source, and how the closed loop stands on a day —
 * cases referred, parents notified and acknowledged, cases overdue, students visited at home.
 *
 * <p>Each group of columns that splits a whole is its own count table, and every table passes the
 * same small-cell suppression as the upward report ({@link SmallCellSuppressor}): the outcomes and
 * {@code not-screened} split the school's students; the sources split its open cases; each of
 * referred, notified, acknowledged and overdue splits the cases into yes and no (only yes is
 * published); visited splits the roster. A hidden count is written {@code <k}. Schools are grouped
 * under their region, so no school's count can be found from the region's less its other schools'.
 */
public final class DistrictForm {
    /** Parts of the form, in column order. */
    private static final List<String> FLAGS = List.of("referred", "notified", "acknowledged", "overdue");

    private final String wave;
    private final LocalDate asOf;
    private final int minCell;
    private final List<String> columns = new ArrayList<>();
    private final List<String[]> rows = new ArrayList<>();

    private DistrictForm(String wave, LocalDate asOf, int minCell) {
        this.wave = wave;
        this.asOf = asOf;
        this.minCell = minCell;
    }

    /** {@return the column names, starting with region and school} */
    public List<String> columns() {
        return List.copyOf(columns);
    }

    /** {@return one row per region total and school under it; a hidden count is {@code <k}} */
    public List<List<String>> rows() {
        return rows.stream().map(List::of).toList();
    }

    /** {@return the wave counted} */
    public String wave() {
        return wave;
    }

    /** {@return the day the closed loop's counts stand on} */
    public LocalDate asOf() {
        return asOf;
    }

    /** {@return the smallest count published} */
    public int minCell() {
        return minCell;
    }

    /**
     * Writes the form as CSV (UTF-8, a header row).
     *
     * @param out where to
     * @throws IOException when writing fails
     */
    public void writeCsv(Writer out) throws IOException {
        try (var csv = de.siegmar.fastcsv.writer.CsvWriter.builder().build(out)) {
            csv.writeRecord(columns);
            for (String[] r : rows) {
                csv.writeRecord(r);
            }
        }
    }

    /**
     * Writes the form as an .xlsx workbook with one sheet, counts as numbers, the header frozen.
     *
     * @param out where to
     * @throws IOException when writing fails
     */
    public void writeXlsx(OutputStream out) throws IOException {
        org.dhatim.fastexcel.Workbook wb = new org.dhatim.fastexcel.Workbook(out, "psyscreen", "1.0");
        org.dhatim.fastexcel.Worksheet ws = wb.newWorksheet("排查统计表");
        for (int c = 0; c < columns.size(); c++) {
            ws.value(0, c, columns.get(c));
        }
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            for (int c = 0; c < row.length; c++) {
                if (c >= 2 && row[c].matches("[0-9]{1,18}")) {
                    ws.value(r + 1, c, Long.parseLong(row[c]));
                } else {
                    ws.value(r + 1, c, row[c]);
                }
            }
        }
        ws.freezePane(2, 1);
        wb.finish();
    }

    static DistrictForm of(RecordStore store, Scope scope, String wave, CutoffPolicy policy, LocalDate asOf, int k)
            throws SQLException {
        DistrictForm form = new DistrictForm(wave, asOf, k);
        Map<Long, String> outcome = GroupRollup.outcomes(store, wave, policy);
        // students: on a roster of the wave or screened in it, at their school
        Map<String, Map<Long, String>> students = new TreeMap<>(); // region\0school -> student -> outcome
        Map<String, Set<Long>> roster = new TreeMap<>();
        List<Object> p = new ArrayList<>(List.of(wave));
        for (Object[] r : store.rows(
                "SELECT r.student_id, r.region, r.school FROM roster_entry r JOIN roster_import i ON i.id ="
                        + " r.roster_id WHERE i.wave_id = (SELECT id FROM wave WHERE name = ?) AND "
                        + scope.where("r", p),
                p)) {
            long id = ((Number) r[0]).longValue();
            String school = r[1] + "\u0000" + r[2];
            students.computeIfAbsent(school, s -> new HashMap<>())
                    .put(id, outcome.getOrDefault(id, GroupRollup.NOT_SCREENED));
            roster.computeIfAbsent(school, s -> new HashSet<>()).add(id);
        }
        List<Object> q = new ArrayList<>(List.of(wave));
        for (Object[] r : store.rows(
                "SELECT DISTINCT s.student_id, s.region, s.school FROM screening s WHERE s.wave_id = (SELECT id FROM"
                        + " wave WHERE name = ?) AND " + scope.where("s", q),
                q)) {
            long id = ((Number) r[0]).longValue();
            students.computeIfAbsent(r[1] + "\u0000" + r[2], s -> new HashMap<>())
                    .put(id, outcome.getOrDefault(id, GroupRollup.NOT_SCREENED));
        }
        // open and monitored cases now, by school, with their source and loop flags
        Map<String, Map<Long, String>> caseSource = new TreeMap<>();
        Map<Long, boolean[]> flags = new HashMap<>();
        List<Object> c = new ArrayList<>(List.of(policy.id()));
        for (Object[] r : store.rows(
                "SELECT c.id, c.region, c.school, c.source, EXISTS (SELECT 1 FROM case_event e WHERE e.case_id = c.id"
                        + " AND e.kind = 'referral'), EXISTS (SELECT 1 FROM case_event e WHERE e.case_id = c.id AND"
                        + " e.kind = 'parent-notified'), EXISTS (SELECT 1 FROM case_event e WHERE e.case_id = c.id AND"
                        + " e.kind = 'parent-acknowledged') FROM warning_case c WHERE c.policy_id = ? AND c.state <>"
                        + " 'closed' AND " + scope.where("c", c),
                c)) {
            long id = ((Number) r[0]).longValue();
            caseSource
                    .computeIfAbsent(r[1] + "\u0000" + r[2], s -> new HashMap<>())
                    .put(id, (String) r[3]);
            flags.put(id, new boolean[] {truth(r[4]), truth(r[5]), truth(r[6]), false});
        }
        Map<String, Long> overdueBySchool = new HashMap<>();
        boolean intervals = policy.tiers().stream().allMatch(t -> t.followUpDays() > 0);
        if (intervals) {
            for (CaseDue d : Overdue.of(store, scope, policy, asOf)) {
                if (d.overdue()) {
                    overdueBySchool.merge(d.region() + "\u0000" + d.school(), 1L, Long::sum);
                }
            }
        }
        // visited: roster students with a home visit in the wave's school year
        String year = store.rows("SELECT school_year FROM wave WHERE name = ?", List.of(wave)).stream()
                .map(r -> (String) r[0])
                .findFirst()
                .orElseThrow(() -> new RecordStoreException("the store has no wave " + wave));
        String from = year.substring(0, 4) + "-09-01";
        String to = (Integer.parseInt(year.substring(0, 4)) + 1) + "-09-01";
        Set<Long> visited = new HashSet<>();
        for (Object[] r : store.rows(
                "SELECT DISTINCT student_id FROM home_visit WHERE visit_date >= ? AND visit_date < ?",
                List.of(from, to))) {
            visited.add(((Number) r[0]).longValue());
        }

        Set<String> schools = new java.util.TreeSet<>(students.keySet());
        schools.addAll(caseSource.keySet());
        List<String> outcomes = new ArrayList<>(policy.outcomeIds());
        outcomes.add(GroupRollup.NOT_SCREENED);
        List<String> sources = new ArrayList<>(List.of(Cases.SCREENING));
        for (ReportSource s : ReportSource.values()) {
            sources.add(s.word());
        }
        Map<String, CountTable> tables = new LinkedHashMap<>();
        tables.put("students", table(schools, outcomes, s -> tally(students.get(s), outcomes)));
        tables.put("cases", table(schools, sources, s -> tally(caseSource.get(s), sources)));
        for (int f = 0; f < FLAGS.size(); f++) {
            int flag = f;
            tables.put(FLAGS.get(f), table(schools, List.of("yes", "no"), s -> {
                Map<Long, String> cs = caseSource.getOrDefault(s, Map.of());
                long yes = flag == 3
                        ? overdueBySchool.getOrDefault(s, 0L)
                        : cs.keySet().stream().filter(id -> flags.get(id)[flag]).count();
                return new long[] {yes, cs.size() - yes};
            }));
        }
        tables.put("visited", table(schools, List.of("yes", "no"), s -> {
            Set<Long> r = roster.getOrDefault(s, Set.of());
            long yes = r.stream().filter(visited::contains).count();
            return new long[] {yes, r.size() - yes};
        }));
        tables.values().forEach(t -> SmallCellSuppressor.suppress(t, k));

        form.columns.addAll(List.of("region", "school", "students"));
        form.columns.addAll(outcomes);
        form.columns.add("cases");
        sources.forEach(s -> form.columns.add("cases." + s));
        FLAGS.forEach(f -> form.columns.add(f));
        form.columns.add("visited");
        if (!intervals) {
            form.columns.set(form.columns.indexOf("overdue"), "overdue (no intervals in the policy)");
        }
        int units = tables.get("students").units().size();
        for (int u = 0; u < units; u++) {
            CountTable.Unit unit = tables.get("students").units().get(u);
            List<String> row = new ArrayList<>();
            String id = unit.id();
            int sep = id.indexOf('\u0000');
            row.add(sep < 0 ? id : id.substring(0, sep));
            row.add(sep < 0 ? "(all schools)" : id.substring(sep + 1));
            row.add(form.cell(unit.publishedTotal()));
            for (int i = 0; i < outcomes.size(); i++) {
                row.add(form.cell(unit.published(i)));
            }
            CountTable.Unit cases = tables.get("cases").units().get(u);
            row.add(form.cell(cases.publishedTotal()));
            for (int i = 0; i < sources.size(); i++) {
                row.add(form.cell(cases.published(i)));
            }
            for (String f : FLAGS) {
                row.add(
                        intervals || !f.equals("overdue")
                                ? form.cell(tables.get(f).units().get(u).published(0))
                                : "");
            }
            row.add(form.cell(tables.get("visited").units().get(u).published(0)));
            form.rows.add(row.toArray(String[]::new));
        }
        return form;
    }

    private String cell(Long published) {
        return published == null ? "<" + minCell : published.toString();
    }

    private static boolean truth(Object o) {
        return o instanceof Boolean b ? b : ((Number) o).intValue() != 0;
    }

    private static long[] tally(Map<Long, String> values, List<String> columns) {
        long[] counts = new long[columns.size()];
        if (values != null) {
            for (String v : values.values()) {
                int i = columns.indexOf(v);
                if (i >= 0) {
                    counts[i]++;
                }
            }
        }
        return counts;
    }

    /** One table: each region as a parent of its schools, so no school is found by subtraction. */
    private static CountTable table(
            Set<String> schools, List<String> columns, java.util.function.Function<String, long[]> counts) {
        CountTable t = new CountTable(columns);
        Map<String, List<String>> byRegion = new TreeMap<>();
        for (String s : schools) {
            byRegion.computeIfAbsent(s.substring(0, s.indexOf('\u0000')), r -> new ArrayList<>())
                    .add(s);
        }
        byRegion.forEach((region, members) -> {
            long[] total = new long[columns.size()];
            List<long[]> each = new ArrayList<>();
            for (String s : members) {
                long[] c = counts.apply(s);
                each.add(c);
                for (int i = 0; i < c.length; i++) {
                    total[i] += c[i];
                }
            }
            int parent = t.add(region, -1, total);
            for (int i = 0; i < members.size(); i++) {
                t.add(members.get(i), parent, each.get(i));
            }
        });
        return t;
    }
}
