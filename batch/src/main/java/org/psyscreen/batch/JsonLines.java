package org.psyscreen.batch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.psyscreen.diagnostic.ProblemCode;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The records of a JSON Lines response file ({@link ResponseFile.Format#JSONL}): the first object's
 * keys are the header, and every object becomes the cells of one record in that column order. A
 * record's keys the header lacks follow as extra fields (flagged PSY-2102 like a CSV row that runs
 * long); a key it lacks is an empty cell. A line that is not one object of plain values refuses the
 * file (PSY-2012), named by line and key, never by value.
 */
final class JsonLines implements RecordSource {
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private final BufferedReader in;
    private final String name;
    private String[] header;
    private Map<String, Integer> columns;
    private JsonNode pending; // the first object: it gives the header and is the first record
    private long pendingLine;
    private long line;
    private long blank;

    JsonLines(Reader reader, String name) {
        this.in = new BufferedReader(reader, 1 << 16);
        this.name = name;
    }

    @Override
    public String[] header() throws IOException {
        JsonNode first = nextObject();
        if (first == null) {
            return null;
        }
        pending = first;
        pendingLine = line;
        List<String> keys = new ArrayList<>(first.propertyNames());
        header = keys.toArray(String[]::new);
        columns = new HashMap<>();
        for (int i = 0; i < header.length; i++) {
            columns.put(header[i], i);
        }
        return header.clone();
    }

    @Override
    public RecordBlock next(int max) throws IOException {
        List<String[]> records = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        while (records.size() < max) {
            JsonNode n;
            long at;
            if (pending != null) {
                n = pending;
                at = pendingLine;
                pending = null;
            } else {
                n = nextObject();
                at = line;
            }
            if (n == null) {
                break;
            }
            records.add(cells(n, at));
            lines.add(at);
        }
        return records.isEmpty()
                ? null
                : new RecordBlock.OfCells(
                        records, lines.stream().mapToLong(Long::longValue).toArray());
    }

    @Override
    public long blankLines() {
        return blank;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** The next non-blank line's object, or {@code null} at the end. */
    private JsonNode nextObject() throws IOException {
        for (String text; (text = in.readLine()) != null; ) {
            line++;
            if (text.isBlank()) {
                blank++;
                continue;
            }
            JsonNode n;
            try {
                n = JSON.readTree(text);
            } catch (JacksonException e) {
                throw refused("is not JSON (or repeats a key)");
            }
            if (n == null || !n.isObject()) {
                throw refused("is not a JSON object");
            }
            return n;
        }
        return null;
    }

    /** One object's cells in header order, then the keys the header lacks. */
    private String[] cells(JsonNode n, long at) throws SourceProblem {
        String[] cells = new String[header.length];
        Arrays.fill(cells, "");
        List<String> extra = null;
        for (var e : n.properties()) {
            String cell = cell(e.getValue(), e.getKey(), at);
            Integer c = columns.get(e.getKey());
            if (c != null) {
                cells[c] = cell;
            } else {
                if (extra == null) {
                    extra = new ArrayList<>();
                }
                extra.add(cell);
            }
        }
        if (extra == null) {
            return cells;
        }
        String[] longer = Arrays.copyOf(cells, cells.length + extra.size());
        for (int i = 0; i < extra.size(); i++) {
            longer[cells.length + i] = extra.get(i);
        }
        return longer;
    }

    private String cell(JsonNode v, String key, long at) throws SourceProblem {
        if (v.isNull()) {
            return "";
        }
        if (v.isString()) {
            return v.asString();
        }
        if (v.isNumber()) {
            return v.isBigDecimal() ? v.decimalValue().toPlainString() : v.asString();
        }
        if (v.isBoolean()) {
            return v.asBoolean() ? "true" : "false";
        }
        line = at;
        throw refused("key '" + key + "' holds a list or an object, not a cell");
    }

    private SourceProblem refused(String what) {
        return new SourceProblem(ResponseFileScan.fileProblem(
                ProblemCode.FILE_NOT_JSON_LINES,
                name,
                (int) Math.min(line, Integer.MAX_VALUE),
                "line " + line + " " + what,
                "write one JSON object per line whose values are text, numbers, true/false or null"));
    }
}
