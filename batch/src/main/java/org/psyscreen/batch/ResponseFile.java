package org.psyscreen.batch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.psyscreen.diagnostic.Problem;
import org.psyscreen.diagnostic.ProblemCode;

/**
 * A response file to score, and how to read it. Every format gives the scorer the same thing — a
 * header of column names, then records of cells — so every format gets the same record checks, the
 * same problem codes and the same counts-in == counts-out contract.
 *
 * @param path the file
 * @param format how it is written
 * @param sheet for a workbook, the sheet to read, by name or 1-based number; {@code null}: the first
 */
public record ResponseFile(Path path, Format format, String sheet) implements ResponseInput {

    /** The formats a response file can come in. */
    public enum Format {
        /**
         * Comma-separated values, as survey platforms and Excel export them: UTF-8 (with or without a
         * byte-order mark), UTF-16 with a byte-order mark, or GB18030; the first record names the columns.
         */
        CSV,
        /**
         * JSON Lines: one JSON object per line, its keys the column names (the first object's keys, in
         * its order, are the header); values are text, numbers, {@code true}/{@code false} or
         * {@code null} (an empty cell). A key the first object lacks is an extra field of that record;
         * a key a record lacks is an empty cell. Blank lines are skipped and counted.
         */
        JSONL,
        /**
         * An Excel workbook (.xlsx), read directly (no converted copy on disk): one sheet, its first
         * row the header. Cells become text as they are typed (numbers without ".0", date cells as ISO
         * dates); a {@code source_row} column gives each record's sheet row.
         */
        XLSX;

        /**
         * {@return the format a file name says: {@code .jsonl} and {@code .ndjson} are JSON Lines,
         * {@code .xlsx} a workbook, anything else CSV}
         *
         * @param file the file
         */
        public static Format of(Path file) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            return name.endsWith(".jsonl") || name.endsWith(".ndjson") ? JSONL : name.endsWith(".xlsx") ? XLSX : CSV;
        }
    }

    /**
     * Checks the parts.
     *
     * @param path the file
     * @param format how it is written
     * @param sheet for a workbook, the sheet, by name or 1-based number; {@code null}: the first
     * @throws IllegalArgumentException when a sheet is named for a file that is not a workbook
     */
    public ResponseFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(format, "format");
        if (sheet != null && format != Format.XLSX) {
            throw new IllegalArgumentException("a sheet is chosen only in a workbook (.xlsx)");
        }
    }

    /**
     * {@return the file, in the format its name says (see {@link Format#of})}
     *
     * @param path the file
     */
    public static ResponseFile of(Path path) {
        return new ResponseFile(path, Format.of(path), null);
    }

    /**
     * {@return this workbook, reading {@code sheet} (by name or 1-based number; {@code null}: the first)}
     *
     * @param sheet the sheet
     */
    public ResponseFile withSheet(String sheet) {
        return new ResponseFile(path, format, sheet);
    }

    /**
     * Reads the file's column names as the scorer reads them (same encodings, same workbook reading),
     * without scoring: for a front end that proposes a mapping. A workbook's {@code source_row} column,
     * which the reader adds, is not among them.
     *
     * @return the header's column names, in file order
     * @throws IOException when the file cannot be read, with the problem that refuses it (place, never value)
     */
    public List<String> readHeader() throws IOException {
        return withSource((source, header, bytes) -> List.copyOf(header));
    }

    /** What is done with a file once it is open and its header read. */
    private interface SourceWork<T> {
        T run(RecordSource source, List<String> header, ResponseFileScan.Bytes bytes) throws IOException;
    }

    /**
     * Opens the file as the scorer does, reads its header (without a workbook's {@code source_row}) and
     * runs {@code work}; a file that cannot be read is one {@link IOException} naming the problem.
     */
    private <T> T withSource(SourceWork<T> work) throws IOException {
        List<Problem> problems = new ArrayList<>();
        ResponseFileScan.Bytes bytes = format == Format.CSV
                ? ResponseFileScan.bytes(path, name(), problems)
                : ResponseFileScan.bytes(this, name(), problems);
        if (!problems.isEmpty()) {
            throw new IOException(
                    problems.get(0).code().id() + " " + problems.get(0).message());
        }
        try (RecordSource source = RecordSource.open(this, bytes)) {
            String[] header = source.header();
            if (header == null) {
                throw new IOException(ProblemCode.FILE_EMPTY.id() + " the file has no header");
            }
            List<String> columns = Arrays.asList(header);
            return work.run(source, format == Format.XLSX ? columns.subList(0, columns.size() - 1) : columns, bytes);
        } catch (SourceProblem e) {
            throw new IOException(e.problem().code().id() + " " + e.problem().message());
        } catch (de.siegmar.fastcsv.reader.CsvParseException e) {
            Problem p = ResponseFileScan.undelimited(e, name(), bytes);
            throw new IOException(p.code().id() + " " + p.message());
        }
    }

    /** What {@link #read} gives: the header once, then every non-blank record in file order. */
    public interface Visitor {
        /**
         * The file's column names, as the scorer reads them.
         *
         * @param columns the header's column names, in file order
         */
        void header(List<String> columns);

        /**
         * One record.
         *
         * @param line the line (or sheet row) it starts on; the header is line 1
         * @param cells its cells, as many as the record has
         */
        void record(long line, List<String> cells);
    }

    /**
     * Reads every record of the file as the scorer reads it (same encodings, same workbook and JSON
     * Lines reading), without scoring: for a front end that reads another table a school exports in
     * the same way, e.g. a roster. A workbook's {@code source_row} column is not among the cells.
     *
     * @param visitor told the header, then each record
     * @return the file's SHA-256, hex
     * @throws IOException when the file cannot be read, with the problem that refuses it (place, never value)
     */
    public String read(Visitor visitor) throws IOException {
        return withSource((source, header, bytes) -> {
            visitor.header(List.copyOf(header));
            int keep = header.size();
            for (RecordBlock b; (b = source.next(4096)) != null; ) {
                for (int i = 0; i < b.size(); i++) {
                    String[] f = b.fields(i);
                    int n = format == Format.XLSX ? Math.min(f.length, keep) : f.length;
                    visitor.record(
                            b.line(i),
                            java.util.Collections.unmodifiableList(
                                    Arrays.asList(f).subList(0, n)));
                }
            }
            return bytes.sha256();
        });
    }

    /** {@return the file's name, as messages and the summary give it} */
    @Override
    public String name() {
        return path.getFileName().toString();
    }
}
