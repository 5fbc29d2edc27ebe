package org.psyscreen.cli;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.psyscreen.batch.ResultSink;
import org.psyscreen.batch.ScoresXlsx;

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
     * Writes a CSV (with header) as a one-sheet workbook through the batch's {@link ScoresXlsx} sink:
     * numbers stay numbers, ids and codes stay text. For tools and tests that turn any CSV into the
     * workbook a school would upload.
     */
    static void toXlsx(Path csv, Path xlsx) throws IOException {
        Path folder = Files.createTempDirectory(xlsx.toAbsolutePath().getParent(), ".xlsx-");
        ScoresXlsx sink = new ScoresXlsx();
        try (CsvReader<CsvRecord> in = CsvReader.builder()
                .extraFieldStrategy(de.siegmar.fastcsv.reader.FieldMismatchStrategy.IGNORE)
                .missingFieldStrategy(de.siegmar.fastcsv.reader.FieldMismatchStrategy.IGNORE)
                .ofCsvRecord(csv)) {
            long n = 0;
            for (CsvRecord rec : in) {
                if (n++ == 0) {
                    sink.open(new ResultSink.Start(folder, rec.getFields(), "", "", "", "", java.util.Map.of()));
                } else {
                    sink.write(rec.getFields());
                }
            }
            if (n == 0) {
                sink.open(new ResultSink.Start(folder, List.of(), "", "", "", "", java.util.Map.of()));
            }
            sink.finish(null);
            Files.move(folder.resolve(ScoresXlsx.FILE), xlsx, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } finally {
            sink.abandon();
            Files.deleteIfExists(folder.resolve(ScoresXlsx.FILE));
            Files.deleteIfExists(folder);
        }
    }
}
