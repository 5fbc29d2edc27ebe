package org.psyscreen.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Careless responding" command, run as written: every measure in {@code scores.csv}
 * equals R's ({@code examples/careless/reference.R}, which wrote {@code reference.csv}) to 1e-9,
 * and a form is INVALID exactly when one of its measures meets its check's threshold.
 */
class CarelessReadmeTest {
    static final String[] CHECKS = {"variability", "even_odd", "synonyms", "distance"};

    @Test
    void everyMeasureOfEveryRowEqualsR(@TempDir Path tmp) throws Exception {
        List<String> commands = Readme.commands("## Careless responding");
        assertThat(commands).hasSize(1);
        List<MainTest.Run> runs = Readme.run(commands, tmp);
        assertThat(runs.get(0).exit()).as(runs.get(0).err()).isZero();
        assertThat(runs.get(0).out()).contains("2800 in, 2800 out");

        List<NamedCsvRecord> scores = rows(tmp.resolve("target/careless/scores.csv"));
        List<NamedCsvRecord> r = rows(Readme.ROOT.resolve("examples/careless/reference.csv"));
        assertThat(scores).hasSize(2800);
        assertThat(r).hasSize(2800);
        String[] reference = {"irv", "evenodd", "psychsyn", "mahalanobis"};
        int compared = 0;
        for (int row = 0; row < scores.size(); row++) {
            NamedCsvRecord s = scores.get(row);
            boolean anyFired = false;
            boolean anyUnknown = false;
            for (int k = 0; k < CHECKS.length; k++) {
                String mine = s.getField("bfi_careless.validity." + CHECKS[k]);
                String theirs = r.get(row).getField(reference[k]);
                String at = "row " + (row + 1) + ", " + CHECKS[k];
                if (theirs.isEmpty()) {
                    assertThat(mine).as(at).isEmpty();
                    anyUnknown = true;
                } else {
                    double m = Double.parseDouble(mine);
                    assertThat(m).as(at).isCloseTo(Double.parseDouble(theirs), within(1e-9));
                    compared++;
                    anyFired |= fires(CHECKS[k], m);
                }
            }
            String status = s.getField("bfi_careless.status");
            if (anyFired) {
                assertThat(status).as("row " + (row + 1)).isEqualTo("INVALID");
            } else if (anyUnknown) {
                assertThat(status).as("row " + (row + 1)).isEqualTo("INCOMPLETE");
            } else {
                assertThat(status).as("row " + (row + 1)).isIn("SCORED", "INCOMPLETE");
            }
        }
        assertThat(compared).isGreaterThan(4 * 2400);
    }

    /** The thresholds of examples/careless/bfi-careless.yaml. */
    static boolean fires(String check, double m) {
        return switch (check) {
            case "variability" -> m < 0.5;
            case "even_odd" -> m > -0.3;
            case "synonyms" -> m < 0;
            case "distance" -> m >= 52.6;
            default -> throw new IllegalArgumentException(check);
        };
    }

    static List<NamedCsvRecord> rows(Path csv) throws Exception {
        try (CsvReader<NamedCsvRecord> reader = CsvReader.builder().ofNamedCsvRecord(csv)) {
            return reader.stream().toList();
        }
    }
}
