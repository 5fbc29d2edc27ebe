package org.psyscreen.batch;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * {@code scores.xlsx} for school staff, written as the run scores (a {@link ResultSink}, streamed
 * with fastexcel): the cells of {@code scores.csv}, one sheet, up to {@link #MAX_ROWS} records. Ids,
 * classes, codes and lists stay text cells (Excel would show an 18-digit id as 4.40524E+17 and class
 * 7.10 as 7.1); scale scores, T-scores and percentiles are numbers. The header row is frozen and
 * offers filters. A string cell is never evaluated as a formula.
 */
public final class ScoresXlsx implements ResultSink {
    /** The file's name in a run folder. */
    public static final String FILE = "scores.xlsx";

    /** Data rows a sheet holds under its header. */
    public static final int MAX_ROWS = 1_048_575;

    private static final java.util.regex.Pattern NUMBER =
            java.util.regex.Pattern.compile("-?(0|[1-9][0-9]{0,14})(\\.[0-9]+)?");

    private OutputStream out;
    private Workbook workbook;
    private Worksheet sheet;
    private boolean[] text;
    private int row;

    /** A sink for one run. */
    public ScoresXlsx() {}

    @Override
    public void open(Start start) throws IOException {
        out = Files.newOutputStream(start.folder().resolve(FILE));
        workbook = new Workbook(out, "psyscreen", "1.0");
        sheet = workbook.newWorksheet("scores");
        List<String> columns = start.columns();
        text = new boolean[columns.size()];
        for (int c = 0; c < text.length; c++) {
            text[c] = textColumn(columns.get(c));
            sheet.value(0, c, columns.get(c));
        }
        row = 1;
    }

    @Override
    public void accept(ResultRow record) throws IOException {
        write(record.cells());
    }

    /**
     * Writes one row of cells below the last, as {@link #accept} does with a record's: for tools that
     * turn another table with the same columns into the workbook.
     *
     * @param cells the row's cells, in {@link ResultSink.Start#columns()} order
     * @throws IOException when the sheet is full or cannot be written
     */
    public void write(List<String> cells) throws IOException {
        if (row > MAX_ROWS) {
            throw new IOException("more than " + MAX_ROWS + " records do not fit a sheet; use scores.csv");
        }
        for (int c = 0; c < cells.size(); c++) {
            String v = cells.get(c);
            if (v == null || v.isEmpty()) {
                continue;
            }
            if (c < text.length && !text[c] && NUMBER.matcher(v).matches()) {
                sheet.value(row, c, new BigDecimal(v));
            } else {
                sheet.value(row, c, v);
            }
        }
        if (++row % 10_000 == 0) {
            sheet.flush();
        }
    }

    @Override
    public List<String> finish(RunSummary summary) throws IOException {
        sheet.freezePane(0, 1); // the header row stays on screen
        sheet.setAutoFilter(0, 0, Math.max(0, text.length - 1)); // and offers filters
        workbook.finish();
        out.close();
        return List.of(FILE);
    }

    @Override
    public void abandon() {
        try {
            if (out != null) {
                out.close();
            }
        } catch (IOException e) {
            // the folder is discarded with the file
        }
    }

    /**
     * Columns written as text whatever they hold: ids, classes such as {@code 7.10}, codes and lists.
     *
     * @param header a scores.csv column
     * @return true for a text column
     */
    static boolean textColumn(String header) {
        return !(header.equals("record")
                || header.equals("line")
                || header.endsWith(".t")
                || header.endsWith(".percentile")
                || (header.indexOf('.') > 0
                        && !header.startsWith("norm.")
                        && !header.endsWith(".status")
                        && !header.endsWith(".reasons")
                        && !header.contains(".critical.")));
    }
}
