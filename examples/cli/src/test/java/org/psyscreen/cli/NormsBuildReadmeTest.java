package org.psyscreen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Local norms from your own students" commands, run as written: a table built from a
 * generated cohort passes {@code check}, and scoring with it gives every SCORED student the row of
 * their group (sex and grade band), read back from the written file.
 */
class NormsBuildReadmeTest {
    private static final Pattern ROW = Pattern.compile("\\{raw: (\\d+), t: ([0-9.]+), percentile: ([0-9.]+)}");

    @Test
    void aTableBuiltFromAGeneratedCohortPassesCheckAndScoresNormed(@TempDir Path tmp) throws Exception {
        List<String> commands = Readme.commands("## Local norms from your own students");
        assertThat(commands).hasSize(9);
        List<MainTest.Run> runs = Readme.run(commands, tmp);
        for (int i = 0; i < runs.size(); i++) {
            assertThat(runs.get(i).exit())
                    .as(commands.get(i) + "\n" + runs.get(i).err())
                    .isZero();
        }
        assertThat(runs.get(1).out()).contains("2925 students in the table").doesNotContain("LEFT OUT");
        assertThat(runs.get(2).out()).contains("ok   synthetic-local-gad7@1.0.0", "1 file(s) checked, 1 valid");
        assertThat(runs.get(5).out()).contains("synthetic-local-gad7");

        // The written rows, per group: the grades of each band and the sex.
        Path table = tmp.resolve("target/norms-demo/norms/gad7.yaml");
        Map<String, String[]> cells = new HashMap<>(); // "female|7|9" -> t, percentile
        String group = null;
        for (String line : Files.readAllLines(table)) {
            if (line.startsWith("  - id: ")) {
                group = line.substring(8);
            }
            Matcher m = ROW.matcher(line);
            if (m.find()) {
                cells.put(group + "|" + m.group(1), new String[] {m.group(2), m.group(3)});
            }
        }
        assertThat(cells).hasSize(8 * 22);

        int normed = 0;
        try (CsvReader<NamedCsvRecord> r =
                CsvReader.builder().ofNamedCsvRecord(tmp.resolve("target/norms-demo/run/scores.csv"))) {
            for (NamedCsvRecord row : r) {
                String status = row.getField("norm.synthetic-local-gad7.status");
                if (!row.getField("gad7.status").equals("SCORED")) {
                    assertThat(status).startsWith("NO_NORM");
                    continue;
                }
                assertThat(status).isEqualTo("NORMED_SYNTHETIC");
                String[] cell = cells.get(groupOf(row) + "|" + row.getField("gad7.total"));
                assertThat(Double.parseDouble(row.getField("norm.synthetic-local-gad7.t")))
                        .isEqualTo(Double.parseDouble(cell[0]));
                assertThat(Double.parseDouble(row.getField("norm.synthetic-local-gad7.percentile")))
                        .isEqualTo(Double.parseDouble(cell[1]));
                normed++;
            }
        }
        assertThat(normed).isEqualTo(2925);

        // From the records store's wave: the same groups and rows (only the citation differs).
        List<String> fromFile = rows(table);
        List<String> fromStore = rows(tmp.resolve("target/norms-demo/from-store/gad7.yaml"));
        assertThat(fromStore).isEqualTo(fromFile);
    }

    /** The table's groups and rows, without its provenance. */
    static List<String> rows(Path table) throws Exception {
        List<String> lines = Files.readAllLines(table);
        return lines.subList(lines.indexOf("groups:"), lines.size());
    }

    /** The group id norms build gives a student: sex initial and grade band. */
    static String groupOf(NamedCsvRecord row) {
        String g = row.getField("grade");
        String band = g.startsWith("v")
                ? "v1_v3"
                : Integer.parseInt(g) <= 6 ? "4_6" : Integer.parseInt(g) <= 9 ? "7_9" : "10_12";
        return row.getField("sex").substring(0, 1) + "_" + band;
    }
}
