package org.psyscreen.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.psyscreen.privacy.SmallCellSuppressor;

/**
 * The roll-up's class table (an index per class, counts in flat arrays) counts as a plain map of
 * paths would: every published class cell equals that map's count, classes whose names hash alike
 * stay apart, blank names count as "(not given)", and counting in parts and adding them up gives the
 * same file as counting in one, in either order.
 */
class RollupsCountingTest {
    private static final List<String> COLUMNS = List.of("t1", "t2", "none");

    /** One student: region, school, grade, class and outcome column. */
    private record Student(String region, String school, String grade, String klass, int column) {}

    private static List<Student> students() {
        SplittableRandom r = new SplittableRandom(29);
        List<Student> out = new ArrayList<>();
        for (int i = 0; i < 60_000; i++) {
            String region = r.nextInt(50) == 0 ? " " : "R" + r.nextInt(3);
            String school = "SCH" + r.nextInt(40);
            String grade = Integer.toString(4 + r.nextInt(9));
            // "Aa" and "BB" have the same String hash: classes that collide must stay apart
            String klass = r.nextInt(10) == 0 ? (r.nextBoolean() ? "Aa" : "BB") : grade + "-" + r.nextInt(12);
            out.add(new Student(region, school, grade, r.nextInt(30) == 0 ? null : klass, r.nextInt(3)));
        }
        return out;
    }

    private static String written(Rollups r) throws Exception {
        StringWriter w = new StringWriter();
        r.write(w, SmallCellSuppressor.DEFAULT_K);
        return w.toString();
    }

    @Test
    void everyPublishedClassCellIsThePlainCount() throws Exception {
        List<Student> all = students();
        Rollups rollups = new Rollups(COLUMNS);
        Map<List<String>, long[]> plain = new HashMap<>();
        for (Student s : all) {
            rollups.add(s.region(), s.school(), s.grade(), s.klass(), s.column());
            List<String> path = List.of(
                    s.region().isBlank() ? Rollups.UNKNOWN : s.region(),
                    s.school(),
                    s.grade(),
                    s.klass() == null ? Rollups.UNKNOWN : s.klass());
            plain.computeIfAbsent(path, p -> new long[COLUMNS.size()])[s.column()]++;
        }
        List<String> classRows =
                written(rollups).lines().filter(l -> l.startsWith("class,")).toList();
        assertThat(classRows).hasSize(plain.size());
        long published = 0;
        for (String row : classRows) {
            String[] f = row.split(",", -1);
            long[] expected = plain.get(List.of(f[1], f[2], f[3], f[4]));
            assertThat(expected).as(row).isNotNull();
            for (int c = 0; c < COLUMNS.size(); c++) {
                if (!f[6 + c].equals("*")) {
                    assertThat(Long.parseLong(f[6 + c])).as(row).isEqualTo(expected[c]);
                    published++;
                }
            }
        }
        assertThat(published).isPositive();
        assertThat(classRows).anyMatch(l -> l.contains(",Aa,")).anyMatch(l -> l.contains(",BB,"));
        assertThat(classRows).anyMatch(l -> l.startsWith("class," + Rollups.UNKNOWN + ","));
    }

    @Test
    void countingInPartsGivesTheSameFileInEitherOrder() throws Exception {
        List<Student> all = students();
        Rollups whole = new Rollups(COLUMNS);
        Rollups first = new Rollups(COLUMNS);
        Rollups second = new Rollups(COLUMNS);
        for (int i = 0; i < all.size(); i++) {
            Student s = all.get(i);
            whole.add(s.region(), s.school(), s.grade(), s.klass(), s.column());
            (i % 3 == 0 ? first : second).add(s.region(), s.school(), s.grade(), s.klass(), s.column());
        }
        Rollups oneWay = new Rollups(COLUMNS);
        oneWay.add(first);
        oneWay.add(second);
        Rollups otherWay = new Rollups(COLUMNS);
        otherWay.add(second);
        otherWay.add(first);
        String expected = written(whole);
        assertThat(written(oneWay)).isEqualTo(expected);
        assertThat(written(otherWay)).isEqualTo(expected);
    }

    @Test
    void anOutcomeColumnOutsideTheRollupIsRefusedNotCountedInANeighbour() {
        Rollups rollups = new Rollups(COLUMNS);
        rollups.add("R1", "SCH1", "7", "7-1", 0);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> rollups.add("R1", "SCH1", "7", "7-1", -1))
                .isInstanceOf(IndexOutOfBoundsException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> rollups.add("R1", "SCH1", "7", "7-2", COLUMNS.size()))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }
}
