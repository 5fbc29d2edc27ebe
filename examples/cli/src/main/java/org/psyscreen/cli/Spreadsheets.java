package org.psyscreen.cli;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

/**
 * Excel at the tool level, streamed with fastexcel (POI's in-memory model needs gigabytes for a
 * province's file): an .xlsx export becomes a UTF-8 CSV the engine checks like any other, with a
 * {@code source_row} column so messages name the sheet row; and scores.csv can be written as
 * scores.xlsx for school staff.
 */
final class Spreadsheets {
    /** Data rows an .xlsx sheet can hold under its header. */
    static final int MAX_XLSX_ROWS = 1_048_575;

    private Spreadsheets() {}

    /** Converts the first sheet; cells become text as Excel shows them (numbers without ".0", dates ISO). */
    static void toCsv(Path xlsx, Path csv) throws IOException {
        try (ReadableWorkbook wb = new ReadableWorkbook(xlsx.toFile());
                Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
                CsvWriter out =
                        CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(w)) {
            var sheet = wb.getSheets().findFirst().orElseThrow(() -> new IOException("the workbook has no sheet"));
            try (Stream<Row> rows = sheet.openStream()) {
                boolean header = true;
                int width = 0;
                Iterator<Row> it = rows.iterator();
                while (it.hasNext()) {
                    Row row = it.next();
                    List<String> values = new ArrayList<>();
                    if (header) {
                        width = row.getCellCount();
                        for (int c = 0; c < width; c++) {
                            values.add(text(row.getOptionalCell(c).orElse(null)));
                        }
                        values.add("source_row"); // last, so sheet column numbers stay the CSV's
                        header = false;
                    } else {
                        for (int c = 0; c < width; c++) {
                            values.add(text(row.getOptionalCell(c).orElse(null)));
                        }
                        values.add(Integer.toString(row.getRowNum()));
                        int last = row.getCellCount() - 1;
                        while (last >= width
                                && text(row.getOptionalCell(last).orElse(null)).isEmpty()) {
                            last--; // trailing empty cells are not extra columns
                        }
                        for (int c = width; c <= last; c++) {
                            values.add(text(row.getOptionalCell(c).orElse(null))); // extra cells: flagged by the engine
                        }
                    }
                    out.writeRecord(values);
                }
            }
        }
    }

    private static String text(Cell cell) {
        if (cell == null || cell.getType() == CellType.EMPTY) {
            return "";
        }
        if (cell.getType() == CellType.NUMBER) {
            String format = cell.getDataFormatString();
            if (format != null && format.toLowerCase(Locale.ROOT).matches(".*[yd].*")) {
                return cell.asDate().toLocalDate().toString();
            }
            BigDecimal d = cell.asNumber();
            return d.stripTrailingZeros().toPlainString();
        }
        if (cell.getType() == CellType.BOOLEAN) {
            return cell.asBoolean() ? "TRUE" : "FALSE";
        }
        return cell.getText();
    }

    /** Writes a CSV (with header) as a one-sheet workbook; numbers stay numbers. */
    static void toXlsx(Path csv, Path xlsx) throws IOException {
        try (OutputStream os = Files.newOutputStream(xlsx);
                CsvReader<CsvRecord> in = CsvReader.builder()
                        .extraFieldStrategy(de.siegmar.fastcsv.reader.FieldMismatchStrategy.IGNORE)
                        .missingFieldStrategy(de.siegmar.fastcsv.reader.FieldMismatchStrategy.IGNORE)
                        .ofCsvRecord(csv)) {
            Workbook wb = new Workbook(os, "psyscreen", "1.0");
            Worksheet ws = wb.newWorksheet("scores");
            int r = 0;
            for (CsvRecord rec : in) {
                if (r > MAX_XLSX_ROWS) {
                    throw new IOException("more than " + MAX_XLSX_ROWS + " rows do not fit a sheet; use scores.csv");
                }
                for (int c = 0; c < rec.getFieldCount(); c++) {
                    String v = rec.getField(c);
                    if (r > 0 && v.matches("-?(0|[1-9][0-9]{0,14})(\\.[0-9]+)?")) {
                        ws.value(r, c, new BigDecimal(v));
                    } else {
                        ws.value(r, c, v); // a string cell is never evaluated as a formula
                    }
                }
                if (++r % 10_000 == 0) {
                    ws.flush();
                }
            }
            wb.finish();
        }
    }
}
