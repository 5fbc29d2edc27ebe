package org.psyscreen.batch;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link CsvLines} writes the bytes FastCSV's writer writes, line for line. */
class CsvLinesTest {
    private static final String[] PIECES = {
        "", "0", "12", "a", " ", ",", "\"", "\n", "\r", "\r\n", "#", "学校", "é", "\uD83D\uDE00", "=1+1", "x y", "\t"
    };

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void sameBytesAsFastCsvOnRandomLines(int seed) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        List<List<String>> lines = new ArrayList<>();
        for (int l = 0; l < 2_000; l++) {
            List<String> fields = new ArrayList<>();
            int n = r.nextInt(1, 9);
            for (int f = 0; f < n; f++) {
                StringBuilder s = new StringBuilder();
                int parts = r.nextInt(4);
                for (int p = 0; p < parts; p++) {
                    s.append(PIECES[r.nextInt(PIECES.length)]);
                }
                fields.add(s.toString());
            }
            lines.add(fields);
        }
        assertSame(lines);
    }

    @Test
    void edgeCases() throws IOException {
        assertSame(List.of(
                List.of(""),
                List.of("", ""),
                List.of("#comment", "#not first"),
                List.of("a\"b", "\"", "\"\""),
                List.of("line\nbreak", "cr\r", "中文,逗号"),
                Arrays.asList("a", null, "b")));
    }

    private static void assertSame(List<List<String>> lines) throws IOException {
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        try (CsvWriter w =
                CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(expected, StandardCharsets.UTF_8)) {
            lines.forEach(w::writeRecord);
        }
        PagedBytes actual = new PagedBytes();
        lines.forEach(l -> CsvLines.write(l, actual));
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        actual.writeTo(got);
        assertThat(got.toString(StandardCharsets.UTF_8)).isEqualTo(expected.toString(StandardCharsets.UTF_8));
        assertThat(got.toByteArray()).isEqualTo(expected.toByteArray());
    }

    /**
     * Whole numbers written as digits ({@link CsvLines.Line#add(long)}, {@link PagedBytes#writeDigits})
     * give the bytes of their {@code Long.toString}, across page boundaries and at the extremes.
     */
    @Test
    void wholeNumbersAsDigitsEqualTheirStrings() throws IOException {
        SplittableRandom r = new SplittableRandom(20261125);
        List<List<String>> lines = new ArrayList<>();
        PagedBytes digits = new PagedBytes();
        CsvLines.Line line = new CsvLines.Line(digits);
        long[] edges = {0, -1, 9, 10, 99, 100, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1, -1_000_000_000_000L};
        for (int l = 0; l < 20_000; l++) {
            List<String> fields = new ArrayList<>();
            int n = r.nextInt(1, 6);
            for (int f = 0; f < n; f++) {
                long v = l < edges.length && f == 0 ? edges[l] : r.nextBoolean() ? r.nextInt(-5, 200) : r.nextLong();
                if (r.nextInt(4) == 0) {
                    String text = PIECES[r.nextInt(PIECES.length)];
                    fields.add(text);
                    line.add(text);
                } else {
                    fields.add(Long.toString(v));
                    line.add(v);
                }
            }
            line.end();
            lines.add(fields);
        }
        PagedBytes strings = new PagedBytes();
        lines.forEach(l -> CsvLines.write(l, strings));
        ByteArrayOutputStream want = new ByteArrayOutputStream();
        strings.writeTo(want);
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        digits.writeTo(got);
        assertThat(got.toByteArray()).isEqualTo(want.toByteArray());
    }

    /**
     * Cells written as recurring strings ({@link CsvLines.Line#addRepeated}) or joined parts
     * ({@link CsvLines.Line#addJoined}) give the bytes of the same cells written with {@code add}: in any
     * position (the first field, where a leading {@code #} quotes), with parts that need quoting,
     * non-ASCII text, empty lists, and more distinct strings than the table of recurring cells holds,
     * so slots are replaced and hit again.
     */
    @Test
    void repeatedAndJoinedCellsEqualTheirStrings() throws IOException {
        SplittableRandom r = new SplittableRandom(20261207);
        List<String> pool = new ArrayList<>();
        for (int k = 0; k < 2_000; k++) {
            StringBuilder s = new StringBuilder();
            int parts = r.nextInt(3);
            for (int p = 0; p < parts; p++) {
                s.append(PIECES[r.nextInt(PIECES.length)]);
            }
            pool.add(k % 3 == 0 ? s + "#" + k : s.toString()); // distinct objects, some of equal text
        }
        PagedBytes plain = new PagedBytes();
        CsvLines.Line want = new CsvLines.Line(plain);
        PagedBytes fast = new PagedBytes();
        CsvLines.Line got = new CsvLines.Line(fast);
        for (int l = 0; l < 20_000; l++) {
            int n = r.nextInt(1, 7);
            for (int f = 0; f < n; f++) {
                if (r.nextInt(3) == 0) {
                    List<String> parts = new ArrayList<>();
                    for (int p = r.nextInt(4); p > 0; p--) {
                        parts.add(pool.get(r.nextInt(pool.size())));
                    }
                    want.add(RowCells.join(parts, x -> x));
                    got.addJoined(parts, x -> x);
                } else {
                    String cell = r.nextInt(20) == 0 ? null : pool.get(r.nextInt(r.nextBoolean() ? 40 : pool.size()));
                    want.add(cell);
                    got.addRepeated(cell);
                }
            }
            want.end();
            got.end();
        }
        ByteArrayOutputStream a = new ByteArrayOutputStream();
        plain.writeTo(a);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        fast.writeTo(b);
        assertThat(b.toString(StandardCharsets.UTF_8)).isEqualTo(a.toString(StandardCharsets.UTF_8));
        assertThat(b.toByteArray()).isEqualTo(a.toByteArray());
    }
}
