package org.psyscreen.cli;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Excel at the tool level: scores.csv written as scores.xlsx for school staff, streamed with
 * fastexcel. (An .xlsx input is read by the batch's own workbook source, directly.)
 */
final class Spreadsheets {
    /** Data rows an .xlsx sheet can hold under its header. */
    static final int MAX_XLSX_ROWS = 1_048_575;

    private Spreadsheets() {}

    /**
     * Temporary folders of the converted copies psyscreen made before it read workbooks directly:
     * {@code psyscreen-xlsx-<pid>-<random>}. None is made now; those a killed run of an earlier
     * version left are still deleted.
     */
    private static final java.util.regex.Pattern TEMP_FOLDER =
            java.util.regex.Pattern.compile("psyscreen-xlsx-([0-9]+)-[0-9a-f]+");

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
