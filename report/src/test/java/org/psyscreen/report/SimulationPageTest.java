package org.psyscreen.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psyscreen.batch.PolicySimulation;
import org.psyscreen.batch.ResponseFile;

/** The simulation page: both policies' outcomes, the one not screened, and no student named. */
class SimulationPageTest {
    @Test
    void thePageShowsEachPolicysOutcomesAndThePolicyThatCouldNotRun(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("cohort.csv");
        try (var w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            org.psyscreen.cohort.SyntheticCohort.write(w, Reports.BUNDLE.plansFor(Reports.POLICY), 500, 7L, 1);
        }
        var bundle = org.psyscreen.load.Bundle.builder()
                .classPath(SimulationPageTest.class.getClassLoader())
                .file(Path.of("../examples/simulate/policy.yaml"))
                .build();
        var a = bundle.policy("example-a-glad-pc").orElseThrow();
        var moved = bundle.policy("example-a-phqa-watch-6").orElseThrow();
        var b = bundle.policy("example-b-cn-cutoffs").orElseThrow();
        var sim = PolicySimulation.run(
                ResponseFile.of(csv),
                List.of(
                        new PolicySimulation.Arm(a, bundle.plansFor(a)),
                        new PolicySimulation.Arm(moved, bundle.plansFor(moved)),
                        new PolicySimulation.Arm(b, bundle.plansFor(b))),
                bundle.norms(),
                Reports.KEYS,
                null,
                10);
        Path page = SimulationPage.write(sim, dir.resolve("out"), 10);
        String html = Files.readString(page, StandardCharsets.UTF_8);
        assertThat(html)
                .contains("学生 students 500", a.key() + " → " + moved.key(), "移动的学生 students who move: <strong>")
                .contains("未能模拟 Not screened", b.key() + ": PSY-2007 missing item column(s)")
                .contains("data-chart=\"outcomes\"")
                .doesNotContain("ps1.");
        assertThat(dir.resolve("out/echarts.min.js")).isNotEmptyFile();
    }
}
