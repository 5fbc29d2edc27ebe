package org.psyscreen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Severity levels" commands, run as written: every scored student's level in
 * {@code scores.csv} is the published one for their total, written out here again from the
 * publications (PHQ-9: Kroenke, Spitzer and Williams 2001; PHQ-A as PHQ-9: GLAD-PC 2010; GAD-7:
 * Spitzer et al. 2006), and a student without a total has none.
 */
class SeverityLevelsReadmeTest {
    @Test
    void everyScoredStudentHasThePublishedLevelOfTheirTotal(@TempDir Path tmp) throws Exception {
        List<String> commands = Readme.commands("## Severity levels");
        assertThat(commands).hasSize(2);
        List<MainTest.Run> runs = Readme.run(commands, tmp);
        runs.forEach(r -> assertThat(r.exit()).as(r.err()).isZero());
        assertThat(runs.get(0).out())
                .contains("severity levels (gladpc2010): minimal from 0 mild from 5 moderate from 10"
                        + " moderately_severe from 15 severe from 20");
        int levelled = 0;
        try (CsvReader<NamedCsvRecord> r =
                CsvReader.builder().ofNamedCsvRecord(tmp.resolve("target/bands/scores.csv"))) {
            for (NamedCsvRecord row : r) {
                levelled += check(row.getField("phqa.total"), row.getField("phqa.band.total"), true);
                levelled += check(row.getField("gad7.total"), row.getField("gad7.band.total"), false);
            }
        }
        assertThat(levelled).isGreaterThan(3000);
    }

    private static int check(String total, String band, boolean phq) {
        if (total.isEmpty()) {
            assertThat(band).isEmpty();
            return 0;
        }
        int t = Integer.parseInt(total);
        String expected = t <= 4
                ? "minimal"
                : t <= 9 ? "mild" : t <= 14 ? "moderate" : !phq || t >= 20 ? "severe" : "moderately_severe";
        assertThat(band).as("total " + total).isEqualTo(expected);
        return 1;
    }
}
