package org.psyscreen.batch;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.psyscreen.diagnostic.Problem;
import org.psyscreen.diagnostic.ProblemCode;
import org.psyscreen.diagnostic.Severity;
import org.psyscreen.diagnostic.SourceLocation;

/**
 * Pass 1 over a response file: everything that decides whether the file can be scored at all, found
 * before any output is written. Streams; memory does not grow with the file (except the duplicate-id
 * set, 16 bytes per distinct id).
 */
final class ResponseFileScan {
    static final Charset GB18030 = Charset.forName("GB18030");
    private static final Pattern LINE = Pattern.compile("line (\\d+)");

    /** What the byte pass found. */
    record Bytes(String sha256, long size, Charset charset, int bomLength, String encodingNote) {}

    private ResponseFileScan() {}

    /**
     * Hash, size and encoding: a BOM decides; otherwise strict UTF-8; if that fails, strict GB18030
     * (Excel on Chinese Windows), noted in the summary. Never lenient decoding. NUL bytes are refused.
     */
    static Bytes bytes(Path file, String name, List<Problem> problems) throws IOException {
        long size = Files.size(file);
        if (size == 0) {
            problems.add(fileProblem(
                    ProblemCode.FILE_EMPTY,
                    name,
                    0,
                    "the file is empty (0 bytes)",
                    "check the export; an empty upload cannot be screened"));
            return new Bytes(sha256(file), 0, StandardCharsets.UTF_8, 0, "empty");
        }
        byte[] head = new byte[3];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, 3);
        }
        if (n >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            return checked(file, name, StandardCharsets.UTF_8, 3, "UTF-8 with BOM", problems, size);
        }
        if (n >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
            return checked(file, name, StandardCharsets.UTF_16LE, 2, "UTF-16LE with BOM", problems, size);
        }
        if (n >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
            return checked(file, name, StandardCharsets.UTF_16BE, 2, "UTF-16BE with BOM", problems, size);
        }
        long nul = firstNul(file);
        if (nul >= 0) {
            problems.add(fileProblem(
                    ProblemCode.FILE_BINARY,
                    name,
                    0,
                    "NUL byte at offset " + nul + ": not a text file (or UTF-16 without a byte-order mark)",
                    "export the data as CSV (UTF-8)"));
            return new Bytes(sha256(file), size, StandardCharsets.UTF_8, 0, "binary");
        }
        long bad = firstUndecodable(file, StandardCharsets.UTF_8, 0);
        if (bad < 0) {
            return new Bytes(sha256(file), size, StandardCharsets.UTF_8, 0, "UTF-8");
        }
        long badGb = firstUndecodable(file, GB18030, 0);
        if (badGb < 0) {
            return new Bytes(sha256(file), size, GB18030, 0, "GB18030 (not valid UTF-8 at byte " + bad + ")");
        }
        problems.add(fileProblem(
                ProblemCode.FILE_ENCODING,
                name,
                0,
                "byte " + bad + " is not UTF-8 and byte " + badGb + " is not GB18030",
                "save the file as UTF-8; a file mixing encodings cannot be read safely"));
        return new Bytes(sha256(file), size, StandardCharsets.UTF_8, 0, "undecodable");
    }

    private static Bytes checked(
            Path file, String name, Charset cs, int bom, String note, List<Problem> problems, long size)
            throws IOException {
        long bad = firstUndecodable(file, cs, bom);
        if (bad >= 0) {
            problems.add(fileProblem(
                    ProblemCode.FILE_ENCODING,
                    name,
                    0,
                    "byte " + bad + " is not valid " + cs.name() + " although the file starts with its byte-order mark",
                    "re-export the file in one encoding"));
        }
        return new Bytes(sha256(file), size, cs, bom, note);
    }

    /** A reader over the file in the detected charset, strict, after the BOM. */
    static Reader reader(Path file, Bytes bytes) throws IOException {
        InputStream in = Files.newInputStream(file);
        in.skipNBytes(bytes.bomLength());
        CharsetDecoder d = bytes.charset()
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return new InputStreamReader(in, d);
    }

    /** The CSV reader every pass uses: honest field counts, no blank-line skipping, no unclosed quotes. */
    static CsvReader<CsvRecord> csv(Reader reader) {
        return CsvReader.builder()
                .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                .allowUnclosedQuote(false)
                .skipEmptyLines(false)
                .maxBufferSize(1024 * 1024)
                .ofCsvRecord(reader);
    }

    /** True for a blank line (FastCSV gives one empty field): not a record. */
    static boolean blank(CsvRecord r) {
        return r.getFieldCount() == 1 && r.getField(0).isEmpty();
    }

    /** The line an unclosed quote starts on, from FastCSV's message (0 if absent). */
    static int line(CsvParseException e) {
        Matcher m = LINE.matcher(String.valueOf(e.getMessage()));
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    static Problem fileProblem(ProblemCode code, String name, int line, String message, String fix) {
        return new Problem(code, Severity.ERROR, new SourceLocation(name, line, 0), "", message, fix);
    }

    private static long firstNul(Path file) throws IOException {
        byte[] buf = new byte[1 << 16];
        long offset = 0;
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                for (int i = 0; i < n; i++) {
                    if (buf[i] == 0) {
                        return offset + i;
                    }
                }
                offset += n;
            }
        }
        return -1;
    }

    private static long firstUndecodable(Path file, Charset cs, int skip) throws IOException {
        CharsetDecoder d = cs.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(1 << 16);
        CharBuffer out = CharBuffer.allocate(1 << 16);
        long consumed = 0;
        try (InputStream s = Files.newInputStream(file)) {
            s.skipNBytes(skip);
            boolean eof = false;
            while (true) {
                if (!eof) {
                    byte[] chunk = new byte[in.remaining()];
                    int n = s.read(chunk);
                    if (n < 0) {
                        eof = true;
                    } else {
                        in.put(chunk, 0, n);
                    }
                }
                in.flip();
                int before = in.position();
                var r = d.decode(in, out, eof);
                consumed += in.position() - before;
                if (r.isError()) {
                    return consumed + skip;
                }
                out.clear();
                in.compact();
                if (eof && in.position() == 0) {
                    var f = d.flush(out);
                    return f.isError() ? consumed + skip : -1;
                }
            }
        }
    }

    static String sha256(Path file) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            try (InputStream in = Files.newInputStream(file)) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    md.update(buf, 0, n);
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
