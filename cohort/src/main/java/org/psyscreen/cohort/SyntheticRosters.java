package org.psyscreen.cohort;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.psyscreen.plan.ScoringPlan;

/**
 * SYNTHETIC school rosters (花名册) for a {@link SyntheticCohort} wave: one file per school with the
 * students that wave has there, each id once (the first record that carries it), in the columns a
 * records store reads ({@code student_id,grade,class,dormitory,attr.left_behind}). The dormitory (one
 * of four, or none) and the left-behind flag (about one student in three) are drawn from a seed of
 * their own, so the same arguments give the same bytes. Nothing here is a real student or a real rate.
 */
public final class SyntheticRosters {
    private SyntheticRosters() {}

    /**
     * Writes {@code dir/roster-<school>.csv} for each school of the wave.
     *
     * @param plansById the instruments' plans by id, as the cohort was written with
     * @param n the students of wave 1
     * @param seed the cohort's seed
     * @param wave the wave
     * @param hierarchy the schools and classes
     * @param dir the folder to write into
     * @return each school's roster file, by school
     * @throws IOException when a file cannot be written
     */
    public static Map<String, Path> write(
            Map<String, ScoringPlan> plansById,
            int n,
            long seed,
            int wave,
            SyntheticCohort.Hierarchy hierarchy,
            Path dir)
            throws IOException {
        Map<String, StringBuilder> bySchool = new TreeMap<>();
        Set<String> seen = new HashSet<>();
        SplittableRandom groups = new SplittableRandom(seed * 17 + wave);
        for (Iterator<SyntheticCohort.Student> it = SyntheticCohort.students(plansById, n, seed, wave, hierarchy);
                it.hasNext(); ) {
            SyntheticCohort.Student s = it.next();
            int dormitory = groups.nextInt(5);
            boolean leftBehind = groups.nextInt(3) == 0;
            if (!seen.add(s.id())) {
                continue;
            }
            bySchool.computeIfAbsent(
                            s.school(), x -> new StringBuilder("student_id,grade,class,dormitory,attr.left_behind\n"))
                    .append(String.join(
                            ",",
                            s.id(),
                            s.grade(),
                            s.klass(),
                            dormitory == 0 ? "" : "D" + dormitory,
                            leftBehind ? "yes" : "no"))
                    .append('\n');
        }
        Map<String, Path> files = new TreeMap<>();
        for (var e : bySchool.entrySet()) {
            files.put(
                    e.getKey(),
                    Files.writeString(
                            dir.resolve("roster-" + e.getKey() + ".csv"), e.getValue(), StandardCharsets.UTF_8));
        }
        return files;
    }
}
