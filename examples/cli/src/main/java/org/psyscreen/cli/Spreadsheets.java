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

    /** A workbook that cannot be read; the message names the problem, never a cell's value. */
    static final class UnreadableWorkbook extends IOException {
        private static final long serialVersionUID = 1L;

        UnreadableWorkbook(String message) {
            super(message);
        }
    }

    /** Temporary folders of converted copies: {@code psyscreen-xlsx-<pid>-<random>}. */
    private static final java.util.regex.Pattern TEMP_FOLDER =
            java.util.regex.Pattern.compile("psyscreen-xlsx-([0-9]+)-[0-9a-f]+");

    /**
     * A new temporary file only its owner can read (the converted copy holds ids, names and answers),
     * outside the output folder, in an owner-only folder named with this process's id. The caller
     * deletes it with {@link #deleteTemp} whatever happens; a process killed before it could (kill -9,
     * a power cut) leaves it to the next psyscreen command, which {@linkplain #sweepLeftovers deletes
     * every such folder whose process is gone} before it does anything else.
     */
    static Path privateTempFile() throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        String name = "psyscreen-xlsx-" + ProcessHandle.current().pid() + "-"
                + Long.toHexString(new java.security.SecureRandom().nextLong() & Long.MAX_VALUE);
        Path folder = org.psyscreen.privacy.OwnerOnly.createDirectory(tmp.resolve(name));
        Path file = org.psyscreen.privacy.OwnerOnly.createFile(folder.resolve("converted.csv"));
        // Ctrl-C and kill (SIGINT, SIGTERM) end the JVM without running the caller's finally: a hook does
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                deleteTemp(file);
            } catch (IOException e) {
                // the next command's sweep deletes it
            }
        }));
        return file;
    }

    /** Deletes a file made by {@link #privateTempFile()} and its folder. */
    static void deleteTemp(Path file) throws IOException {
        Files.deleteIfExists(file);
        Files.deleteIfExists(file.getParent());
    }

    /**
     * Deletes the converted copies that killed psyscreen processes left in the temporary folder (their
     * process id no longer runs). Copies of running processes are left alone. Never fails a command: a
     * copy that cannot be deleted now is tried again next time.
     */
    static void sweepLeftovers() {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        try (var entries = Files.newDirectoryStream(tmp, "psyscreen-xlsx-*")) {
            for (Path folder : entries) {
                var m = TEMP_FOLDER.matcher(folder.getFileName().toString());
                if (!m.matches() || !Files.isDirectory(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                long pid;
                try {
                    pid = Long.parseLong(m.group(1));
                } catch (NumberFormatException e) {
                    continue;
                }
                if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    continue;
                }
                try (var files = Files.list(folder)) {
                    for (Path f : files.toList()) {
                        Files.deleteIfExists(f);
                    }
                }
                Files.deleteIfExists(folder);
            }
        } catch (IOException | RuntimeException e) {
            // not now: the next command tries again
        }
    }

    /** What was converted: the sheet's name and the names of every sheet in the workbook. */
    record Converted(String sheet, List<String> sheets) {}

    /** Converts the first sheet (see {@link #toCsv(Path, Path, String)}). */
    static Converted toCsv(Path xlsx, Path csv) throws IOException {
        return toCsv(xlsx, csv, null);
    }

    /**
     * Converts one sheet — by name, by 1-based number, or the first when {@code sheet} is null — to
     * a CSV. Cells become text as they are typed: numbers without ".0", date cells (by their format)
     * as ISO dates, text as text; a numeric cell holding text keeps its text.
     */
    static Converted toCsv(Path xlsx, Path csv, String sheet) throws IOException {
        try {
            return convert(xlsx, csv, sheet);
        } catch (UnreadableWorkbook e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // fastexcel's messages may quote cell contents (ids, names): say only which part is wrong.
            throw new UnreadableWorkbook(why(xlsx, e) + "; save it again from Excel as .xlsx, or export CSV");
        }
    }

    /** Which part of a workbook the reader could not use, found from the zip's own entries. */
    private static String why(Path xlsx, Exception e) {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(xlsx.toFile())) {
            for (String part : List.of("[Content_Types].xml", "xl/workbook.xml", "xl/styles.xml")) {
                if (zip.getEntry(part) == null) {
                    return "the workbook has no " + part + " part"
                            + (part.endsWith("styles.xml") ? " (needed to tell date cells from numbers)" : "")
                            + ": it was not written by Excel or was changed after";
                }
            }
        } catch (IOException notZip) {
            return "not an .xlsx workbook (an .xlsx is a zip archive; an old .xls or a renamed file is not)";
        }
        return "not a readable .xlsx workbook (" + e.getClass().getSimpleName() + ")";
    }

    private static Converted convert(Path xlsx, Path csv, String sheetName) throws IOException {
        // Cell formats on, so date cells are recognised; a numeric cell holding text becomes an error
        // cell holding that text instead of stopping the whole read.
        try (ReadableWorkbook wb = new ReadableWorkbook(
                        xlsx.toFile(), new org.dhatim.fastexcel.reader.ReadingOptions(true, true));
                Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
                CsvWriter out =
                        CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(w)) {
            List<String> names = wb.getSheets()
                    .map(org.dhatim.fastexcel.reader.Sheet::getName)
                    .toList();
            if (names.isEmpty()) {
                throw new UnreadableWorkbook("the workbook has no sheet");
            }
            var chosen = sheetName == null
                    ? wb.getSheets().findFirst()
                    : sheetName.matches("[1-9][0-9]{0,3}")
                            ? wb.getSheet(Integer.parseInt(sheetName) - 1)
                            : wb.findSheet(sheetName);
            var sheet = chosen.orElseThrow(() -> new UnreadableWorkbook(
                    "no sheet " + sheetName + " (the workbook has " + String.join(", ", names) + ")"));
            try (Stream<Row> rows = sheet.openStream()) {
                boolean header = true;
                int width = 0;
                int lastRow = 0;
                Iterator<Row> it = rows.iterator();
                while (true) {
                    Row row;
                    try {
                        if (!it.hasNext()) {
                            break;
                        }
                        row = it.next();
                    } catch (RuntimeException e) {
                        // fastexcel parses a numeric cell while reading its row and cannot go on; its
                        // message quotes the cell (an id, a name): name only the place.
                        throw new UnreadableWorkbook("the sheet row after row " + lastRow
                                + " has a cell typed as a number that holds text, or is damaged; format the column"
                                + " as text in Excel and save again, or export CSV");
                    }
                    lastRow = row.getRowNum();
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
            return new Converted(sheet.getName(), names);
        }
    }

    private static String text(Cell cell) {
        if (cell == null || cell.getType() == CellType.EMPTY) {
            return "";
        }
        if (cell.getType() == CellType.ERROR) {
            return cell.getRawValue() == null ? "" : cell.getRawValue(); // a numeric cell holding text
        }
        if (cell.getType() == CellType.NUMBER) {
            try {
                if (dateFormat(cell.getDataFormatId(), cell.getDataFormatString())) {
                    return cell.asDate().toLocalDate().toString();
                }
                BigDecimal d = cell.asNumber();
                return d.stripTrailingZeros().toPlainString();
            } catch (RuntimeException e) {
                // A cell typed numeric that holds text: keep the text; the engine reads (and flags) it.
                return cell.getRawValue() == null ? "" : cell.getRawValue();
            }
        }
        if (cell.getType() == CellType.BOOLEAN) {
            return cell.asBoolean() ? "TRUE" : "FALSE";
        }
        return cell.getText();
    }

    /**
     * Whether a numeric cell's format shows a date: Excel's built-in date formats (ids 14-17, 22,
     * 27-36, 50-58, which include the Chinese date formats) or a custom format with a year or day
     * code outside quotes. Such a cell holds a serial number (46268.4168...) that means a date.
     */
    static boolean dateFormat(Integer id, String format) {
        if (id != null && ((id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58))) {
            return true;
        }
        if (format == null) {
            return false;
        }
        String f = format.replaceAll("\"[^\"]*\"", "")
                .replaceAll("\\[[^\\]]*]", "")
                .toLowerCase(Locale.ROOT);
        return f.contains("y") || f.contains("d") || f.contains("年") || f.contains("日");
    }

    /**
     * Columns written as text whatever they hold: ids, classes such as {@code 7.10}, codes and lists.
     * Excel would show an 18-digit id as 4.40524E+17 and a class 7.10 as 7.1.
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

    /** Writes a CSV (with header) as a one-sheet workbook; scores stay numbers, ids and codes stay text. */
    static void toXlsx(Path csv, Path xlsx) throws IOException {
        try (OutputStream os = Files.newOutputStream(xlsx);
                CsvReader<CsvRecord> in = CsvReader.builder()
                        .extraFieldStrategy(de.siegmar.fastcsv.reader.FieldMismatchStrategy.IGNORE)
                        .missingFieldStrategy(de.siegmar.fastcsv.reader.FieldMismatchStrategy.IGNORE)
                        .ofCsvRecord(csv)) {
            Workbook wb = new Workbook(os, "psyscreen", "1.0");
            Worksheet ws = wb.newWorksheet("scores");
            int r = 0;
            boolean[] text = new boolean[0];
            for (CsvRecord rec : in) {
                if (r == 0) {
                    text = new boolean[rec.getFieldCount()];
                    for (int c = 0; c < text.length; c++) {
                        text[c] = textColumn(rec.getField(c));
                    }
                }
                if (r > MAX_XLSX_ROWS) {
                    throw new IOException("more than " + MAX_XLSX_ROWS + " rows do not fit a sheet; use scores.csv");
                }
                for (int c = 0; c < rec.getFieldCount(); c++) {
                    String v = rec.getField(c);
                    if (r > 0 && c < text.length && !text[c] && v.matches("-?(0|[1-9][0-9]{0,14})(\\.[0-9]+)?")) {
                        ws.value(r, c, new BigDecimal(v));
                    } else {
                        ws.value(r, c, v); // a string cell is never evaluated as a formula
                    }
                }
                if (++r % 10_000 == 0) {
                    ws.flush();
                }
            }
            if (r > 0) {
                ws.freezePane(0, 1); // the header row stays on screen
                ws.setAutoFilter(0, 0, Math.max(0, text.length - 1)); // and offers filters
            }
            wb.finish();
        }
    }
}
