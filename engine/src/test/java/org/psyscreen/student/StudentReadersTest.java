package org.psyscreen.student;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Grades, sexes and dates as Chinese schools and survey platforms write them (issue 14). */
class StudentReadersTest {
    @Test
    void gradesAsSchoolsWriteThem() {
        Map<String, String> cases = Map.ofEntries(
                Map.entry("初中二年级", "8"),
                Map.entry("高一年级", "10"),
                Map.entry("高1", "10"),
                Map.entry("初2", "8"),
                Map.entry("小学四年级", "4"),
                Map.entry("4年级", "4"),
                Map.entry("十年级", "10"),
                Map.entry("十二年级", "12"),
                Map.entry("初三", "9"),
                Map.entry("中职一年级", "v1"),
                Map.entry("职高2", "v2"),
                Map.entry("８", "8"),
                Map.entry("v3", "v3"));
        cases.forEach(
                (cell, code) -> assertThat(StudentReaders.grade(cell)).as(cell).isEqualTo(new Grade(code)));
        for (String bad : new String[] {"初四", "高4", "13", "2024级", "八年级下", "Grade 8"}) {
            assertThat(StudentReaders.grade(bad)).as(bad).isNull();
        }
    }

    @Test
    void enrolmentCohortsNeedTheStageAndTheTestDate() {
        LocalDate autumn = LocalDate.of(2026, 9, 15);
        LocalDate spring = LocalDate.of(2027, 3, 1);
        assertThat(StudentReaders.grade("2024级", StudentReaders.Stage.JUNIOR, autumn))
                .isEqualTo(new Grade("9"));
        assertThat(StudentReaders.grade("2024级", StudentReaders.Stage.JUNIOR, spring))
                .as("the school year starts in September")
                .isEqualTo(new Grade("9"));
        assertThat(StudentReaders.grade("2026级", StudentReaders.Stage.SENIOR, autumn))
                .isEqualTo(new Grade("10"));
        assertThat(StudentReaders.grade("2021级", StudentReaders.Stage.PRIMARY, autumn))
                .isEqualTo(new Grade("6"));
        assertThat(StudentReaders.grade("2025级", StudentReaders.Stage.VOCATIONAL, autumn))
                .isEqualTo(new Grade("v2"));
        assertThat(StudentReaders.grade("2022级", StudentReaders.Stage.JUNIOR, autumn))
                .as("past the stage")
                .isNull();
        assertThat(StudentReaders.grade("2024级", null, autumn))
                .as("no stage: unknown")
                .isNull();
        assertThat(StudentReaders.grade("2024届", StudentReaders.Stage.JUNIOR, autumn))
                .isNull();
    }

    @Test
    void sexesAsWritten() {
        for (String f : new String[] {"女", "女生", "女性", "F", "female", "女孩"}) {
            assertThat(StudentReaders.sex(f)).as(f).isEqualTo(Sex.FEMALE);
        }
        for (String m : new String[] {"男", "男生", "男性", "M", "Male"}) {
            assertThat(StudentReaders.sex(m)).as(m).isEqualTo(Sex.MALE);
        }
        assertThat(StudentReaders.sex("1")).as("1/2 only through a mapping").isNull();
        assertThat(StudentReaders.sex("2")).isNull();
    }

    @Test
    void datesAndDateTimesAsPlatformsWriteThem() {
        LocalDate d = LocalDate.of(2026, 9, 3);
        for (String cell : new String[] {
            "2026-09-03",
            "2026-9-3",
            "2026/9/3",
            "2026/09/03",
            "2026.09.03",
            "20260903",
            "2026年9月3日",
            "2026/9/3 10:22:13",
            "2026-09-03 10:22",
            "2026-09-03T10:22:13",
            "2026-09-03T10:22:13.123+08:00",
            "2026-09-03T23:59:59Z",
            "２０２６/９/３"
        }) {
            assertThat(StudentReaders.date(cell)).as(cell).isEqualTo(d);
        }
        for (String bad : new String[] {"26/9/3", "2026/9/31", "2026-09-03 25:00", "46268.41681712963", "3/9/2026"}) {
            assertThat(StudentReaders.date(bad)).as(bad).isNull();
        }
    }

    /**
     * {@code dddd-dd-dd} is read without a formatter; on seeded strings of that shape, days that do
     * not exist included, it gives exactly what the strict {@code uuuu-M-d} formatter gives.
     */
    @Test
    void isoDatesReadAsTheStrictFormatterReadsThem() {
        java.time.format.DateTimeFormatter strict = java.time.format.DateTimeFormatter.ofPattern(
                        "uuuu-M-d", java.util.Locale.ROOT)
                .withResolverStyle(java.time.format.ResolverStyle.STRICT);
        java.util.SplittableRandom r = new java.util.SplittableRandom(20261125);
        for (int i = 0; i < 50_000; i++) {
            String cell = String.format(
                    java.util.Locale.ROOT,
                    "%04d-%02d-%02d",
                    r.nextInt(10) == 0 ? r.nextInt(10_000) : 1990 + r.nextInt(40),
                    r.nextInt(14),
                    r.nextInt(33));
            LocalDate want;
            try {
                want = LocalDate.parse(cell, strict);
            } catch (java.time.format.DateTimeParseException e) {
                want = null;
            }
            assertThat(StudentReaders.date(cell)).as(cell).isEqualTo(want);
        }
    }

    @Test
    void responseTimesAsPlatformsWriteThem() {
        Map<String, Double> read = new java.util.LinkedHashMap<>();
        read.put("397秒", 397.0); // 问卷星 所用时间
        read.put("300秒", 300.0); // 腾讯问卷 答题时长
        read.put("397", 397.0);
        read.put("397.5", 397.5);
        read.put("397s", 397.0);
        read.put("６分３７秒", 397.0);
        read.put("6分37秒", 397.0);
        read.put("6分钟37秒", 397.0);
        read.put("1小时2分3秒", 3723.0);
        read.put("1时", 3600.0);
        read.put("2分", 120.0);
        read.put("0:06:37", 397.0);
        read.put("06:37", 397.0);
        read.put(" 397秒 ", 397.0);
        read.forEach((cell, seconds) ->
                assertThat(StudentReaders.seconds(cell)).as(cell).isEqualTo(seconds));
        for (String unread : new String[] {"", " ", "-5", "about 7 min", "秒", "6:7", "1.2.3", "三百秒", "NaN"}) {
            assertThat(StudentReaders.seconds(unread)).as(unread).isNull();
        }
    }
}
