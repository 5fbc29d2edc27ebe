package org.psyscreen.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psyscreen.diagnostic.Problem;
import org.psyscreen.diagnostic.ProblemCode;

/**
 * The byte pass on its own: hash, encoding and the offsets it reports. Files are larger than the
 * 64 KiB read buffer so that multi-byte characters and the reported offsets cross buffer edges. The
 * expected hash is computed independently with {@link MessageDigest} over the whole file; expected
 * offsets are where the test itself put the bad byte.
 */
class ResponseFileScanTest {
    private static final int BUFFER = 1 << 16;

    @TempDir
    Path dir;

    private final List<Problem> problems = new ArrayList<>();

    private ResponseFileScan.Bytes scan(byte[] content) throws Exception {
        Path file = dir.resolve("in.csv");
        Files.write(file, content);
        ResponseFileScan.Bytes b = ResponseFileScan.bytes(file, "in.csv", problems);
        assertThat(b.sha256())
                .isEqualTo(HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
        assertThat(b.size()).isEqualTo(content.length);
        return b;
    }

    /** ASCII padding then {@code tail}, so that {@code tail} starts {@code at} bytes in. */
    private static byte[] at(int at, byte[] head, byte[] tail) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head);
        while (out.size() < at) {
            out.write(out.size() % 80 == 79 ? '\n' : 'a');
        }
        out.writeBytes(tail);
        out.writeBytes("\nend\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    @Test
    void anEmptyFileIsAProblemAndStillHashed() throws Exception {
        ResponseFileScan.Bytes b = scan(new byte[0]);
        assertThat(b.encodingNote()).isEqualTo("empty");
        assertThat(problems).extracting(Problem::code).containsExactly(ProblemCode.FILE_EMPTY);
    }

    @Test
    void aCharacterSplitAcrossTheReadBufferIsValidUtf8() throws Exception {
        byte[] content = at(BUFFER - 1, new byte[0], "学校".getBytes(StandardCharsets.UTF_8));
        ResponseFileScan.Bytes b = scan(content);
        assertThat(b.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(b.encodingNote()).isEqualTo("UTF-8");
        assertThat(problems).isEmpty();
    }

    @Test
    void aNulPastTheFirstBufferIsReportedAtItsOffset() throws Exception {
        int offset = BUFFER + 123;
        ResponseFileScan.Bytes b = scan(at(offset, new byte[0], new byte[] {0}));
        assertThat(b.encodingNote()).isEqualTo("binary");
        assertThat(problems).extracting(Problem::code).containsExactly(ProblemCode.FILE_BINARY);
        assertThat(problems.get(0).message()).startsWith("NUL byte at offset " + offset + ":");
    }

    @Test
    void gb18030IsChosenWhenUtf8FailsAndTheFirstBadUtf8ByteIsNoted() throws Exception {
        int offset = BUFFER + 7;
        // 中 is D6 D0 in GB18030: D6 opens a two-byte UTF-8 sequence that D0 cannot continue
        ResponseFileScan.Bytes b = scan(at(offset, new byte[0], "中国".getBytes(Charset.forName("GB18030"))));
        assertThat(b.charset()).isEqualTo(ResponseFileScan.GB18030);
        assertThat(b.encodingNote()).isEqualTo("GB18030 (not valid UTF-8 at byte " + offset + ")");
        assertThat(problems).isEmpty();
    }

    @Test
    void aByteNeitherUtf8NorGb18030IsRefusedWithBothOffsets() throws Exception {
        int offset = BUFFER + 40;
        ResponseFileScan.Bytes b = scan(at(offset, new byte[0], new byte[] {(byte) 0x80}));
        assertThat(b.encodingNote()).isEqualTo("undecodable");
        assertThat(problems).extracting(Problem::code).containsExactly(ProblemCode.FILE_ENCODING);
        assertThat(problems.get(0).message())
                .isEqualTo("byte " + offset + " is not UTF-8 and byte " + offset + " is not GB18030");
    }

    @Test
    void aUtf8ByteOrderMarkDecidesAndABadByteAfterItIsReportedAtItsFileOffset() throws Exception {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        int offset = BUFFER + 5;
        ResponseFileScan.Bytes b = scan(at(offset, bom, new byte[] {(byte) 0xFF}));
        assertThat(b.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(b.bomLength()).isEqualTo(3);
        assertThat(b.encodingNote()).isEqualTo("UTF-8 with BOM");
        assertThat(problems).extracting(Problem::code).containsExactly(ProblemCode.FILE_ENCODING);
        assertThat(problems.get(0).message()).startsWith("byte " + offset + " is not valid UTF-8");
    }

    @Test
    void utf16WithAByteOrderMarkIsReadDespiteItsNulBytes() throws Exception {
        byte[] text = "student_id,学校\nG1,一中\n".repeat(5000).getBytes(StandardCharsets.UTF_16LE);
        byte[] content = new byte[text.length + 2];
        content[0] = (byte) 0xFF;
        content[1] = (byte) 0xFE;
        System.arraycopy(text, 0, content, 2, text.length);
        ResponseFileScan.Bytes b = scan(content);
        assertThat(b.charset()).isEqualTo(StandardCharsets.UTF_16LE);
        assertThat(b.bomLength()).isEqualTo(2);
        assertThat(problems).isEmpty();
    }
}
