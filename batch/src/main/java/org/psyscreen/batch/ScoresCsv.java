package org.psyscreen.batch;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.psyscreen.definition.Numbers;
import org.psyscreen.norm.NormResult;
import org.psyscreen.plan.ScoringPlan;
import org.psyscreen.score.FormStatus;
import org.psyscreen.score.ScoredResponse;
import org.psyscreen.student.Cells;
import org.psyscreen.student.Sex;
import org.psyscreen.tier.RuleFiring;
import org.psyscreen.tier.TierDecision;

/**
 * The table {@code scores.csv}: one row per record, in input order, with spreadsheet-safe text. An
 * instance is the schema of one run (its instruments, norm tables and whether a policy decides):
 * its columns and its row writer. {@link #open} is the typed reader; no other module knows the
 * file's columns. The format version is {@link #FORMAT}, written in the run's {@code summary.json}.
 */
public final class ScoresCsv {
    /** The file's name in a run folder. */
    public static final String FILE = "scores.csv";

    /** The format version this class writes and reads. */
    public static final int FORMAT = 1;

    /** The columns every scores.csv starts with. */
    static final List<String> FIXED =
            List.of("record", "line", "student", "school", "class", "grade", "sex", "region", "problems");

    /** The columns a run with a policy ends with. */
    static final List<String> DECISION =
            List.of("tier", "tier_label_zh", "tier_label_en", "follow_ups", "rules_fired", "policy", "norm_tables");

    private final Map<String, ScoringPlan> plans;
    private final List<String> normTableIds;
    private final boolean decided;
    /** Per instrument, the decimals each scale is printed with (null: exact). */
    private final Map<String, Integer[]> decimals = new HashMap<>();

    /**
     * The schema of one run.
     *
     * @param plans the plans by instrument id, in column order
     * @param normTableIds the norm tables looked up, in column order
     * @param decided whether a policy decides tiers
     */
    ScoresCsv(Map<String, ScoringPlan> plans, List<String> normTableIds, boolean decided) {
        this.plans = plans;
        this.normTableIds = normTableIds;
        this.decided = decided;
        plans.forEach((id, plan) -> decimals.put(
                id, plan.definition().scales().stream().map(sc -> sc.decimals()).toArray(Integer[]::new)));
    }

    /** {@return the column names, fixed for the run} */
    List<String> columns() {
        List<String> c = new ArrayList<>(FIXED);
        for (var e : plans.entrySet()) {
            c.add(e.getKey() + ".status");
            c.add(e.getKey() + ".reasons");
            e.getValue().scaleIds().forEach(s -> c.add(e.getKey() + "." + s));
            for (int s = 0; s < e.getValue().scaleIds().size(); s++) {
                if (e.getValue().definition().scales().get(s).bands() != null) {
                    c.add(e.getKey() + ".band." + e.getValue().scaleIds().get(s));
                }
            }
            e.getValue().criticalIds().forEach(k -> c.add(e.getKey() + ".critical." + k));
            e.getValue().validityIds().forEach(k -> c.add(e.getKey() + ".validity." + k));
        }
        for (String id : normTableIds) {
            c.add("norm." + id + ".t");
            c.add("norm." + id + ".percentile");
            c.add("norm." + id + ".status");
        }
        if (decided) {
            c.addAll(DECISION);
        }
        return c;
    }

    /** The sex cell of each sex, lower case (built once, not per record). */
    private static final Map<Sex, String> SEX_CELL = sexCells();

    private static Map<Sex, String> sexCells() {
        Map<Sex, String> m = new EnumMap<>(Sex.class);
        for (var sex : Sex.values()) {
            m.put(sex, sex.name().toLowerCase(Locale.ROOT));
        }
        return m;
    }

    /** {@return the cell a sex is written as ({@code ""} for none)} */
    static String sexCell(Sex sex) {
        return sex == null ? "" : SEX_CELL.get(sex);
    }

    /** The status cell of a missing norm, per reason (built once, not per record). */
    private static final Map<NormResult.Reason, String> NO_NORM_TEXT = noNormTexts();

    private static Map<NormResult.Reason, String> noNormTexts() {
        Map<NormResult.Reason, String> m = new EnumMap<>(NormResult.Reason.class);
        for (var reason : NormResult.Reason.values()) {
            m.put(reason, ScoresJsonl.noNormStatus(reason));
        }
        return m;
    }

    /** One record's cells, in column order, into {@code v}. */
    void write(RowOutcome o, RowCells v) {
        v.add(o.recordNo());
        v.add(o.line());
        v.add(Cells.spreadsheetSafe(o.student()));
        RowOutcome.Demographics demo = o.demographics();
        // schools, classes, grades and problem texts recur as one string each (see RowCells.addRepeated)
        v.addRepeated(Cells.spreadsheetSafe(demo.school()));
        v.addRepeated(Cells.spreadsheetSafe(demo.klass()));
        v.addRepeated(Cells.spreadsheetSafe(demo.grade()));
        v.addRepeated(Cells.spreadsheetSafe(demo.sex()));
        v.addRepeated(Cells.spreadsheetSafe(demo.region()));
        List<String> problems = o.problemTexts();
        if (problems.size() == 1) {
            v.addRepeated(problems.get(0));
        } else {
            v.add(String.join(" | ", problems));
        }
        for (var e : o.forms().entrySet()) {
            ScoredResponse r = e.getValue();
            v.addRepeated(r.status().name());
            v.add(RowCells.join(r.reasons(), Object::toString));
            Integer[] places = decimals.get(e.getKey());
            for (int s = 0; s < r.scaleIds().size(); s++) {
                double x = r.scaleValue(s);
                if (Double.isNaN(x)) {
                    v.add("");
                } else if (places[s] == null && x == Math.rint(x) && Math.abs(x) < 1e15) {
                    v.add((long) x); // what Numbers.format prints for a whole number, without the string
                } else {
                    v.add(Numbers.format(x, places[s]));
                }
            }
            for (int s = 0; s < r.scaleIds().size(); s++) {
                if (r.hasBands(s)) {
                    v.addRepeated(r.band(s).map(b -> b.id()).orElse(""));
                }
            }
            for (int k = 0; k < r.criticalIds().size(); k++) {
                v.addRepeated(r.critical(k).name());
            }
            for (String check : r.validityIds()) {
                double m = r.validityMeasure(check);
                v.add(Double.isNaN(m) ? "" : Numbers.format(m));
            }
        }
        for (String id : normTableIds) {
            NormResult n = o.norms().get(id);
            if (n instanceof NormResult.Normed normed) {
                v.add(Numbers.format(normed.t()));
                v.add(Numbers.format(normed.percentile()));
                v.addRepeated(ScoresJsonl.normStatus(normed)); // one spelling in every output
            } else {
                v.add("");
                v.add("");
                v.addRepeated(NO_NORM_TEXT.get(((NormResult.NoNorm) n).reason()));
            }
        }
        if (decided) {
            TierDecision d = o.decision();
            v.addRepeated(d.outcomeId());
            v.addRepeated(d.outcomeLabel().zh());
            v.addRepeated(d.outcomeLabel().en());
            v.addJoined(d.followUps(), Enum::name);
            v.addJoined(d.fired(), RuleFiring::ruleId);
            v.addRepeated(d.policyKey());
            v.addJoined(d.normTables(), String::valueOf);
        }
    }

    /**
     * Opens the {@code scores.csv} of {@code runDir}, after checking that the run's summary lists it
     * in this format version, and reads its header.
     *
     * @param runDir the folder {@code psyscreen score} wrote
     * @return a reader positioned before the first row
     * @throws IOException when the file cannot be opened
     * @throws RunFileException when the summary gives another format version, or the header is not one
     *     psyscreen writes
     */
    public static Reader open(Path runDir) throws IOException {
        return open(runDir, SummaryJson.read(runDir));
    }

    /**
     * As {@link #open(Path)}, with the run's summary already read.
     *
     * @param runDir the folder {@code psyscreen score} wrote
     * @param summary its {@code summary.json}
     * @return a reader positioned before the first row
     * @throws IOException when the file cannot be opened
     * @throws RunFileException when the summary gives another format version, or the header is not one
     *     psyscreen writes
     */
    public static Reader open(Path runDir, SummaryJson summary) throws IOException {
        summary.requireFormat(FILE, FORMAT);
        return new Reader(CsvReader.builder().ofCsvRecord(runDir.resolve(FILE), StandardCharsets.UTF_8));
    }

    /** Reads rows one at a time, typed; refuses the first row that is not as psyscreen writes it. */
    public static final class Reader implements Closeable {
        private final CsvReader<CsvRecord> csv;
        private final Iterator<CsvRecord> rows;
        private final List<String> header;
        private final Map<String, Integer> index = new HashMap<>();
        private final Map<String, List<String>> scales = new LinkedHashMap<>();
        private final boolean decided;
        private long read;

        private Reader(CsvReader<CsvRecord> csv) {
            this.csv = csv;
            this.rows = csv.iterator();
            try {
                if (!rows.hasNext()) {
                    throw damaged(1, null, "has no header");
                }
                header = rows.next().getFields();
            } catch (CsvParseException | UncheckedIOException e) {
                throw damaged(1, null, "cannot be read");
            }
            for (int i = 0; i < header.size(); i++) {
                index.put(header.get(i), i);
            }
            if (header.size() < FIXED.size() || !header.subList(0, FIXED.size()).equals(FIXED)) {
                throw damaged(1, null, "does not start with psyscreen's columns");
            }
            String instrument = null;
            for (String h : header.subList(FIXED.size(), header.size())) {
                if (h.endsWith(".status") && !h.startsWith("norm.")) {
                    instrument = h.substring(0, h.length() - ".status".length());
                    scales.put(instrument, new ArrayList<>());
                } else if (instrument != null
                        && h.startsWith(instrument + ".")
                        && !h.equals(instrument + ".reasons")
                        && !h.startsWith(instrument + ".critical.")
                        && !h.startsWith(instrument + ".validity.")
                        && !h.startsWith(instrument + ".band.")) {
                    scales.get(instrument).add(h.substring(instrument.length() + 1));
                }
            }
            decided = header.size() >= FIXED.size() + DECISION.size()
                    && header.subList(header.size() - DECISION.size(), header.size())
                            .equals(DECISION);
        }

        /** {@return the instrument ids, in column order} */
        public List<String> instruments() {
            return List.copyOf(scales.keySet());
        }

        /**
         * {@return the scale ids of {@code instrument}, in column order}
         *
         * @param instrument an instrument id of {@link #instruments()}
         */
        public List<String> scales(String instrument) {
            return List.copyOf(scales.getOrDefault(instrument, List.of()));
        }

        /** {@return true when the run was decided by a policy (the file has the tier columns)} */
        public boolean decided() {
            return decided;
        }

        /**
         * {@return the next row, or {@code null} at the end of the file}
         *
         * @throws RunFileException when a row is cut, damaged or edited
         */
        public Row next() {
            CsvRecord r;
            try {
                if (!rows.hasNext()) {
                    return null;
                }
                r = rows.next();
            } catch (CsvParseException | UncheckedIOException e) {
                throw damaged(read + 2, null, "cannot be read (cut or damaged)");
            }
            read++;
            if (r.getFieldCount() != header.size()) {
                throw damaged(
                        r.getStartingLineNumber(),
                        null,
                        "has " + r.getFieldCount() + " fields and the header " + header.size());
            }
            return new Row(this, r);
        }

        /** Names a column by its number: a header read from the file is not echoed. */
        private String column(String name) {
            Integer i = index.get(name);
            return i == null ? "(absent)" : Integer.toString(i + 1);
        }

        /** {@return the number of rows read so far} */
        public long rows() {
            return read;
        }

        @Override
        public void close() throws IOException {
            csv.close();
        }
    }

    /** One row of scores.csv, read on demand by column; text cells as they were before being made safe. */
    public static final class Row {
        private final Reader reader;
        private final CsvRecord r;

        private Row(Reader reader, CsvRecord r) {
            this.reader = reader;
            this.r = r;
        }

        private String cell(String column) {
            Integer i = reader.index.get(column);
            return i == null ? null : r.getField(i);
        }

        private String text(String column) {
            return Cells.fromSpreadsheetSafe(cell(column));
        }

        /** {@return the line of scores.csv the row starts on} */
        public long fileLine() {
            return r.getStartingLineNumber();
        }

        /** {@return the student's pseudonym or id, or {@code ""}} */
        public String student() {
            return text("student");
        }

        /** {@return the school as read} */
        public String school() {
            return text("school");
        }

        /** {@return the class as read} */
        public String klass() {
            return text("class");
        }

        /** {@return the grade code} */
        public String grade() {
            return text("grade");
        }

        /** {@return the sex cell} */
        public String sex() {
            return text("sex");
        }

        /** {@return the region as read} */
        public String region() {
            return text("region");
        }

        /** {@return true for a header repeated inside the input (not a student)} */
        public boolean repeatedHeader() {
            return cell("problems").contains(org.psyscreen.diagnostic.ProblemCode.ROW_HEADER_REPEATED.id());
        }

        /**
         * {@return the form status of {@code instrument}}
         *
         * @param instrument an instrument id of the file
         * @throws RunFileException when the cell is not a status
         */
        public FormStatus status(String instrument) {
            String s = cell(instrument + ".status");
            try {
                return FormStatus.valueOf(s == null ? "" : s);
            } catch (IllegalArgumentException e) {
                throw damaged(fileLine(), reader.column(instrument + ".status"), "is not a form status");
            }
        }

        /**
         * {@return a scale's severity level as written, {@code ""} without a score, or {@code null} when
         * the file has no level column for the scale} A level follows from the score: a reader checks it.
         *
         * @param instrument an instrument id of the file
         * @param scale one of its scale ids
         */
        public String band(String instrument, String scale) {
            return cell(instrument + ".band." + scale);
        }

        /**
         * {@return a scale's value, {@code NaN} when none was computed}
         *
         * @param instrument an instrument id of the file
         * @param scale one of its scale ids
         * @throws RunFileException when the cell is not a number
         */
        public double scale(String instrument, String scale) {
            String s = cell(instrument + "." + scale);
            if (s == null || s.isEmpty()) {
                return Double.NaN;
            }
            try {
                return Double.parseDouble(s);
            } catch (NumberFormatException e) {
                throw damaged(fileLine(), reader.column(instrument + "." + scale), "is not a number");
            }
        }

        /**
         * {@return the outcome: a tier id of the run's policy, "none" or "unevaluated"}
         *
         * @throws RunFileException when the file has no decision columns
         */
        public String outcome() {
            if (!reader.decided) {
                throw damaged(fileLine(), "tier", "is absent: the run had no policy");
            }
            return cell("tier");
        }
    }

    private static RunFileException damaged(long line, String column, String what) {
        return new RunFileException(FILE + " line " + line + (column == null ? "" : ", column " + column) + " " + what
                + " (cut, damaged or edited): score the input again");
    }
}
