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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.psyscreen.load.MappingLoader;

/**
 * Survey-platform exports as schools hand them over (issue 14), one bundled SYNTHETIC export per
 * platform: the README's command, run as written, and the same export as GB18030 with CRLF and as
 * .xlsx, each scored end to end and compared record by record with the same students written in
 * psyscreen's own columns and codes; the starting mapping {@code psyscreen mapping} writes from the
 * header alone is the bundled one but for its values.
 */
class PlatformExportTest {
    static final Path ROOT = Path.of("../..");

    /**
     * A bundled export: its folder, files, README section, the platform columns its mapping ignores
     * that this export lacks, and the personal data it carries.
     */
    enum Platform {
        WJX("wjx", "wjx-export.csv", "wjx-mapping.yaml", "## Scoring a 问卷星 export", List.of(), "示例学生", "192.0.2."),
        TENCENT(
                "tencent",
                "tencent-export.csv",
                "tencent-mapping.yaml",
                "## Scoring a 腾讯问卷 export",
                List.of("语言"), // some 腾讯问卷 exports carry it; the template ignores it for them
                "示例昵称",
                "198.51.100.");

        final Path export;
        final Path mapping;
        final Path canonical;
        final String heading;
        final List<String> ignoredBeyondHeader;
        final String[] personal;

        Platform(
                String folder,
                String export,
                String mapping,
                String heading,
                List<String> ignoredBeyondHeader,
                String... personal) {
            Path dir = ROOT.resolve("examples").resolve(folder);
            this.export = dir.resolve(export);
            this.mapping = dir.resolve(mapping);
            this.canonical = dir.resolve("expected-canonical.csv");
            this.heading = heading;
            this.ignoredBeyondHeader = ignoredBeyondHeader;
            this.personal = personal;
        }
    }

    @TempDir
    Path dir;

    static String readmeCommand(Platform p) throws Exception {
        String readme = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
        int at = readme.indexOf(p.heading);
        assertThat(at).as("README section " + p.heading).isNotNegative();
        String section = readme.substring(at);
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

    @ParameterizedTest
    @EnumSource(Platform.class)
    void theReadmeCommandScoresTheExportAsTheSameStudentsInPsyscreensColumns(Platform p) throws Exception {
        String command = readmeCommand(p);
        String prefix = "examples/cli/target/bin/psyscreen ";
        assertThat(command)
                .startsWith(prefix)
                .contains(ROOT.relativize(p.export).toString());
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

        assertThat(score(p.canonical, null, "canonical").exit()).isZero();
        List<NamedCsvRecord> expected = rows("canonical");
        List<NamedCsvRecord> got = rows("readme");
        assertThat(got).hasSize(120);
        for (int i = 0; i < got.size(); i++) {
            assertThat(decisions(got.get(i))).as("record %d", i + 1).isEqualTo(decisions(expected.get(i)));
        }
        assertThat(expected.stream().map(x -> x.getField("tier")).distinct().count())
                .as("the synthetic students reach every tier and none")
                .isEqualTo(4);

        // Ignored platform columns (names, nicknames, IP addresses) appear in no output.
        try (Stream<Path> files = Files.list(dir.resolve("readme"))) {
            for (Path f : files.toList()) {
                assertThat(Files.readString(f, StandardCharsets.UTF_8))
                        .as(f.getFileName().toString())
                        .doesNotContain(p.personal);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Platform.class)
    void theSameExportAsGb18030WithCrlfAndAsXlsxScoresTheSame(Platform p) throws Exception {
        assertThat(score(p.export, p.mapping, "utf8").exit()).isZero();
        String text = Files.readString(p.export, StandardCharsets.UTF_8).replace("\uFEFF", "");
        Path gb = dir.resolve("export-gb18030.csv");
        Files.write(gb, text.getBytes(Charset.forName("GB18030")));
        MainTest.Run g = score(gb, p.mapping, "gb");
        assertThat(g.exit()).as(g.out() + g.err()).isZero();
        assertThat(g.out()).contains("GB18030");

        Path xlsx = dir.resolve("export.xlsx");
        Spreadsheets.toXlsx(p.export, xlsx);
        MainTest.Run x = score(xlsx, p.mapping, "xlsx");
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

    @ParameterizedTest
    @EnumSource(Platform.class)
    void theStartingMappingFromTheHeaderIsTheBundledOneButForValues(Platform p) throws Exception {
        MainTest.Run r = MainTest.run("mapping", "--policy", "example-a-glad-pc", p.export.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).doesNotContain(p.personal).doesNotContain("2026000"); // only the header was read
        Path written = Files.writeString(dir.resolve("start.yaml"), r.out());
        var start = MappingLoader.load(written);
        assertThat(start.ok()).as(start.problems().format()).isTrue();
        var bundled = MappingLoader.load(p.mapping).orThrow();
        assertThat(start.orThrow().columns()).isEqualTo(bundled.columns());
        List<String> expectedIgnore = new ArrayList<>(start.orThrow().ignore());
        expectedIgnore.addAll(p.ignoredBeyondHeader);
        assertThat(bundled.ignore()).containsExactlyInAnyOrderElementsOf(expectedIgnore);

        // Filled in with the values the export needs, it scores like the bundled mapping.
        String values = Files.readString(p.mapping, StandardCharsets.UTF_8);
        Path filled =
                Files.writeString(dir.resolve("filled.yaml"), r.out() + values.substring(values.indexOf("values:")));
        assertThat(score(p.export, filled, "a").exit()).isZero();
        assertThat(score(p.export, p.mapping, "b").exit()).isZero();
        assertThat(Files.readString(dir.resolve("a/scores.csv")))
                .isEqualTo(Files.readString(dir.resolve("b/scores.csv")));
    }

    @Test
    void optionTextWithoutARecodingTableIsRefusedWithTheFix() throws Exception {
        Platform p = Platform.WJX;
        String mapping = Files.readString(p.mapping, StandardCharsets.UTF_8);
        Path noValues =
                Files.writeString(dir.resolve("no-values.yaml"), mapping.substring(0, mapping.indexOf("values:")));
        MainTest.Run r = score(p.export, noValues, "refused");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("PSY-2011", "phqa.q1", "values:").doesNotContain("完全不会\",");
        // The same mapping without the line that says GAD-7 was exported as option numbers 1..4.
        Path noOffset = Files.writeString(
                dir.resolve("no-offset.yaml"), mapping.replaceAll("(?m)^  gad7: \\{offset: -1}.*$", ""));
        MainTest.Run o = score(p.export, noOffset, "refused2");
        assertThat(o.exit()).as(o.out() + o.err()).isEqualTo(1);
        assertThat(o.out()).contains("PSY-2009", "gad7.q1 (definition 0..3)", "offset: -1");
    }

    @Test
    void aPlatformColumnTheTencentMappingDoesNotKnowRefusesTheFileNamingItsHeader() throws Exception {
        // If 腾讯问卷 adds a column, nothing is scored by guess: the file is refused and the header named.
        Platform p = Platform.TENCENT;
        List<String> lines = Files.readAllLines(p.export, StandardCharsets.UTF_8);
        List<String> widened = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            widened.add(lines.get(i) + (i == 0 ? ",新系统列" : ",x"));
        }
        Path export = Files.write(dir.resolve("widened.csv"), widened, StandardCharsets.UTF_8);
        MainTest.Run r = score(export, p.mapping, "refused");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("PSY-2006", "'新系统列'", "(not in the mapping)", "ignore");
        assertThat(dir.resolve("refused/scores.csv")).doesNotExist();
    }
}
