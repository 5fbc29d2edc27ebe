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
import java.nio.charset.CoderResult;
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

    /**
     * What the byte pass found.
     *
     * @param plain true when {@link PlainCsv} may split the file instead of FastCSV: UTF-8, no quote
     *     character, every CR followed by LF, no line longer than {@link PlainCsv#MAX_LINE} bytes
     */
    record Bytes(
            String sha256,
            long size,
            Charset charset,
            int bomLength,
            String encodingNote,
            boolean plain,
            long longestLine) {}

    /**
     * Longest record the CSV reader holds in memory; longer fields up to this size are flagged
     * (PSY-2108) and the batch goes on; a line longer than this refuses the file, named as such.
     */
    static final int MAX_RECORD = 16 * 1024 * 1024;

    private ResponseFileScan() {}

    /**
     * Hash, size and encoding: a BOM decides; otherwise strict UTF-8; if that fails, strict GB18030
     * (Excel on Chinese Windows), noted in the summary. Never lenient decoding. NUL bytes are refused
     * unless a BOM names a UTF-16 encoding. One read of the file finds hash, NUL and the first
     * undecodable byte; a second read happens only to try GB18030.
     */
    static Bytes bytes(Path file, String name, List<Problem> problems) throws IOException {
        Bom b = Bom.of(file);
        Charset cs = b.charset();
        int bom = b.length();
        String note = b.note();
        Pass pass = Pass.over(file, cs, bom);
        if (pass.size == 0) {
            problems.add(fileProblem(
                    ProblemCode.FILE_EMPTY,
                    name,
                    0,
                    "the file is empty (0 bytes)",
                    "check the export; an empty upload cannot be screened"));
            return new Bytes(pass.sha256, 0, StandardCharsets.UTF_8, 0, "empty", false, 0);
        }
        if (bom > 0) {
            if (pass.firstBad >= 0) {
                problems.add(fileProblem(
                        ProblemCode.FILE_ENCODING,
                        name,
                        0,
                        "byte " + pass.firstBad + " is not valid " + cs.name()
                                + " although the file starts with its byte-order mark",
                        "re-export the file in one encoding"));
            }
            return new Bytes(
                    pass.sha256,
                    pass.size,
                    cs,
                    bom,
                    note,
                    cs == StandardCharsets.UTF_8 && pass.plain(),
                    pass.longestLine);
        }
        if (pass.firstNul >= 0) {
            problems.add(fileProblem(
                    ProblemCode.FILE_BINARY,
                    name,
                    0,
                    "NUL byte at offset " + pass.firstNul + ": not a text file (or UTF-16 without a byte-order mark)",
                    "export the data as CSV (UTF-8)"));
            return new Bytes(pass.sha256, pass.size, StandardCharsets.UTF_8, 0, "binary", false, pass.longestLine);
        }
        if (pass.firstBad < 0) {
            return new Bytes(pass.sha256, pass.size, StandardCharsets.UTF_8, 0, note, pass.plain(), pass.longestLine);
        }
        long badGb = Pass.over(file, GB18030, 0).firstBad;
        if (badGb < 0) {
            return new Bytes(
                    pass.sha256,
                    pass.size,
                    GB18030,
                    0,
                    "GB18030 (not valid UTF-8 at byte " + pass.firstBad + ")",
                    false,
                    pass.longestLine);
        }
        problems.add(fileProblem(
                ProblemCode.FILE_ENCODING,
                name,
                0,
                "byte " + pass.firstBad + " is not UTF-8 and byte " + badGb + " is not GB18030",
                "save the file as UTF-8; a file mixing encodings cannot be read safely"));
        return new Bytes(pass.sha256, pass.size, StandardCharsets.UTF_8, 0, "undecodable", false, pass.longestLine);
    }

    /**
     * The byte pass of a file that is not CSV. JSON Lines is text: the same hash, encoding and NUL
     * checks as a CSV, read by its own reader (never the plain-CSV splitter). A workbook is a zip
     * archive: its hash, and which sheet is read (a workbook that cannot be read is refused here).
     */
    static Bytes bytes(ResponseFile file, String name, List<Problem> problems) throws IOException {
        if (file.format() == ResponseFile.Format.JSONL) {
            Bytes b = bytes(file.path(), name, problems);
            return new Bytes(
                    b.sha256(), b.size(), b.charset(), b.bomLength(), b.encodingNote(), false, b.longestLine());
        }
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long size = 0;
        try (InputStream in = Files.newInputStream(file.path())) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                sha.update(buf, 0, n);
                size += n;
            }
        }
        String note = "xlsx workbook";
        try {
            note = XlsxRecords.describe(file);
        } catch (SourceProblem p) {
            problems.add(p.problem());
        }
        return new Bytes(HexFormat.of().formatHex(sha.digest()), size, StandardCharsets.UTF_8, 0, note, false, 0);
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
                .maxBufferSize(MAX_RECORD)
                .ofCsvRecord(reader);
    }

    /**
     * The file problem for a record the CSV reader could not delimit: a line longer than
     * {@link #MAX_RECORD} when the file has one, otherwise a quote that is never closed.
     */
    static Problem undelimited(CsvParseException e, String name, Bytes bytes) {
        if (bytes.longestLine() > MAX_RECORD) {
            return fileProblem(
                    ProblemCode.FILE_LINE_TOO_LONG,
                    name,
                    line(e),
                    "a line is longer than " + MAX_RECORD / (1024 * 1024) + " MiB (" + bytes.longestLine()
                            + " bytes): not a survey export",
                    "check the export; a screening record is a few kilobytes");
        }
        return fileProblem(
                ProblemCode.FILE_UNCLOSED_QUOTE,
                name,
                line(e),
                "a quoted field starting here is never closed: the file looks truncated",
                "upload the complete file; records after this line cannot be delimited");
    }

    /** The line an unclosed quote starts on, from FastCSV's message (0 if absent). */
    static int line(CsvParseException e) {
        Matcher m = LINE.matcher(String.valueOf(e.getMessage()));
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    static Problem fileProblem(ProblemCode code, String name, int line, String message, String fix) {
        return new Problem(code, Severity.ERROR, new SourceLocation(name, line, 0), "", message, fix);
    }

    /**
     * How {@code file} reads if it is plain UTF-8 (with or without a BOM), for reading its records
     * while the byte pass runs; {@code null} when its first bytes already say otherwise (a UTF-16
     * BOM). Only {@link #readsAs} decides whether what was read that way counts.
     */
    static Bytes plainUtf8Guess(Path file) throws IOException {
        Bom b = Bom.of(file);
        return b.charset() == StandardCharsets.UTF_8
                ? new Bytes(null, -1, StandardCharsets.UTF_8, b.length(), "guess", true, 0)
                : null;
    }

    /** What a file's first bytes say of its encoding: a byte-order mark, or UTF-8 without one. */
    private record Bom(Charset charset, int length, String note) {
        static Bom of(Path file) throws IOException {
            byte[] head = new byte[3];
            int n;
            try (InputStream in = Files.newInputStream(file)) {
                n = in.readNBytes(head, 0, 3);
            }
            if (n >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
                return new Bom(StandardCharsets.UTF_8, 3, "UTF-8 with BOM");
            } else if (n >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
                return new Bom(StandardCharsets.UTF_16LE, 2, "UTF-16LE with BOM");
            } else if (n >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
                return new Bom(StandardCharsets.UTF_16BE, 2, "UTF-16BE with BOM");
            }
            return new Bom(StandardCharsets.UTF_8, 0, "UTF-8");
        }
    }

    /** Whether records read as {@code guess} are the records {@code bytes} (the byte pass) says the file holds. */
    static boolean readsAs(Bytes bytes, Bytes guess) {
        return bytes.plain()
                && bytes.charset().equals(StandardCharsets.UTF_8)
                && bytes.bomLength() == guess.bomLength();
    }

    private static final int BUFFER = 1 << 16;

    /**
     * One streaming read of a file: its SHA-256 and size, its first NUL, its first undecodable byte,
     * and whether it is plain enough for {@link PlainCsv}.
     */
    private static final class Pass {
        long size;
        long firstNul = -1;
        long firstBad = -1;
        String sha256;
        boolean quote;
        boolean loneCr;
        long longestLine;

        boolean plain() {
            return !quote && !loneCr && longestLine <= PlainCsv.MAX_LINE;
        }

        /** Decodes {@code cs} strictly from byte {@code skip} on (after a BOM); offsets are file offsets. */
        static Pass over(Path file, Charset cs, int skip) throws IOException {
            Pass p = new Pass();
            MessageDigest md;
            try {
                md = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            StrictDecoding decoding = new StrictDecoding(cs, skip);
            // in these, every ASCII byte is a character of its own, so an ASCII chunk needs no decoder
            boolean asciiCompatible =
                    cs.equals(StandardCharsets.UTF_8) || cs.name().equals("GB18030");
            byte[] buf = new byte[BUFFER];
            boolean cr = false; // the previous byte was CR
            long lineStart = 0;
            try (InputStream in = Files.newInputStream(file)) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    md.update(buf, 0, n);
                    int high = 0; // negative once any byte of the chunk is past ASCII
                    for (int i = 0; i < n; i++) {
                        byte b = buf[i];
                        high |= b;
                        if (b > '"' || b < 0) { // most bytes stop here
                            if (cr) {
                                p.loneCr = true;
                                cr = false;
                            }
                            continue;
                        }
                        if (cr && b != '\n') {
                            p.loneCr = true;
                        }
                        cr = b == '\r';
                        if (b == '\n') {
                            p.longestLine = Math.max(p.longestLine, p.size + i - lineStart);
                            lineStart = p.size + i + 1;
                        } else if (b == '"') {
                            p.quote = true;
                        } else if (b == 0 && p.firstNul < 0) {
                            p.firstNul = p.size + i;
                        }
                    }
                    int from = (int) Math.min(n, Math.max(0, skip - p.size));
                    if (high >= 0 && asciiCompatible) {
                        decoding.ascii(buf, from, n - from);
                    } else {
                        decoding.feed(buf, from, n - from, false);
                    }
                    p.size += n;
                }
            }
            decoding.feed(buf, 0, 0, true);
            p.loneCr |= cr; // a file ending in CR
            p.longestLine = Math.max(p.longestLine, p.size - lineStart);
            p.firstBad = decoding.firstBad;
            p.sha256 = HexFormat.of().formatHex(md.digest());
            return p;
        }
    }

    /** Strict decoding fed in chunks; keeps the file offset of the first byte it cannot decode. */
    private static final class StrictDecoding {
        private final CharsetDecoder decoder;
        // after each chunk only an incomplete character (at most 3 bytes) stays pending
        private final ByteBuffer pending = ByteBuffer.allocate(BUFFER + 8);
        private final CharBuffer chars = CharBuffer.allocate(BUFFER);
        private long offset;
        long firstBad = -1;

        StrictDecoding(Charset cs, long start) {
            this.decoder = cs.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            this.offset = start;
        }

        /**
         * Takes {@code len} bytes that are all ASCII, in a charset where each is one character: valid
         * unless an incomplete character is pending before them, which the decoder then judges.
         */
        void ascii(byte[] b, int off, int len) {
            if (firstBad < 0 && pending.position() == 0) {
                offset += len;
            } else {
                feed(b, off, len, false);
            }
        }

        void feed(byte[] b, int off, int len, boolean end) {
            if (firstBad >= 0) {
                return;
            }
            pending.put(b, off, len);
            pending.flip();
            CoderResult r;
            do {
                int before = pending.position();
                r = decoder.decode(pending, chars, end);
                offset += pending.position() - before;
                chars.clear();
            } while (r.isOverflow());
            pending.compact();
            if (r.isError() || (end && decoder.flush(chars).isError())) {
                firstBad = offset;
            }
        }
    }
}
