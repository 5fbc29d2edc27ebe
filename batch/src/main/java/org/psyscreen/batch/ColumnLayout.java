package org.psyscreen.batch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.psyscreen.diagnostic.Problem;
import org.psyscreen.diagnostic.ProblemCode;
import org.psyscreen.diagnostic.Severity;
import org.psyscreen.diagnostic.SourceLocation;
import org.psyscreen.plan.ScoringPlan;
import org.psyscreen.screening.StudentField;
import org.psyscreen.student.Cells;

/**
 * Where each field is in a response file. Columns are named {@code student_id}, {@code school},
 * {@code class}, {@code grade}, {@code sex}, {@code birth_date}, {@code test_date}, {@code region},
 * {@code attr.<name>}, {@code <instrument>.<item>} (e.g. {@code phq9.q9}), and {@code source_row} — the
 * row in an original spreadsheet, reported instead of the CSV line when a tool converted one; a mapping renames a
 * platform's own headers to these. Headers are compared half-width, trimmed and lower-case.
 */
final class ColumnLayout {
    /** The student's fields ({@link StudentField}'s columns) and a workbook's {@code source_row}. */
    static final List<String> FIELDS = fields();

    private static List<String> fields() {
        List<String> f = new ArrayList<>();
        for (StudentField s : StudentField.values()) {
            f.add(s.column());
        }
        f.add("source_row");
        return List.copyOf(f);
    }

    final int width;
    /**
     * The columns the user's own file has: {@link #width} without a last {@code source_row} column,
     * which a workbook reader (or a converter) adds; messages count columns as the user sees them.
     */
    final int ownWidth;

    final Map<String, Integer> field = new HashMap<>();
    final Map<String, Integer> attributes = new LinkedHashMap<>();
    /** Columns the mapping says to ignore: never read, never copied to any output. */
    final java.util.Set<Integer> ignored = new java.util.HashSet<>();

    /** Per instrument, the column of each item in plan order. */
    final Map<String, int[]> items = new LinkedHashMap<>();

    /** {@link #items} by instrument index in id order (the screener's order); set by {@link #resolve}. */
    int[][] itemColumns = new int[0][];

    /**
     * The column of each {@link StudentField} by ordinal and of a sheet's row number, or -1; set by
     * {@link #resolve}, so a record reads them without a map lookup.
     */
    int[] studentColumns = new int[0];

    int sourceRowColumn = -1;

    /** {@return the student id's column, or -1} (after {@link #resolve}) */
    int idColumn() {
        return studentColumns[StudentField.STUDENT_ID.ordinal()];
    }

    /** The header as compared, normalised once rather than once per record. */
    private final List<String> normalisedHeader;

    private ColumnLayout(List<String> header) {
        this.width = header.size();
        this.normalisedHeader =
                header.stream().map(org.psyscreen.student.Cells::header).toList();
        this.ownWidth = width > 0 && normalisedHeader.get(width - 1).equals("source_row") ? width - 1 : width;
    }

    /** True when {@code rec} repeats the header (an export that concatenated files). */
    boolean repeatsHeader(String[] rec) {
        if (rec.length != width) {
            return false;
        }
        for (int c = 0; c < width; c++) {
            // a workbook row's number (sourceRowColumn) is not a copy of the header
            if (c != sourceRowColumn
                    && !org.psyscreen.student.Cells.header(rec[c]).equals(normalisedHeader.get(c))) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code name} is {@code instrument.item} of an instrument other than those scored. */
    private static boolean otherInstrument(String name, Map<String, ScoringPlan> plans) {
        int dot = name.indexOf('.');
        if (dot <= 0 || dot == name.length() - 1) {
            return false;
        }
        String prefix = name.substring(0, dot);
        return prefix.matches("[a-z][a-z0-9_]*") && !plans.containsKey(prefix) && !prefix.equals("attr");
    }

    /**
     * Resolves a header. Every column must be known, the student id and every item of every expected
     * instrument must be present, and no name may repeat. With {@code otherInstrumentsIgnored}, a
     * column of an instrument that is not being scored ({@code other.q1}) is ignored instead of
     * refused: for front ends that read one instrument of a file that holds several (validation).
     *
     * @param mapping file header (as normalised) to canonical column name
     */
    static ColumnLayout resolve(
            String file,
            List<String> rawHeader,
            Map<String, ScoringPlan> plans,
            Map<String, String> mapping,
            List<String> ignore,
            boolean otherInstrumentsIgnored,
            List<Problem> problems) {
        ColumnLayout layout = new ColumnLayout(rawHeader);
        Map<String, String> normalisedMapping = new HashMap<>();
        mapping.forEach((k, v) ->
                normalisedMapping.put(org.psyscreen.student.Cells.header(k), v)); // keys compared as headers are
        mapping = normalisedMapping;
        java.util.Set<String> ignored = new java.util.HashSet<>();
        ignore.forEach(h -> ignored.add(org.psyscreen.student.Cells.header(h)));
        Map<String, Integer> seen = new HashMap<>();
        List<Integer> unknown = new ArrayList<>();
        for (int c = 0; c < rawHeader.size(); c++) {
            String h = org.psyscreen.student.Cells.header(rawHeader.get(c));
            if (ignored.contains(h) && !mapping.containsKey(h)) {
                layout.ignored.add(c); // declared platform column (name, IP ...): never read, never copied
                continue;
            }
            String name = mapping.getOrDefault(h, h);
            Integer earlier = seen.putIfAbsent(name, c);
            if (earlier != null) {
                // A header cell may be data (a file exported without its header row): quote a name only
                // when it is one of psyscreen's own column names.
                problems.add(problem(
                        ProblemCode.FILE_DUPLICATE_COLUMN,
                        file,
                        c,
                        "columns " + (earlier + 1) + " and " + (c + 1) + " have the same name"
                                + (known(name, plans) ? " '" + name + "'" : "")
                                + (layout.field.isEmpty() && layout.items.isEmpty()
                                        ? "; the first row does not look like a header"
                                        : ""),
                        "remove or rename one; a parser would silently keep only the last"));
                continue;
            }
            if (FIELDS.contains(name)) {
                layout.field.put(name, c);
            } else if (name.startsWith("attr.") && name.length() > 5) {
                layout.attributes.put(name.substring(5), c);
            } else if (!item(layout, plans, name, c)) {
                if (otherInstrumentsIgnored && otherInstrument(name, plans)) {
                    layout.ignored.add(c);
                } else {
                    unknown.add(c);
                }
            }
        }
        // The header text is quoted only when the first row is a header (something was recognised):
        // in a file exported without its header row, the first row is a student's data.
        boolean looksLikeHeader = !layout.field.isEmpty() || !layout.items.isEmpty();
        if (!looksLikeHeader && mapping.isEmpty() && !unknown.isEmpty()) {
            // Nothing is a psyscreen name and no mapping was given: one problem, not one per column.
            problems.add(problem(
                    ProblemCode.FILE_UNKNOWN_COLUMN,
                    file,
                    -1,
                    "none of the " + unknown.size() + " columns has a psyscreen column name (student_id, grade,"
                            + " phqa.q1 ...): the file needs a mapping, or its first row is not a header",
                    "give --mapping FILE mapping the export's headers (a platform export: see 'Scoring a 问卷星"
                            + " export' in the README), or export the file with its header row"));
            unknown.clear();
        }
        for (int c : unknown) {
            String h = org.psyscreen.student.Cells.header(rawHeader.get(c));
            String mapped = mapping.get(h);
            problems.add(problem(
                    ProblemCode.FILE_UNKNOWN_COLUMN,
                    file,
                    c,
                    "column " + (c + 1)
                            + (looksLikeHeader && quotable(rawHeader.get(c))
                                    ? " '" + Cells.trim(rawHeader.get(c)) + "'"
                                    : "")
                            + (mapped != null
                                    ? " (mapped to '" + mapped + "')"
                                    : mapping.isEmpty() ? "" : " (not in the mapping)")
                            + " is not a known field or an item of " + String.join(", ", plans.keySet()),
                    mapped != null
                            ? "map it to a column psyscreen knows (student_id, grade, phqa.q1 ...), or check the"
                                    + " instrument version"
                            : "map it in the mapping's 'columns', or list it under 'ignore' if it is a platform"
                                    + " column (序号, 来自IP, 姓名 ...): ignored columns are never read or copied"));
        }
        if (!layout.field.containsKey("student_id")) {
            problems.add(problem(
                    ProblemCode.FILE_MISSING_COLUMN,
                    file,
                    -1,
                    "there is no student_id column",
                    "add one, or map the file's id column to student_id"));
        }
        for (var e : plans.entrySet()) {
            int[] cols = layout.items.get(e.getKey());
            List<String> absent = new ArrayList<>();
            for (int i = 0; i < e.getValue().itemCount(); i++) {
                if (cols == null || cols[i] < 0) {
                    absent.add(e.getKey() + "." + e.getValue().itemIds().get(i));
                }
            }
            if (!absent.isEmpty()) {
                problems.add(problem(
                        ProblemCode.FILE_MISSING_COLUMN,
                        file,
                        -1,
                        "missing item column(s): " + String.join(", ", absent),
                        "every item of an expected instrument needs a column (blank answers are fine)"));
            }
        }
        layout.itemColumns = new java.util.TreeMap<>(plans)
                .keySet().stream()
                        .map(id -> layout.items.getOrDefault(id, new int[0]))
                        .toArray(int[][]::new);
        layout.studentColumns = java.util.Arrays.stream(StudentField.values())
                .mapToInt(f -> layout.column(f.column()))
                .toArray();
        layout.sourceRowColumn = layout.column("source_row");
        return layout;
    }

    /**
     * A record problem as written to the output: its code, the column of the field it concerns
     * ({@code column 4 (grade)}) and the front end's detail.
     */
    String describe(org.psyscreen.screening.RecordProblem p) {
        String text = described.get(p);
        if (text == null) {
            text = describeOnce(p);
            if (described.size() < MAX_DESCRIBED) {
                described.put(p, text);
            }
        }
        return text;
    }

    /**
     * Texts of the problems seen so far, shared by the scoring threads: most records with a problem
     * have one of a few (a file without a test date column gives every record the same one), and
     * building the text for each was a fiftieth of a scoring thread's time. Problems name places,
     * never values, so the texts hold nothing of a student.
     */
    private final Map<org.psyscreen.screening.RecordProblem, String> described =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** Texts kept at most: details such as "fields 5-87 absent" vary with the record. */
    private static final int MAX_DESCRIBED = 4096;

    private String describeOnce(org.psyscreen.screening.RecordProblem p) {
        StringBuilder sb = new StringBuilder(p.code().id());
        if (!p.field().isEmpty()) {
            int c = p.field().startsWith("attr.")
                    ? attributes.getOrDefault(p.field().substring(5), -1)
                    : column(p.field());
            sb.append(c < 0 ? " (" : " column " + (c + 1) + " (")
                    .append(p.field())
                    .append(')');
        }
        if (!p.detail().isEmpty()) {
            sb.append(' ').append(p.detail());
        }
        return sb.toString();
    }

    /** True for psyscreen's own column names (safe to quote: they are not data). */
    private static boolean known(String name, Map<String, ScoringPlan> plans) {
        if (FIELDS.contains(name) || name.startsWith("attr.")) {
            return true;
        }
        int dot = name.indexOf('.');
        return dot > 0
                && plans.containsKey(name.substring(0, dot))
                && plans.get(name.substring(0, dot)).itemIndex(name.substring(dot + 1)) >= 0;
    }

    private static boolean item(ColumnLayout layout, Map<String, ScoringPlan> plans, String name, int column) {
        int dot = name.indexOf('.');
        if (dot <= 0) {
            return false;
        }
        ScoringPlan plan = plans.get(name.substring(0, dot));
        if (plan == null) {
            return false;
        }
        int i = plan.itemIndex(name.substring(dot + 1));
        if (i < 0) {
            return false;
        }
        int[] cols = layout.items.computeIfAbsent(name.substring(0, dot), k -> {
            int[] a = new int[plan.itemCount()];
            java.util.Arrays.fill(a, -1);
            return a;
        });
        cols[i] = column;
        return true;
    }

    private static Problem problem(ProblemCode code, String file, int column, String message, String fix) {
        return new Problem(
                code,
                Severity.ERROR,
                new SourceLocation(file, 1, column < 0 ? 0 : column + 1),
                column < 0 ? "header" : "header[" + (column + 1) + "]",
                message,
                fix);
    }

    /** Column of a field, or -1. */
    int column(String fieldName) {
        return field.getOrDefault(fieldName, -1);
    }

    /**
     * Whether an unknown header cell of a recognised header may be quoted: a column title, not a
     * corrupted line (control characters) or a cell of data run into the header (longer than a title).
     */
    private static boolean quotable(String cell) {
        if (cell == null || cell.length() > 120) {
            return false;
        }
        for (int i = 0; i < cell.length(); i++) {
            char ch = cell.charAt(i);
            if (ch < 0x20 || (ch >= 0x7F && ch <= 0x9F)) {
                return false;
            }
        }
        return true;
    }
}
