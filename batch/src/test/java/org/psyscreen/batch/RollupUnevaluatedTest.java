package org.psyscreen.batch;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unknown is never false, in the counts too: a student whose decision has no tier because a rule
 * could not be evaluated (here: part B high, and the file has no left-behind column the rule also
 * reads) is counted in rollup.csv's own {@code unevaluated} column, never in {@code none}.
 */
class RollupUnevaluatedTest {
    @TempDir
    Path dir;

    @Test
    void unevaluatedStudentsHaveTheirOwnColumnAndAreNotCountedAsNoRisk() throws Exception {
        StringBuilder text = new StringBuilder(BatchFixtures.HEADER).append('\n');
        for (int i = 0; i < 30; i++) {
            text.append(BatchFixtures.row("G" + (1000 + i)).replace(",0,1,3,0,1,0,", ",0,1,3,2,2,2,"))
                    .append('\n');
        }
        Path in = BatchFixtures.write(dir, "no-attribute.csv", text.toString());
        RunSummary s = new BatchScorer(BatchFixtures.options()).run(in, dir.resolve("out"));
        assertThat(s.tierCounts()).containsEntry("unevaluated", 30L).doesNotContainKey("none");
        List<NamedCsvRecord> rows = new ArrayList<>();
        try (CsvReader<NamedCsvRecord> r = CsvReader.builder().ofNamedCsvRecord(dir.resolve("out/rollup.csv"))) {
            r.forEach(rows::add);
        }
        assertThat(rows.get(0).getHeader()).endsWith("t3", "unevaluated", "none");
        NamedCsvRecord school = rows.stream()
                .filter(r -> r.getField("level").equals("school"))
                .findFirst()
                .orElseThrow();
        assertThat(school.getField("unevaluated")).isEqualTo("30");
        assertThat(school.getField("none")).isIn("0", "*");
    }
}
