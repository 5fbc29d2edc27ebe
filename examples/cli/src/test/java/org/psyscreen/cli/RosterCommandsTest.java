package org.psyscreen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A school's roster through the CLI: the SYNTHETIC demo cohort scored into a store, SCH3's roster
 * (its screened students but one, plus one never screened) imported, coverage printed, and the
 * school's named lists printed from its own roster file — names on stdout, never in the store.
 */
class RosterCommandsTest {
    @TempDir
    Path tmp;

    @Test
    void rosterCoverageAndNamedListsForOneSchool() throws Exception {
        String key = tmp.resolve("k.key").toString();
        assertThat(MainTest.run("key", key).exit()).isZero();
        Path db = tmp.resolve("school.db");
        Path cohort = Readme.ROOT.resolve("examples/demo/cohort.csv");
        MainTest.Run scored = MainTest.run(
                "score",
                "--policy",
                "example-a-glad-pc",
                "--key",
                key,
                "--records",
                db.toString(),
                "--wave",
                "2026-autumn",
                "--out",
                tmp.resolve("run").toString(),
                cohort.toString());
        assertThat(scored.exit()).as(scored.err()).isZero();

        List<String> lines = Files.readAllLines(cohort, StandardCharsets.UTF_8);
        StringBuilder roster = new StringBuilder("student_id,name,grade,class\n");
        int n = 0;
        String leftOff = null;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            if (f[1].equals("SCH3") && !roster.toString().contains(f[0] + ",")) {
                if (leftOff == null) {
                    leftOff = f[0]; // screened, not on the roster
                    continue;
                }
                roster.append(f[0])
                        .append(",学生")
                        .append(n++)
                        .append(',')
                        .append(f[3])
                        .append(',')
                        .append(f[2])
                        .append('\n');
            }
        }
        roster.append("R9000001,未测学生,7,7-1\n"); // on the roster, never screened
        Path file = Files.writeString(tmp.resolve("roster.csv"), roster.toString(), StandardCharsets.UTF_8);

        MainTest.Run imported = MainTest.run(
                "records",
                "roster",
                "--db",
                db.toString(),
                "--wave",
                "2026-autumn",
                "--school",
                "SCH3",
                "--key",
                key,
                file.toString());
        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("SCH3", (n + 1) + " students");

        MainTest.Run coverage =
                MainTest.run("records", "coverage", "--db", db.toString(), "--wave", "2026-autumn", "--school", "SCH3");
        assertThat(coverage.exit()).as(coverage.err()).isZero();
        // the school's line: n + 1 on the roster, n screened, 1 missed, 1 screened without being on it
        assertThat(coverage.out()).containsPattern("SCH3 +all +all +" + (n + 1) + " +" + n + " +1 +1 ");

        MainTest.Run named = MainTest.run(
                "records",
                "named",
                "--db",
                db.toString(),
                "--school",
                "SCH3",
                "--key",
                key,
                "--roster",
                file.toString(),
                "--wave",
                "2026-autumn");
        assertThat(named.exit()).as(named.err()).isZero();
        assertThat(named.out()).contains("未筛查 not screened in 2026-autumn: 1", "未测学生", "R9000001");
        assertThat(named.out()).contains("学生"); // the warning list, named
        MainTest.Run groups = MainTest.run(
                "records",
                "groups",
                "--db",
                db.toString(),
                "--wave",
                "2026-autumn",
                "--policy",
                "example-a-glad-pc",
                "--school",
                "SCH3");
        assertThat(groups.exit()).as(groups.err()).isZero();
        assertThat(groups.out()).contains("dormitory", "not-screened").containsPattern("  none +");
        // names were printed for the school, and never written to the store
        assertThat(new String(Files.readAllBytes(db), StandardCharsets.ISO_8859_1))
                .doesNotContain(new String("未测学生".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
    }
}
