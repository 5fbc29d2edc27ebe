package org.psyscreen.batch;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The records of a response file, read in blocks: the header first, then non-blank records. A CSV
 * the byte pass found plain is split by {@link PlainCsv} (bytes, no quoting rules to apply); any
 * other CSV by FastCSV. Both give the same records; a differential test holds them to it. JSON Lines
 * ({@link JsonLines}) and workbooks ({@link XlsxRecords}) give records of cells the same way, so
 * the scorer reads every format alike.
 */
interface RecordSource extends Closeable {

    /** Opens {@code input}: rows as they are, a file with the reader its format and its byte pass allow. */
    static RecordSource open(ResponseInput input, ResponseFileScan.Bytes bytes) throws IOException {
        if (input instanceof ResponseRows rows) {
            return rows.open();
        }
        ResponseFile file = (ResponseFile) input;
        return switch (file.format()) {
            case CSV ->
                bytes.plain()
                        ? new PlainCsv(file.path(), bytes.bomLength())
                        : new FastCsv(ResponseFileScan.csv(ResponseFileScan.reader(file.path(), bytes)));
            case JSONL -> new JsonLines(ResponseFileScan.reader(file.path(), bytes), file.name());
            case XLSX -> XlsxRecords.open(file);
        };
    }

    /** The first record (the header, even if blank), or {@code null} for a file without one. Call once, first. */
    String[] header() throws IOException;

    /** Up to {@code max} non-blank records, or {@code null} at the end of the file. */
    RecordBlock next(int max) throws IOException;

    /** Blank lines skipped after the header so far. */
    long blankLines();

    /** Records as FastCSV reads them: any quoting, any line ending, any decodable charset. */
    final class FastCsv implements RecordSource {
        private final CsvReader<CsvRecord> csv;
        private final Iterator<CsvRecord> records;
        private long blank;

        FastCsv(CsvReader<CsvRecord> csv) {
            this.csv = csv;
            this.records = csv.iterator();
        }

        @Override
        public String[] header() {
            return records.hasNext() ? fields(records.next()) : null;
        }

        @Override
        public RecordBlock next(int max) {
            List<CsvRecord> block = new ArrayList<>(Math.min(max, 4096));
            while (block.size() < max && records.hasNext()) {
                CsvRecord r = records.next();
                if (r.getFieldCount() == 1 && r.getField(0).isEmpty()) {
                    blank++; // FastCSV gives a blank line one empty field
                } else {
                    block.add(r);
                }
            }
            return block.isEmpty() ? null : new Block(block);
        }

        @Override
        public long blankLines() {
            return blank;
        }

        @Override
        public void close() throws IOException {
            csv.close();
        }

        private static String[] fields(CsvRecord r) {
            return r.getFields().toArray(new String[0]);
        }

        private record Block(List<CsvRecord> records) implements RecordBlock {
            @Override
            public int size() {
                return records.size();
            }

            @Override
            public long line(int i) {
                return records.get(i).getStartingLineNumber();
            }

            @Override
            public String[] fields(int i) {
                return FastCsv.fields(records.get(i));
            }

            @Override
            public String field(int i, int column) {
                CsvRecord r = records.get(i);
                return column >= 0 && column < r.getFieldCount() ? r.getField(column) : "";
            }
        }
    }
}
