package org.psyscreen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's "What if" section, run as written; and a policy the cohort lacks instruments for. */
class SimulateReadmeTest {
    @Test
    void theReadmeSimulatesTheDemoUnderTwoPolicies(@TempDir Path tmp) throws Exception {
        List<String> commands = Readme.commands("## What if: one cohort under two policies");
        assertThat(commands).hasSize(4);
        List<MainTest.Run> runs = Readme.run(commands, tmp);
        for (int i = 0; i < runs.size(); i++) {
            assertThat(runs.get(i).exit())
                    .as(commands.get(i) + "\n" + runs.get(i).out() + runs.get(i).err())
                    .isZero();
            assertThat(runs.get(i).err()).isEmpty();
        }
        String out = runs.get(1).out();
        assertThat(out)
                .startsWith(
                        "模拟 simulation: 2000 records under example-a-glad-pc@2026.1.1, example-a-phqa-watch-6@2026.1.1")
                .containsPattern(
                        "example-a-glad-pc@2026.1.1 -> example-a-phqa-watch-6@2026.1.1: [1-9]\\d* student\\(s\\) move");
        List<String> movers = Files.readAllLines(tmp.resolve("target/simulation/movers.csv"), StandardCharsets.UTF_8);
        assertThat(movers.get(0)).startsWith("student,region,school,grade,to_policy,from_outcome,to_outcome");
        assertThat(movers.subList(1, movers.size()))
                .isNotEmpty()
                .allSatisfy(m -> assertThat(m)
                        .startsWith("ps1.")
                        .contains(",example-a-phqa-watch-6@2026.1.1,watch,none,phqa_watch,")
                        .doesNotContain("G4401"));
        assertThat(Files.readString(tmp.resolve("target/simulation/counts.csv")))
                .contains("school SCH3");

        // The same cohort as a records-store wave, decided again from its recorded scores: the same
        // students move, the same way (the rule reads only a scale score).
        assertThat(runs.get(3).out())
                .startsWith(
                        "模拟 simulation: 2000 records under example-a-glad-pc@2026.1.1, example-a-phqa-watch-6@2026.1.1");
        List<String> fromWave =
                Files.readAllLines(tmp.resolve("target/simulation-wave/movers.csv"), StandardCharsets.UTF_8);
        assertThat(fromWave.get(0)).isEqualTo(movers.get(0));
        assertThat(fromWave.subList(1, fromWave.size()))
                .containsExactlyInAnyOrderElementsOf(movers.subList(1, movers.size()));
    }

    @Test
    void aCohortIsGivenOnceAndAStoreWaveTakesNoFileOptions(@TempDir Path tmp) throws Exception {
        String[] both = {
            "simulate",
            "--policy",
            "example-a-glad-pc",
            "--policy",
            "example-a-glad-pc",
            "--records",
            tmp.resolve("s.db").toString(),
            "--wave",
            "w",
            "--out",
            tmp.resolve("o").toString(),
            "../demo/cohort.csv"
        };
        var run = MainTest.run(both);
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("give the cohort once");
        var mapped = MainTest.run(
                "simulate",
                "--policy",
                "example-a-glad-pc",
                "--policy",
                "example-a-glad-pc",
                "--records",
                tmp.resolve("s.db").toString(),
                "--wave",
                "w",
                "--mapping",
                "../wjx/wjx-mapping.yaml",
                "--out",
                tmp.resolve("o").toString());
        assertThat(mapped.exit()).isEqualTo(2);
        assertThat(mapped.err()).contains("a store's wave needs neither");
    }

    @Test
    void aPolicyTheCohortLacksInstrumentsForIsReported(@TempDir Path tmp) throws Exception {
        var key = MainTest.run("key", tmp.resolve("k.key").toString());
        assertThat(key.exit()).isZero();
        var run = MainTest.run(
                "simulate",
                "--policy",
                "example-a-glad-pc",
                "--policy",
                "example-b-cn-cutoffs",
                "--key",
                tmp.resolve("k.key").toString(),
                "--out",
                tmp.resolve("s").toString(),
                "../demo/cohort.csv");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out())
                .contains("not screened under example-b-cn-cutoffs@2026.1.1: PSY-2007 missing item column(s): phq9.q1");
    }
}
