package org.psyscreen.batch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The roll-up benchmark writes the roll-up the batch writes: every student counted once. */
class RollupBenchmarkTest {
    @Test
    void theRollupCountsEveryStudentAndHidesSmallCells() throws Exception {
        RollupBenchmark b = new RollupBenchmark();
        b.schools = 20;
        b.setUp();
        String csv = b.rollup();
        String regionRow =
                csv.lines().filter(l -> l.startsWith("region,")).findFirst().orElseThrow();
        assertThat(regionRow.split(",")[5]).isEqualTo(Integer.toString(RollupBenchmark.STUDENTS));
        assertThat(csv.lines().filter(l -> l.startsWith("class,")).count()).isEqualTo(20L * 9 * 12);
        assertThat(csv).contains("*"); // small classes exist and are hidden
    }
}
