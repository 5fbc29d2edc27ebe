package org.psyscreen.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.psyscreen.diagnostic.Problem;

/**
 * The fast path must give FastCSV's records exactly — fields, starting lines, blank lines — on every
 * file the byte pass calls plain, and the byte pass must not call plain a file FastCSV would read
 * differently. Run on every CSV in the repository, on every file a batch test writes
 * ({@link BatchFixtures#write}), and on seeded random files.
 */
class PlainCsvTest {
    @TempDir
    Path dir;

    /**
     * Reads {@code file} with both readers, in blocks of {@code max}, and demands the same records;
     * returns false (comparing nothing) when the byte pass does not call the file plain.
     */
    static boolean assertReadersAgree(Path file, int max) throws IOException {
        List<Problem> problems = new ArrayList<>();
        ResponseFileScan.Bytes bytes = ResponseFileScan.bytes(file, "f.csv", problems);
        if (!problems.isEmpty() || !bytes.plain()) {
            return false;
        }
        try (RecordSource fast = new PlainCsv(file, bytes.bomLength());
                RecordSource csv =
                        new RecordSource.FastCsv(ResponseFileScan.csv(ResponseFileScan.reader(file, bytes)))) {
            assertThat(fast.header()).as("header of %s", file).isEqualTo(csv.header());
            long record = 0;
            while (true) {
                RecordBlock a = fast.next(max);
                RecordBlock b = csv.next(max);
                if (a == null || b == null) {
                    assertThat(a)
                            .as("%s ends at record %d for both", file, record)
                            .isNull();
                    assertThat(b)
                            .as("%s ends at record %d for both", file, record)
                            .isNull();
                    break;
                }
                assertThat(a.size()).isEqualTo(b.size());
                for (int i = 0; i < a.size(); i++, record++) {
                    assertThat(a.line(i)).as("line of record %d", record).isEqualTo(b.line(i));
                    String[] fields = b.fields(i);
                    assertThat(a.fields(i)).as("record %d of %s", record, file).isEqualTo(fields);
                    for (int c = -1; c <= fields.length; c++) {
                        assertThat(a.field(i, c)).isEqualTo(b.field(i, c));
                    }
                }
            }
            assertThat(fast.blankLines()).isEqualTo(csv.blankLines());
        }
        return true;
    }

    static Stream<Path> repositoryCsvFiles() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<Path> files = new ArrayList<>();
        for (String d : List.of("examples", "instruments", "engine/src/test")) {
            try (Stream<Path> s = Files.walk(root.resolve(d))) {
                s.filter(p -> p.toString().endsWith(".csv") && !p.toString().contains("/target/"))
                        .forEach(files::add);
            }
        }
        assertThat(files).as("the repository's CSV files").hasSizeGreaterThanOrEqualTo(7);
        return files.stream();
    }

    @ParameterizedTest
    @MethodSource("repositoryCsvFiles")
    void agreesOnEveryCsvInTheRepository(Path file) throws IOException {
        boolean compared = assertReadersAgree(file, 1);
        assertReadersAgree(file, 4096);
        if (!compared) {
            // R writes quoted strings, so its reference fixtures take FastCSV: that must be the only reason
            assertThat(Files.readString(file))
                    .as("%s is not plain only because it quotes", file)
                    .contains("\"");
            assertThat(file.toString()).doesNotContain("cohort");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5, 8, 13, 21, 34, 55, 89})
    void agreesOnRandomPlainFiles(int seed) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        for (int f = 0; f < 40; f++) {
            byte[] content = randomFile(r, false);
            Path p = dir.resolve("r" + f + ".csv");
            Files.write(p, content);
            assertReadersAgree(p, 1 + r.nextInt(7));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5, 8})
    void quotesAndLoneCarriageReturnsAreNeverPlain(int seed) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        for (int f = 0; f < 40; f++) {
            assertThat(plain(randomFile(r, true))).isFalse();
        }
    }

    @Test
    void blankLinesLineEndsAndTheLastLine() throws IOException {
        for (String s : List.of(
                "a,b\n1,2",
                "a,b\n1,2\n",
                "a,b\r\n1,2\r\n\r\n",
                "a,b\n\n\n1,2\n\n",
                "\n1,2\n",
                "a\n,\n,,\n 1 , 2 \n",
                "\ufeffa,b\n1,2\n",
                "学号,学校\n１,一中\n",
                "a,b",
                "\n")) {
            Path p = dir.resolve("case.csv");
            Files.writeString(p, s, StandardCharsets.UTF_8);
            assertThat(plain(Files.readAllBytes(p))).as("plain: %s", s).isTrue();
            assertReadersAgree(p, 1);
            assertReadersAgree(p, 100);
        }
    }

    @Test
    void aLongLineGoesToFastCsv() throws IOException {
        byte[] line = ("a," + "1".repeat(PlainCsv.MAX_LINE) + "\n").getBytes(StandardCharsets.US_ASCII);
        assertThat(plain(line)).isFalse();
    }

    @Test
    void aFieldThatNoLongerDecodesFailsLoudly() throws IOException {
        Path p = dir.resolve("changed.csv");
        Files.write(p, "a,b\n1,2\n".getBytes(StandardCharsets.US_ASCII));
        ResponseFileScan.Bytes bytes = ResponseFileScan.bytes(p, "f.csv", new ArrayList<>());
        Files.write(p, new byte[] {'a', ',', 'b', '\n', '1', ',', (byte) 0xC3, '\n'}); // changed after pass 1
        try (RecordSource s = RecordSource.open(ResponseFile.of(p), bytes)) {
            s.header();
            RecordBlock b = s.next(10);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> b.fields(0))
                    .isInstanceOf(UncheckedIOException.class);
        }
    }

    private boolean plain(byte[] content) throws IOException {
        Path p = Files.createTempFile(dir, "p", ".csv");
        Files.write(p, content);
        List<Problem> problems = new ArrayList<>();
        ResponseFileScan.Bytes b = ResponseFileScan.bytes(p, "f.csv", problems);
        return problems.isEmpty() && b.plain();
    }

    private static final String[] CELLS = {
        "", "0", "1", "2", "3", "10", " 1", "1 ", "x", "学校", "０", "-", "\t", "a b", "2026-09-15", "é"
    };

    /** Lines of random cells; {@code awkward} adds a quote or a lone CR somewhere. */
    private static byte[] randomFile(SplittableRandom r, boolean awkward) {
        StringBuilder s = new StringBuilder();
        if (r.nextInt(10) == 0) {
            s.append('\ufeff');
        }
        String eol = r.nextBoolean() ? "\n" : "\r\n";
        int lines = r.nextInt(1, 30);
        for (int l = 0; l < lines; l++) {
            int cells = r.nextInt(5) == 0 ? 0 : r.nextInt(1, 8);
            for (int c = 0; c < cells; c++) {
                if (c > 0) {
                    s.append(',');
                }
                s.append(CELLS[r.nextInt(CELLS.length)]);
            }
            if (l < lines - 1 || r.nextBoolean()) {
                s.append(r.nextInt(8) == 0 ? (eol.equals("\n") ? "\r\n" : "\n") : eol);
            }
        }
        if (awkward) {
            int at = r.nextInt(s.length() + 1);
            s.insert(at, r.nextBoolean() ? "\"" : "\rz");
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }
}
