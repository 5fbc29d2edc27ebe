package org.psyscreen.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psyscreen.load.Bundle;
import org.psyscreen.plan.ScoringPlan;

/**
 * The synthetic rosters hold exactly the cohort's students, each once, at the school of the first
 * record that carries the id; the same arguments give the same bytes.
 */
class SyntheticRostersTest {
    private static final Bundle BUNDLE = Bundle.classPath(SyntheticRostersTest.class.getClassLoader());

    @Test
    void eachSchoolsRosterHoldsItsStudentsOnceAndIsReproducible(@TempDir Path a, @TempDir Path b) throws Exception {
        Map<String, ScoringPlan> plans =
                BUNDLE.plansFor(BUNDLE.policy("example-a-glad-pc").orElseThrow());
        Map<String, Path> files = SyntheticRosters.write(plans, 500, 7L, 2, SyntheticCohort.Hierarchy.SMALL, a);
        Map<String, Path> again = SyntheticRosters.write(plans, 500, 7L, 2, SyntheticCohort.Hierarchy.SMALL, b);
        assertThat(files.keySet()).containsExactly("SCH1", "SCH2", "SCH3", "SCH4", "SCH5", "SCH6");

        Set<String> expected = new HashSet<>();
        List<String> firstSchool = new ArrayList<>();
        Iterator<SyntheticCohort.Student> it =
                SyntheticCohort.students(plans, 500, 7L, 2, SyntheticCohort.Hierarchy.SMALL);
        while (it.hasNext()) {
            SyntheticCohort.Student s = it.next();
            if (expected.add(s.id())) {
                firstSchool.add(s.school() + " " + s.id() + "," + s.grade() + "," + s.klass() + ",");
            }
        }
        List<String> written = new ArrayList<>();
        int leftBehind = 0;
        for (var e : files.entrySet()) {
            assertThat(Files.readAllBytes(e.getValue())).isEqualTo(Files.readAllBytes(again.get(e.getKey())));
            List<String> lines = Files.readAllLines(e.getValue());
            assertThat(lines.get(0)).isEqualTo("student_id,grade,class,dormitory,attr.left_behind");
            for (String line : lines.subList(1, lines.size())) {
                written.add(e.getKey() + " " + line);
                leftBehind += line.endsWith(",yes") ? 1 : 0;
            }
        }
        assertThat(written).hasSize(expected.size());
        assertThat(written)
                .allSatisfy(w ->
                        assertThat(firstSchool).anySatisfy(f -> assertThat(w).startsWith(f)));
        assertThat(leftBehind).as("about one in three").isBetween(expected.size() / 4, expected.size() / 2);
    }
}
