package org.psyscreen.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.psyscreen.batch.RunFileException;
import org.psyscreen.batch.ScoresCsv;
import org.psyscreen.batch.SummaryJson;
import org.psyscreen.score.FormStatus;

/**
 * The counts a report shows, read from a run's {@code scores.csv} in one pass (no record is kept):
 * tiers by school, grade and sex, form statuses by school, and each instrument's totals. Raw counts:
 * {@link ReportWriter} hides small cells before any of them reaches a page.
 */
final class RunCounts {
    /** Outcome columns: the policy's tiers most severe first, then "unevaluated", then "none" (last). */
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
    /** instrument.scale → its severity levels' ids, then {@link #NO_SCORE}. */
    final Map<String, List<String>> levelNames = new TreeMap<>();
    /** instrument.scale → school → students per level (as {@link #levelNames}). */
    final Map<String, Map<String, long[]>> levels = new TreeMap<>();

    /** The column of students without a score, after a scale's levels. */
    static final String NO_SCORE = "(无分数 no score)";

    long records;
    /** The region of the school's records when read for one school ("" when none). */
    String schoolRegion = "";

    /** The form statuses, in the order of {@link FormStatus}'s constants. */
    static final List<String> STATUSES =
            java.util.Arrays.stream(FormStatus.values()).map(Enum::name).toList();

    private RunCounts(List<String> outcomes) {
        this.outcomes = outcomes;
    }

    /**
     * Reads the run's scores.
     *
     * @param runDir the run folder
     * @param summary its summary, already read (gives the record count to hold the rows to)
     * @param outcomes the policy's outcome ids ({@link org.psyscreen.tier.CutoffPolicy#outcomeIds()})
     * @param school only this school's records ({@code null}: all)
     * @param definitions the run's instruments by id, whose severity levels are counted (each level
     *     derived from the score, and the file's level checked against it)
     */
    static RunCounts read(
            Path runDir,
            SummaryJson summary,
            List<String> outcomes,
            String school,
            Map<String, org.psyscreen.definition.InstrumentDefinition> definitions)
            throws IOException {
        long recordsOut = summary.recordsOut();
        RunCounts c = new RunCounts(List.copyOf(outcomes));
        try (ScoresCsv.Reader csv = ScoresCsv.open(runDir, summary)) {
            if (!csv.decided()) {
                throw new ReportInputException("scores.csv has no tier columns: not a psyscreen run with a policy,"
                        + " or edited; score the file again");
            }
            List<String> instruments = csv.instruments();
            for (ScoresCsv.Row r; (r = csv.next()) != null; ) {
                String s = r.school();
                if ((school != null && !school.equals(s)) || r.repeatedHeader()) {
                    continue; // another school's record, or a repeated header row (not a student)
                }
                if (c.records == 0 && school != null) {
                    c.schoolRegion = r.region();
                }
                c.records++;
                String tier = r.outcome();
                int o = outcomes.indexOf(tier);
                if (o < 0) {
                    throw new ReportInputException("scores.csv line " + r.fileLine() + ", column tier:"
                            + " not a tier of the run's policy: the run folder is damaged or edited; score the file"
                            + " again");
                }
                String key = s.isEmpty() ? NOT_GIVEN : s;
                c.bySchool.computeIfAbsent(key, k -> new long[outcomes.size()])[o]++;
                c.bySchoolGrade.computeIfAbsent(key, k -> new TreeMap<>())
                        .computeIfAbsent(r.grade().isEmpty() ? NOT_GIVEN : r.grade(), k -> new long[outcomes.size()])[
                        o]++;
                String sex = r.sex();
                c.bySex.computeIfAbsent(sex.isEmpty() ? NOT_GIVEN : sex, k -> new long[outcomes.size()])[o]++;
                for (String inst : instruments) {
                    c.countLevels(r, inst, definitions.get(inst), key);
                    c.statuses.computeIfAbsent(inst, k -> new TreeMap<>())
                            .computeIfAbsent(key, k -> new long[FormStatus.values().length])[
                            r.status(inst).ordinal()]++;
                    if (csv.scales(inst).contains("total")) {
                        double v = r.scale(inst, "total");
                        if (v >= 0 && v < 10_000 && v == Math.rint(v)) {
                            c.totals
                                    .computeIfAbsent(inst + ".total", k -> new TreeMap<>())
                                    .merge((int) v, 1L, Long::sum);
                        }
                    }
                }
            }
            if (csv.rows() != recordsOut) {
                throw new ReportInputException("scores.csv holds " + csv.rows() + " records and summary.json says "
                        + recordsOut + ": the run folder is cut or edited; score the file again");
            }
        } catch (RunFileException e) {
            throw new ReportInputException(e.getMessage());
        }
        return c;
    }

    /**
     * Counts a record's severity level on each banded scale of {@code definition}: the level its score
     * implies. A level written in the file that differs is refused, never believed.
     */
    private void countLevels(
            ScoresCsv.Row r, String inst, org.psyscreen.definition.InstrumentDefinition definition, String unit) {
        if (definition == null) {
            return;
        }
        for (var scale : definition.scales()) {
            if (scale.bands() == null) {
                continue;
            }
            String id = inst + "." + scale.id();
            List<String> names = levelNames.computeIfAbsent(id, k -> {
                List<String> n = new java.util.ArrayList<>();
                scale.bands().levels().forEach(l -> n.add(l.id()));
                n.add(NO_SCORE);
                return List.copyOf(n);
            });
            var level = scale.bands().levelOf(r.scale(inst, scale.id()));
            String derived = level == null ? "" : level.id();
            String written = r.band(inst, scale.id());
            if (written != null && !written.equals(derived)) {
                throw new ReportInputException("scores.csv line " + r.fileLine() + ", column " + inst + ".band."
                        + scale.id() + ": the severity level does not follow from the score: the run folder is damaged"
                        + " or edited; score the file again");
            }
            levels.computeIfAbsent(id, k -> new TreeMap<>())
                    .computeIfAbsent(unit, k -> new long[names.size()])[
                    level == null ? names.size() - 1 : names.indexOf(derived)]++;
        }
    }

    /** The row label of a cell left empty. */
    private static final String NOT_GIVEN = "(未填 not given)";
}
