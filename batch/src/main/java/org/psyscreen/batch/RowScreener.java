package org.psyscreen.batch;

import java.util.ArrayList;
import java.util.List;
import org.psyscreen.diagnostic.ProblemCode;
import org.psyscreen.privacy.Pseudonymizer;
import org.psyscreen.screening.RecordProblem;
import org.psyscreen.screening.Screener;
import org.psyscreen.screening.ScreeningResult;
import org.psyscreen.screening.StudentField;
import org.psyscreen.screening.StudentInput;
import org.psyscreen.student.StudentProfile;

/**
 * One record of cells through the screener: the batch's own record checks first (a shifted row, a
 * repeated header, an over-long cell, an id seen twice), the mapping's recoding, then the screener,
 * which reads and decides the rest. Runs on pool threads; touches only immutable state and the
 * caller's own input. The student id is canonicalised once per record.
 */
final class RowScreener {
    /** Longest cell read (a longer one is flagged PSY-2108 and not read). */
    static final int MAX_FIELD = Screener.MAX_CELL;

    /** {@code StudentField.values()} once (each call copies the array). */
    private static final StudentField[] STUDENT_FIELDS = StudentField.values();

    /** A spreadsheet row number as a reader or converter writes it (compiled once: it was per record). */
    private static final java.util.regex.Pattern SOURCE_ROW = java.util.regex.Pattern.compile("[1-9][0-9]{0,9}");

    private final Recodes recodes;
    private final Pseudonymizer pseudonymizer;

    RowScreener(Recodes recodes, Pseudonymizer pseudonymizer) {
        this.recodes = recodes;
        this.pseudonymizer = pseudonymizer;
    }

    /** Screens one record and gives it as the outputs write it. */
    RowOutcome row(
            ColumnLayout layout, DuplicateIds duplicated, StudentInput in, long recordNo, long line, String[] rec) {
        String rawId = cell(rec, layout.idColumn());
        String id = Pseudonymizer.canonical(rawId);
        ScreeningResult r = screen(layout, duplicated, in, id, rec);
        return outcome(layout, r, recordNo, line, rec, student(id));
    }

    /** Screens one record and gives its result as {@link BatchScorer#screenEach} hands it over. */
    BatchScorer.ScreenedRecord screened(
            ColumnLayout layout, DuplicateIds duplicated, StudentInput in, long recordNo, long line, String[] rec) {
        String rawId = cell(rec, layout.idColumn());
        String id = Pseudonymizer.canonical(rawId);
        ScreeningResult r = screen(layout, duplicated, in, id, rec);
        return new BatchScorer.ScreenedRecord(recordNo, sourceLine(layout, rec, line), student(id), r);
    }

    /** Reads one record into {@code in} (the batch's own checks first) and screens it. */
    private ScreeningResult screen(
            ColumnLayout layout, DuplicateIds duplicated, StudentInput in, String id, String[] rec) {
        in.clear();
        int n = rec.length;
        if (n < layout.width) {
            in.flag(new RecordProblem(
                    ProblemCode.ROW_MISSING_FIELDS, "", "fields " + (n + 1) + "-" + layout.width + " absent"));
        } else if (n > layout.width) {
            in.flag(new RecordProblem(
                    ProblemCode.ROW_EXTRA_FIELDS, "", (n - layout.width) + " field(s) past column " + layout.ownWidth));
        }
        if (layout.repeatsHeader(rec)) {
            in.flag(RecordProblem.of(ProblemCode.ROW_HEADER_REPEATED));
        }
        for (int c = 0; c < Math.min(n, layout.width); c++) {
            if (rec[c].length() > MAX_FIELD) {
                in.flag(new RecordProblem(ProblemCode.ROW_FIELD_TOO_LONG, "", "column " + (c + 1)));
            }
        }
        if (!id.isEmpty() && duplicated.duplicated(LongSet.hash(id))) {
            in.flag(RecordProblem.of(ProblemCode.ROW_DUPLICATE_ID));
        }
        for (StudentField f : STUDENT_FIELDS) {
            in.set(f, recodes.field(f, cell(rec, layout.studentColumns[f.ordinal()])));
        }
        layout.attributes.forEach((k, c) -> in.attribute(k, cell(rec, c)));
        for (int k = 0; k < layout.itemColumns.length; k++) {
            int[] cols = layout.itemColumns[k];
            for (int i = 0; i < cols.length; i++) {
                in.answer(k, i, recodes.answer(k, i, cell(rec, cols[i])));
            }
        }
        return in.screen();
    }

    /** The student column: the keyed pseudonym, the canonical raw id without a key, or "" without an id. */
    private String student(String id) {
        return id.isEmpty() ? "" : pseudonymizer == null ? id : pseudonymizer.tokenOfCanonical(id);
    }

    private static RowOutcome outcome(
            ColumnLayout layout, ScreeningResult r, long recordNo, long line, String[] rec, String student) {
        StudentProfile profile = r.profile();
        RowOutcome.Demographics demo = new RowOutcome.Demographics(
                r.school(),
                r.schoolClass(),
                r.region(),
                profile.grade() == null ? "" : profile.grade().code(),
                ScoresCsv.sexCell(profile.sex()));
        List<String> texts = new ArrayList<>(r.problems().size());
        for (RecordProblem p : r.problems()) {
            texts.add(layout.describe(p));
        }
        return new RowOutcome(
                recordNo,
                sourceLine(layout, rec, line),
                student,
                demo,
                r.problems(),
                texts,
                r.forms(),
                r.norms(),
                r.decision().orElse(null),
                profile.testDate(),
                r);
    }

    /** The sheet row when a reader or converter supplied one, else the line the record starts on. */
    private static long sourceLine(ColumnLayout layout, String[] rec, long line) {
        String row = cell(rec, layout.sourceRowColumn);
        return !row.isEmpty() && SOURCE_ROW.matcher(row).matches() ? Long.parseLong(row) : line;
    }

    private static String cell(String[] rec, int column) {
        return column >= 0 && column < rec.length ? rec[column] : "";
    }
}
