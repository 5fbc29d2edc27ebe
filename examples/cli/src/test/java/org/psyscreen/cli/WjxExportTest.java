package org.psyscreen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 问卷星 export as a school hands it over (issue 14): the README's command, run as written, and the
 * same export as GB18030 with CRLF and as .xlsx, each scored end to end and compared record by record
 * with the same SYNTHETIC students written in psyscreen's own columns and codes.
 */
class WjxExportTest {
    static final Path ROOT = Path.of("../..");
    static final Path EXPORT = ROOT.resolve("examples/wjx/wjx-export.csv");
    static final Path MAPPING = ROOT.resolve("examples/wjx/wjx-mapping.yaml");

    @TempDir
    Path dir;

    static String readmeCommand() throws Exception {
        String readme = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
        String section = readme.substring(readme.indexOf("## Scoring a 问卷星 export"));
        int start = section.indexOf("```sh") + 5;
        return section.substring(start, section.indexOf("```", start)).strip();
    }

    MainTest.Run score(Path input, Path mapping, String out) {
        List<String> args = new ArrayList<>(List.of("score", "--policy", "example-a-glad-pc", "--overwrite"));
        if (mapping != null) {
            args.addAll(List.of("--mapping", mapping.toString()));
        }
        args.addAll(List.of("--out", dir.resolve(out).toString(), input.toString()));
        return MainTest.run(args.toArray(String[]::new));
    }

    List<NamedCsvRecord> rows(String out) throws Exception {
        try (CsvReader<NamedCsvRecord> r =
                CsvReader.builder().ofNamedCsvRecord(dir.resolve(out).resolve("scores.csv"))) {
            return r.stream().toList();
        }
    }

    /** Every column but the line number (a sheet row differs from a CSV line). */
    static List<String> decisions(NamedCsvRecord r) {
        List<String> out = new ArrayList<>();
        for (String h : r.getHeader()) {
            if (!h.equals("line")) {
                out.add(h + "=" + r.getField(h));
            }
        }
        return out;
    }

    @Test
    void theReadmeCommandScoresTheExportAsTheSameStudentsInPsyscreensColumns() throws Exception {
        String command = readmeCommand();
        String prefix = "java -jar examples/cli/target/psyscreen.jar ";
        assertThat(command).startsWith(prefix);
        List<String> args = new ArrayList<>();
        String[] words = command.substring(prefix.length()).split(" ");
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            args.add(
                    i > 0 && words[i - 1].equals("--out")
                            ? dir.resolve("readme").toString()
                            : w.startsWith("examples/") ? ROOT.resolve(w).toString() : w);
        }
        MainTest.Run r = MainTest.run(args.toArray(String[]::new));
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("120 in, 120 out").doesNotContain("record problems");

        assertThat(score(ROOT.resolve("examples/wjx/expected-canonical.csv"), null, "canonical")
                        .exit())
                .isZero();
        List<NamedCsvRecord> expected = rows("canonical");
        List<NamedCsvRecord> got = rows("readme");
        assertThat(got).hasSize(120);
        for (int i = 0; i < got.size(); i++) {
            assertThat(decisions(got.get(i))).as("record %d", i + 1).isEqualTo(decisions(expected.get(i)));
        }
        assertThat(expected.stream().map(x -> x.getField("tier")).distinct().count())
                .as("the synthetic students reach every tier and none")
                .isEqualTo(4);

        // Ignored platform columns (names, IP addresses) appear in no output.
        try (Stream<Path> files = Files.list(dir.resolve("readme"))) {
            for (Path f : files.toList()) {
                assertThat(Files.readString(f, StandardCharsets.UTF_8))
                        .as(f.getFileName().toString())
                        .doesNotContain("示例学生", "192.0.2.");
            }
        }
    }

    @Test
    void theSameExportAsGb18030WithCrlfAndAsXlsxScoresTheSame() throws Exception {
        assertThat(score(EXPORT, MAPPING, "utf8").exit()).isZero();
        String text = Files.readString(EXPORT, StandardCharsets.UTF_8).replace("\uFEFF", "");
        Path gb = dir.resolve("wjx-gb18030.csv");
        Files.write(gb, text.getBytes(Charset.forName("GB18030")));
        MainTest.Run g = score(gb, MAPPING, "gb");
        assertThat(g.exit()).as(g.out() + g.err()).isZero();
        assertThat(g.out()).contains("GB18030");

        Path xlsx = dir.resolve("wjx.xlsx");
        Spreadsheets.toXlsx(EXPORT, xlsx);
        MainTest.Run x = score(xlsx, MAPPING, "xlsx");
        assertThat(x.exit()).as(x.out() + x.err()).isZero();

        List<NamedCsvRecord> utf8 = rows("utf8");
        for (String variant : List.of("gb", "xlsx")) {
            List<NamedCsvRecord> other = rows(variant);
            assertThat(other).hasSameSizeAs(utf8);
            for (int i = 0; i < utf8.size(); i++) {
                assertThat(decisions(other.get(i)))
                        .as(variant + " record %d", i + 1)
                        .isEqualTo(decisions(utf8.get(i)));
            }
        }
    }

    @Test
    void optionTextWithoutARecodingTableIsRefusedWithTheFix() throws Exception {
        String mapping = Files.readString(MAPPING, StandardCharsets.UTF_8);
        Path noValues =
                Files.writeString(dir.resolve("no-values.yaml"), mapping.substring(0, mapping.indexOf("values:")));
        MainTest.Run r = score(EXPORT, noValues, "refused");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("PSY-2011", "phqa.q1", "values:").doesNotContain("完全不会\",");
        // The same mapping without the line that says GAD-7 was exported as option numbers 1..4.
        Path noOffset = Files.writeString(
                dir.resolve("no-offset.yaml"), mapping.replaceAll("(?m)^  gad7: \\{offset: -1}.*$", ""));
        MainTest.Run o = score(EXPORT, noOffset, "refused2");
        assertThat(o.exit()).as(o.out() + o.err()).isEqualTo(1);
        assertThat(o.out()).contains("PSY-2009", "gad7.q1 (definition 0..3)", "offset: -1");
    }
}
