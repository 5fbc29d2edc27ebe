package org.psyscreen.batch;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.psyscreen.diagnostic.ProblemCode;

/**
 * The records of one sheet of an .xlsx workbook ({@link ResponseFile.Format#XLSX}), streamed with
 * fastexcel (POI's in-memory model needs gigabytes for a province's file) and read directly: no
 * converted copy of the students' answers is ever written to disk. The first row is the header, to
 * which a {@code source_row} column is added (last, so sheet column numbers stay the header's); each
 * record carries its sheet row there, so every message names the row a school can find. Cells become
 * text as they are typed: numbers without ".0", date cells (by their format) as ISO dates, a numeric
 * cell holding text keeps its text. A workbook that cannot be read refuses the file (PSY-2013),
 * named by part or row, never by a cell's value (fastexcel's messages may quote one).
 */
final class XlsxRecords implements RecordSource {
    private final String name;
    private final ReadableWorkbook workbook;
    private final Stream<Row> stream;
    private final Iterator<Row> rows;
    private int width;
    private int lastRow;

    private XlsxRecords(String name, ReadableWorkbook workbook, Sheet sheet) throws IOException {
        this.name = name;
        this.workbook = workbook;
        this.stream = sheet.openStream();
        this.rows = stream.iterator();
    }

    /** Opens {@code file}'s chosen sheet. */
    static XlsxRecords open(ResponseFile file) throws IOException {
        ReadableWorkbook wb = workbook(file);
        try {
            return new XlsxRecords(file.name(), wb, sheet(wb, file));
        } catch (IOException | RuntimeException e) {
            wb.close();
            throw e instanceof SourceProblem p ? p : unreadable(file.name(), file.path(), e);
        }
    }

    /** {@return which sheet is read and which the workbook has, for the run's summary} */
    static String describe(ResponseFile file) throws SourceProblem {
        try (ReadableWorkbook wb = workbook(file)) {
            List<String> names = wb.getSheets().map(Sheet::getName).toList();
            Sheet chosen = sheet(wb, file);
            return "xlsx workbook, sheet '" + chosen.getName() + "'"
                    + (names.size() > 1
                            ? " (the workbook has " + String.join(", ", names) + "; another sheet can be chosen)"
                            : "");
        } catch (SourceProblem p) {
            throw p;
        } catch (IOException | RuntimeException e) {
            throw unreadable(file.name(), file.path(), e);
        }
    }

    private static ReadableWorkbook workbook(ResponseFile file) throws SourceProblem {
        checkCompression(file);
        try {
            // Cell formats on, so date cells are recognised; a numeric cell holding text becomes an
            // error cell holding that text instead of stopping the whole read.
            return new ReadableWorkbook(file.path().toFile(), new ReadingOptions(true, true));
        } catch (IOException | RuntimeException e) {
            throw unreadable(file.name(), file.path(), e);
        }
    }

    private static Sheet sheet(ReadableWorkbook wb, ResponseFile file) throws SourceProblem {
        List<String> names = wb.getSheets().map(Sheet::getName).toList();
        if (names.isEmpty()) {
            throw problem(file.name(), "the workbook has no sheet", "save it again from Excel as .xlsx, or export CSV");
        }
        String s = file.sheet();
        var chosen = s == null
                ? wb.getSheets().findFirst()
                : s.matches("[1-9][0-9]{0,3}") ? wb.getSheet(Integer.parseInt(s) - 1) : wb.findSheet(s);
        return chosen.orElseThrow(() -> problem(
                file.name(),
                "no sheet " + s + " (the workbook has " + String.join(", ", names) + ")",
                "choose a sheet the workbook has, by name or number (1 = first)"));
    }

    @Override
    public String[] header() throws IOException {
        Row row = nextRow();
        if (row == null) {
            return null;
        }
        width = row.getCellCount();
        List<String> values = new ArrayList<>(width + 1);
        for (int c = 0; c < width; c++) {
            values.add(text(row.getOptionalCell(c).orElse(null)));
        }
        values.add("source_row");
        return values.toArray(String[]::new);
    }

    @Override
    public RecordBlock next(int max) throws IOException {
        List<String[]> records = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        while (records.size() < max) {
            Row row = nextRow();
            if (row == null) {
                break;
            }
            List<String> values = new ArrayList<>(width + 1);
            for (int c = 0; c < width; c++) {
                values.add(text(row.getOptionalCell(c).orElse(null)));
            }
            values.add(Integer.toString(row.getRowNum()));
            int last = row.getCellCount() - 1;
            while (last >= width && text(row.getOptionalCell(last).orElse(null)).isEmpty()) {
                last--; // trailing empty cells are not extra columns
            }
            for (int c = width; c <= last; c++) {
                values.add(text(row.getOptionalCell(c).orElse(null))); // extra cells: flagged as extra fields
            }
            records.add(values.toArray(String[]::new));
            lines.add((long) row.getRowNum());
        }
        return records.isEmpty()
                ? null
                : new RecordBlock.OfCells(
                        records, lines.stream().mapToLong(Long::longValue).toArray());
    }

    private Row nextRow() throws SourceProblem {
        try {
            if (!rows.hasNext()) {
                return null;
            }
            Row row = rows.next();
            lastRow = row.getRowNum();
            return row;
        } catch (RuntimeException e) {
            // fastexcel parses a numeric cell while reading its row and cannot go on; its message
            // quotes the cell (an id, a name): name only the place.
            throw problem(
                    name,
                    "the sheet row after row " + lastRow + " has a cell typed as a number that holds text, or is"
                            + " damaged",
                    "format the column as text in Excel and save again, or export CSV");
        }
    }

    @Override
    public long blankLines() {
        return 0; // fastexcel gives no row for an empty sheet row
    }

    @Override
    public void close() throws IOException {
        try {
            stream.close();
        } finally {
            workbook.close();
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
                // A cell typed numeric that holds text: keep the text; the scorer reads (and flags) it.
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
     * Refuses a workbook with a part compressed by any method but stored or deflated, the two an
     * Open Packaging Conventions package may use (ECMA-376 Part 2, Annex C). The zip reader the
     * workbook reader uses would otherwise reach for a codec it does not ship (zstd, xz) and fail
     * with a linkage error, not an unreadable workbook. The check opens the file exactly as the
     * workbook reader does (a plain channel: the builder's own opening would refuse an archive that
     * claims more disks, which the workbook reader then opens anyway), and a file the check cannot
     * open is refused here, so nothing it has not seen reaches the workbook reader.
     */
    private static void checkCompression(ResponseFile file) throws SourceProblem {
        try (var channel = Files.newByteChannel(file.path());
                ZipFile zip = ZipFile.builder().setSeekableByteChannel(channel).get()) {
            int position = 0;
            for (ZipArchiveEntry e : Collections.list(zip.getEntries())) {
                position++;
                int method = e.getMethod();
                if (method != ZipEntry.STORED && method != ZipEntry.DEFLATED) {
                    throw problem(
                            file.name(),
                            "the workbook's part " + partName(e.getName(), position) + " is compressed by method "
                                    + method + ", which a workbook may not use (only stored or deflated)",
                            "save it again from Excel as .xlsx, or export CSV");
                }
            }
        } catch (SourceProblem p) {
            throw p;
        } catch (IOException | RuntimeException notZip) {
            throw unreadable(file.name(), file.path(), notZip);
        }
    }

    /** The part names Excel writes; any other name could hold a value, so is named by position. */
    private static final java.util.regex.Pattern KNOWN_PART =
            java.util.regex.Pattern.compile("\\[Content_Types]\\.xml|_rels/\\.rels|docProps/(app|core|custom)\\.xml"
                    + "|xl/(workbook|styles|sharedStrings)\\.xml|xl/_rels/workbook\\.xml\\.rels"
                    + "|xl/(worksheets|theme)/[a-z]{5,9}[0-9]{1,4}\\.xml");

    private static String partName(String name, int position) {
        return KNOWN_PART.matcher(name).matches() ? name : "entry " + position;
    }

    /** Which part of a workbook the reader could not use, found from the zip's own entries. */
    private static SourceProblem unreadable(String name, Path xlsx, Exception e) {
        String why;
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(xlsx.toFile())) {
            why = "not a readable .xlsx workbook (" + e.getClass().getSimpleName() + ")";
            for (String part : List.of("[Content_Types].xml", "xl/workbook.xml", "xl/styles.xml")) {
                if (zip.getEntry(part) == null) {
                    why = "the workbook has no " + part + " part"
                            + (part.endsWith("styles.xml") ? " (needed to tell date cells from numbers)" : "")
                            + ": it was not written by Excel or was changed after";
                    break;
                }
            }
        } catch (IOException notZip) {
            why = "not an .xlsx workbook (an .xlsx is a zip archive; an old .xls or a renamed file is not)";
        }
        return problem(name, why, "save it again from Excel as .xlsx, or export CSV");
    }

    private static SourceProblem problem(String name, String message, String fix) {
        return new SourceProblem(
                ResponseFileScan.fileProblem(ProblemCode.FILE_UNREADABLE_WORKBOOK, name, 0, message, fix));
    }
}
