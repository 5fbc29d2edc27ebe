package org.psyscreen.report;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The counts a report shows, read from a run's {@code scores.csv} in one pass (no record is kept):
 * tiers by school, grade and sex, form statuses by school, and each instrument's totals. Raw counts:
 * {@link ReportWriter} hides small cells before any of them reaches a page.
 */
final class RunCounts {
    /** Outcome columns: the policy's tiers most severe first, then "none". */
    final List<String> outcomes;

    /** school → outcome counts. */
    final Map<String, long[]> bySchool = new TreeMap<>();
    /** school → grade → outcome counts. */
    final Map<String, Map<String, long[]>> bySchoolGrade = new TreeMap<>();
    /** sex → outcome counts. */
    final Map<String, long[]> bySex = new TreeMap<>();
    /** instrument → school → status counts (SCORED, INCOMPLETE, INVALID, NOT_ADMINISTERED). */
    final Map<String, Map<String, long[]>> statuses = new TreeMap<>();
    /** instrument.scale → score → students. */
    final Map<String, TreeMap<Integer, Long>> totals = new TreeMap<>();

    long records;
    /** The region of the school's records when read for one school ("" when none). */
    String schoolRegion = "";

    static final List<String> STATUSES = List.of("SCORED", "INCOMPLETE", "INVALID", "NOT_ADMINISTERED");

    private RunCounts(List<String> outcomes) {
        this.outcomes = outcomes;
    }

    /**
     * Reads the run's scores.
     *
     * @param tiers the policy's tier ids, most severe first
     * @param school only this school's records ({@code null}: all)
     */
    static RunCounts read(Path scoresCsv, List<String> tiers, String school, long recordsOut) throws IOException {
        List<String> outcomes = new ArrayList<>(tiers);
        outcomes.add("none");
        RunCounts c = new RunCounts(outcomes);
        long rows = 0;
        try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(scoresCsv, StandardCharsets.UTF_8)) {
            List<String> instruments = null;
            List<String> totalColumns = null;
            for (NamedCsvRecord r : csv) {
                rows++;
                if (r.getFieldCount() != r.getHeader().size()) {
                    throw new ReportInputException("scores.csv line " + r.getStartingLineNumber() + " has "
                            + r.getFieldCount() + " fields and the header "
                            + r.getHeader().size()
                            + ": the run folder is damaged or edited; score the file again");
                }
                if (instruments == null) {
                    for (String needed : REQUIRED) {
                        if (!r.getHeader().contains(needed)) {
                            throw new ReportInputException("scores.csv has no '" + needed + "' column: not a"
                                    + " psyscreen run with a policy, or edited; score the file again");
                        }
                    }
                    instruments = new ArrayList<>();
                    totalColumns = new ArrayList<>();
                    for (String h : r.getHeader()) {
                        if (h.endsWith(".status") && !h.startsWith("norm.")) {
                            instruments.add(h.substring(0, h.length() - ".status".length()));
                        } else if (h.endsWith(".total") && !h.startsWith("norm.")) {
                            totalColumns.add(h);
                        }
                    }
                }
                String s = r.getField("school");
                if (school != null && !school.equals(s)) {
                    continue;
                }
                if (r.getField("problems").contains(org.psyscreen.diagnostic.ProblemCode.ROW_HEADER_REPEATED.id())) {
                    continue; // a repeated header row: not a student
                }
                if (c.records == 0 && school != null) {
                    c.schoolRegion = r.getField("region");
                }
                c.records++;
                String tier = r.getField("tier");
                // "none" and "unevaluated" share the roll-up's last column, as rollup.csv counts them
                int o = tier.equals(org.psyscreen.tier.TierDecision.UNDETERMINED_ID)
                        ? outcomes.size() - 1
                        : outcomes.indexOf(tier);
                if (o < 0) {
                    throw new ReportInputException("scores.csv line " + r.getStartingLineNumber() + ", column tier:"
                            + " not a tier of the run's policy: the run folder is damaged or edited; score the file"
                            + " again");
                }
                String key = s.isEmpty() ? "(未填 not given)" : s;
                c.bySchool.computeIfAbsent(key, k -> new long[outcomes.size()])[o]++;
                c.bySchoolGrade.computeIfAbsent(key, k -> new TreeMap<>())
                        .computeIfAbsent(
                                r.getField("grade").isEmpty() ? "(未填 not given)" : r.getField("grade"),
                                k -> new long[outcomes.size()])[o]++;
                String sex = r.getField("sex");
                c.bySex.computeIfAbsent(sex.isEmpty() ? "(未填 not given)" : sex, k -> new long[outcomes.size()])[o]++;
                for (String inst : instruments) {
                    int st = STATUSES.indexOf(r.getField(inst + ".status"));
                    if (st >= 0) {
                        c.statuses.computeIfAbsent(inst, k -> new TreeMap<>())
                                .computeIfAbsent(key, k -> new long[STATUSES.size()])[st]++;
                    }
                }
                for (String t : totalColumns) {
                    String v = r.getField(t);
                    if (v.matches("\\d{1,4}")) {
                        c.totals.computeIfAbsent(t, k -> new TreeMap<>()).merge(Integer.parseInt(v), 1L, Long::sum);
                    }
                }
            }
        } catch (de.siegmar.fastcsv.reader.CsvParseException e) {
            throw new ReportInputException(
                    "scores.csv cannot be read after line " + (rows + 1) + " (cut or damaged): score the file again");
        }
        if (rows != recordsOut) {
            throw new ReportInputException("scores.csv holds " + rows + " records and summary.json says " + recordsOut
                    + ": the run folder is cut or edited; score the file again");
        }
        return c;
    }

    /** The columns a report reads from every row. */
    private static final List<String> REQUIRED = List.of("school", "grade", "sex", "region", "problems", "tier");
}
