package org.psyscreen.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psyscreen.batch.PolicySimulation;

/**
 * A records-store wave decided again under two policies: the same whichever file was imported first,
 * and a policy whose instruments the wave lacks is reported as not run, never decided as missing.
 */
class WaveSimulationOnSqliteTest {
    @TempDir
    Path dir;

    static List<PolicySimulation.Arm> arms(String... policies) {
        return java.util.Arrays.stream(policies)
                .map(id -> {
                    var p = Runs.BUNDLE.policy(id).orElseThrow();
                    return new PolicySimulation.Arm(p, Runs.BUNDLE.plansFor(p));
                })
                .toList();
    }

    /** The cohort's 300 students split into two files, each scored into its own run. */
    Path[] halves() throws Exception {
        Path csv = Runs.cohort(dir, 300, 1, Runs.policy());
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        Path a = Files.write(dir.resolve("a.csv"), concat(lines.get(0), lines.subList(1, 151)), StandardCharsets.UTF_8);
        Path b = Files.write(
                dir.resolve("b.csv"), concat(lines.get(0), lines.subList(151, lines.size())), StandardCharsets.UTF_8);
        Path runA = dir.resolve("run-a");
        Path runB = dir.resolve("run-b");
        Runs.scorer(Runs.PSEUDONYMS, Runs.policy()).run(a, runA);
        Runs.scorer(Runs.PSEUDONYMS, Runs.policy()).run(b, runB);
        return new Path[] {runA, runB};
    }

    static List<String> concat(String header, List<String> rows) {
        var out = new java.util.ArrayList<String>();
        out.add(header);
        out.addAll(rows);
        return out;
    }

    PolicySimulation.Simulation simulate(String store, Path first, Path second, List<PolicySimulation.Arm> arms) {
        try (RecordStore s = RecordStore.open(dir.resolve(store).toString())) {
            s.importRun(first, Wave.named("2026-autumn"), Runs.BUNDLE, x -> {});
            s.importRun(second, Wave.named("2026-autumn"), Runs.BUNDLE, x -> {});
            return s.simulate(Scope.everything(), "2026-autumn", arms, Runs.BUNDLE.norms(), 10);
        }
    }

    @Test
    void theResultDoesNotDependOnWhichFileWasImportedFirst() throws Exception {
        Path[] runs = halves();
        // EXAMPLE A, and the README's what-if copy with the PHQ-A watch cut-off moved from 5 to 6
        var bundle = org.psyscreen.load.Bundle.builder()
                .classPath(getClass().getClassLoader())
                .file(Path.of("../examples/simulate/policy.yaml"))
                .build();
        var arms = java.util.stream.Stream.of("example-a-glad-pc", "example-a-phqa-watch-6")
                .map(id -> {
                    var p = bundle.policy(id).orElseThrow();
                    return new PolicySimulation.Arm(p, bundle.plansFor(p));
                })
                .toList();
        var ab = simulate("ab.db", runs[0], runs[1], arms);
        var ba = simulate("ba.db", runs[1], runs[0], arms);
        assertThat(ab.records()).isEqualTo(300);
        assertThat(ab.notRun()).isEmpty();
        assertThat(ab.movers())
                .isNotEmpty()
                .allSatisfy(m -> assertThat(m.fromOutcome()).isEqualTo("watch"));
        assertThat(ba.movers()).isEqualTo(ab.movers());
        // every published file, byte for byte
        List<Path> fromAb = PolicySimulation.write(ab, dir.resolve("out-ab"), 10);
        List<Path> fromBa = PolicySimulation.write(ba, dir.resolve("out-ba"), 10);
        assertThat(fromAb).hasSameSizeAs(fromBa).isNotEmpty();
        for (int i = 0; i < fromAb.size(); i++) {
            assertThat(fromBa.get(i)).hasSameBinaryContentAs(fromAb.get(i));
        }
    }

    @Test
    void aPolicyWhoseInstrumentsTheWaveLacksIsNotRun() throws Exception {
        Path[] runs = halves();
        var sim = simulate("b.db", runs[0], runs[1], arms("example-a-glad-pc", "example-b-cn-cutoffs"));
        assertThat(sim.policies()).containsExactly(Runs.policy().key());
        assertThat(sim.notRun())
                .singleElement()
                .satisfies(n -> assertThat(n.problems()).anyMatch(p -> p.startsWith("the wave has no phq9 forms")));
    }

    @Test
    void aWaveWithNoScreeningInScopeIsRefused() throws Exception {
        try (RecordStore s = RecordStore.open(dir.resolve("empty.db").toString())) {
            assertThatThrownBy(() -> s.simulate(
                            Scope.everything(),
                            "2026-autumn",
                            arms("example-a-glad-pc", "example-b-cn-cutoffs"),
                            Runs.BUNDLE.norms(),
                            10))
                    .isInstanceOf(RecordStoreException.class)
                    .hasMessageContaining("no screening of wave '2026-autumn'");
        }
    }
}
