package org.psyscreen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Score your own instrument" commands, run as written (paths from the repository
 * root, output folders moved into a temporary folder), with only the files a researcher writes.
 */
class OwnInstrumentReadmeTest {
    static final Path ROOT = Readme.ROOT;

    @Test
    void theReadmeCommandsRunOnTheResearchersOwnFiles(@TempDir Path tmp) throws Exception {
        List<String> commands = Readme.commands("## Score your own instrument");
        assertThat(commands).hasSize(4);
        List<MainTest.Run> runs = new ArrayList<>();
        for (String c : commands) {
            List<String> args = new ArrayList<>();
            String[] words = c.split(" ");
            for (int i = 0; i < words.length; i++) {
                String w = words[i];
                if (i > 0 && words[i - 1].equals("--out")) {
                    args.add(tmp.resolve(w).toString());
                } else if (w.startsWith("examples/")) {
                    args.add(ROOT.resolve(w).toString());
                } else {
                    args.add(w);
                }
            }
            MainTest.Run r = MainTest.run(args.toArray(String[]::new));
            assertThat(r.exit()).as(c + "\n" + r.out() + r.err()).isZero();
            assertThat(r.err()).as(c).isEmpty();
            runs.add(r);
        }
        assertThat(runs.get(0).out())
                .contains("ok   wellbeing_demo@1.0.0", "ok   my-school-demo@1.0.0", "2 file(s) checked, 2 valid")
                .doesNotContain("PSY-1315"); // bundled tables' warnings are not the researcher's
        assertThat(runs.get(1).out()).contains("wellbeing_demo@1.0.0", "my-school-demo@1.0.0", "phq9@1.0.0");
        assertThat(runs.get(2).out()).contains("research scoring", "6 in, 6 out");

        // Hand-worked from the definition: w3 is reverse-keyed (3 - raw); 'strain' reverses w4 only there.
        List<NamedCsvRecord> research = rows(tmp.resolve("target/own-scores/scores.csv"));
        assertThat(research.get(0).getHeader()).doesNotContain("tier");
        assertThat(research.get(1).getField("wellbeing_demo.total")).isEqualTo("8"); // 2 + 2 + (3-1) + 2
        assertThat(research.get(1).getField("wellbeing_demo.strain")).isEqualTo("3"); // 2 + (3-2)
        // A mean scale declared with two decimals: 3 of 4 items, (1 + (3 - 3) + 1) / 3, printed half-up.
        assertThat(research.get(4).getField("wellbeing_demo.mood_mean")).isEqualTo("0.67");
        assertThat(research.get(1).getField("wellbeing_demo.mood_mean")).isEqualTo("2.00");
        assertThat(Files.readString(tmp.resolve("target/own-scores/scores.jsonl")))
                .as("the audit trail keeps the exact value")
                .contains("\"mood_mean\":0.6666666666666666");
        assertThat(research.get(2).getField("wellbeing_demo.total"))
                .as("女 and 2012/7/9 read")
                .isEqualTo("12");

        List<NamedCsvRecord> tiers = rows(tmp.resolve("target/own-tiers/scores.csv"));
        assertThat(tiers.stream().map(r -> r.getField("tier")).toList())
                .containsExactly("none", "t3", "t2", "t1", "t3", "t2");
        assertThat(tiers.get(3).getField("rules_fired")).isEqualTo("critical:wellbeing_demo.safety");
        assertThat(tiers.get(5).getField("follow_ups")).contains("CRITICAL_UNKNOWN");
    }

    static List<NamedCsvRecord> rows(Path csv) throws Exception {
        try (CsvReader<NamedCsvRecord> r = CsvReader.builder().ofNamedCsvRecord(csv)) {
            return r.stream().toList();
        }
    }
}
