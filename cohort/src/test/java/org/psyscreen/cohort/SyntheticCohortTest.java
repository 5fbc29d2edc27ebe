package org.psyscreen.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.psyscreen.load.Bundle;
import org.psyscreen.plan.ScoringPlan;
import org.psyscreen.tier.CutoffPolicy;

/**
 * The one synthetic cohort: the bundled demo file is exactly what the generator writes for its
 * documented seed, and the students it gives one at a time are the records it writes.
 */
class SyntheticCohortTest {
    private static final Bundle BUNDLE = Bundle.classPath(SyntheticCohortTest.class.getClassLoader());

    private static Map<String, ScoringPlan> plans() {
        CutoffPolicy policy = BUNDLE.policy("example-a-glad-pc").orElseThrow();
        return BUNDLE.plansFor(policy); // in the policy's order, as generate-cohort writes them
    }

    @Test
    void theDemoCohortIsTheGeneratorsOutputForItsDocumentedSeed() throws Exception {
        StringBuilder out = new StringBuilder();
        int written = SyntheticCohort.write(out, plans(), 2000, 20261123L, 1);
        assertThat(written).isEqualTo(2000);
        String demo = Files.readString(Path.of("../examples/demo/cohort.csv"), StandardCharsets.UTF_8);
        assertThat(out.toString()).isEqualTo(demo);
    }

    @Test
    void theStudentsAreTheRecordsItWrites() throws Exception {
        Map<String, ScoringPlan> plans = plans();
        for (int wave : new int[] {1, 2, 3}) {
            StringBuilder file = new StringBuilder();
            int written = SyntheticCohort.write(file, plans, 300, 7L, wave, SyntheticCohort.Hierarchy.SMALL);
            List<String> lines = new ArrayList<>(List.of(file.toString().split("\n")));
            lines.remove(0);
            List<String> fromStudents = new ArrayList<>();
            Iterator<SyntheticCohort.Student> it =
                    SyntheticCohort.students(plans, 300, 7L, wave, SyntheticCohort.Hierarchy.SMALL);
            while (it.hasNext()) {
                StringBuilder row = new StringBuilder();
                it.next().appendCsv(row);
                fromStudents.add(row.toString());
            }
            assertThat(fromStudents).hasSize(written).hasSameSizeAs(lines);
            for (int i = 0; i < lines.size(); i++) {
                if (wave == 1 && i == 17) {
                    assertThat(fromStudents.get(i))
                            .as("the short row is the student cut")
                            .startsWith(lines.get(i));
                } else {
                    assertThat(fromStudents.get(i))
                            .as("wave %d record %d", wave, i + 1)
                            .isEqualTo(lines.get(i));
                }
            }
        }
    }
}
