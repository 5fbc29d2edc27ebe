package org.psyscreen.student;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads grade, sex, dates and yes/no attributes as schools write them. Only declared forms are
 * accepted; anything else is unknown ({@code null}) and the caller flags it, never guesses. Two-digit
 * years are never accepted. Every front end reads through these, so a cell means the same in a
 * batch file, a counsellor's record and an embedding system.
 */
public final class StudentReaders {
    private static final Map<String, String> GRADE_WORDS = gradeWords();
    private static final Map<String, Sex> SEX_WORDS = Map.ofEntries(
            Map.entry("female", Sex.FEMALE),
            Map.entry("f", Sex.FEMALE),
            Map.entry("女", Sex.FEMALE),
            Map.entry("女生", Sex.FEMALE),
            Map.entry("女性", Sex.FEMALE),
            Map.entry("女孩", Sex.FEMALE),
            Map.entry("male", Sex.MALE),
            Map.entry("m", Sex.MALE),
            Map.entry("男", Sex.MALE),
            Map.entry("男生", Sex.MALE),
            Map.entry("男性", Sex.MALE),
            Map.entry("男孩", Sex.MALE));
    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ofPattern("uuuu-M-d", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("uuuu/M/d", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("uuuu.M.d", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("uuuuMMdd", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("uuuu年M月d日", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT));

    /** The time after a date in a date-time: {@code 10:22}, {@code 10:22:13}, {@code 10:22:13.5}, a zone. */
    private static final java.util.regex.Pattern TIME = java.util.regex.Pattern.compile(
            "([01]?[0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\\.[0-9]{1,9})?)?(Z|[+-][0-9]{2}(:?[0-9]{2})?)?");

    /** Attribute words read as yes (compared half-width, trimmed, lower-case). */
    public static final List<String> YES = List.of("1", "true", "yes", "y", "是", "有");

    /** Attribute words read as no (compared half-width, trimmed, lower-case). */
    public static final List<String> NO = List.of("0", "false", "no", "n", "否", "无");

    private StudentReaders() {}

    /** Every accepted grade word, in Chinese as schools and platforms write them, to its code. */
    private static Map<String, String> gradeWords() {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        String[] cn = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"};
        for (int g = 1; g <= 12; g++) {
            String c = cn[g - 1];
            String n = Integer.toString(g);
            m.put(c + "年级", n); // 四年级, 十年级
            m.put(n + "年级", n); // 4年级
        }
        for (int g = 1; g <= 6; g++) {
            m.put("小学" + cn[g - 1] + "年级", Integer.toString(g)); // 小学四年级
            m.put("小" + cn[g - 1], Integer.toString(g));
        }
        for (int y = 1; y <= 3; y++) {
            String c = cn[y - 1];
            String junior = Integer.toString(6 + y);
            String senior = Integer.toString(9 + y);
            String vocational = "v" + y;
            for (String form : new String[] {"%s", "%s年级"}) {
                m.put(String.format(form, "初" + c), junior); // 初二, 初二年级
                m.put(String.format(form, "初中" + c), junior); // 初中二, 初中二年级
                m.put(String.format(form, "高" + c), senior); // 高一, 高一年级
                m.put(String.format(form, "高中" + c), senior);
                m.put(String.format(form, "职高" + c), vocational);
                m.put(String.format(form, "中职" + c), vocational);
            }
            m.put("初" + y, junior); // 初2
            m.put("高" + y, senior); // 高1
            m.put("中职" + y, vocational);
            m.put("职高" + y, vocational);
        }
        return Map.copyOf(m);
    }

    /**
     * {@return a grade: {@code 1}..{@code 12}, {@code v1}..{@code v3}, or a Chinese grade word (四年级, 4年级,
     * 小学四年级, 初二, 初中二年级, 初2, 高一年级, 高1, 十年级, 中职一年级 ...); else {@code null}} An
     * enrolment cohort ({@code 2024级}) needs the school stage: see {@link #grade(String, Stage, LocalDate)}.
     *
     * @param cell a cell as written
     */
    public static Grade grade(String cell) {
        String s = Cells.normalise(cell).toLowerCase(Locale.ROOT);
        return Grade.parse(GRADE_WORDS.getOrDefault(s, s));
    }

    /** A school stage, for reading enrolment cohorts ({@code 2024级}). */
    public enum Stage {
        /** Primary school: the cohort year is grade 1. */
        PRIMARY(1, 6),
        /** Junior secondary (初中): the cohort year is grade 7. */
        JUNIOR(7, 9),
        /** Senior secondary (高中): the cohort year is grade 10. */
        SENIOR(10, 12),
        /** Secondary vocational (中职): the cohort year is v1. */
        VOCATIONAL(1, 3);

        private final int first;
        private final int last;

        Stage(int first, int last) {
            this.first = first;
            this.last = last;
        }
    }

    /** An enrolment cohort such as 2024级 (compiled once: this runs per record). */
    private static final java.util.regex.Pattern COHORT = java.util.regex.Pattern.compile("(19|20)[0-9]{2}级");

    /**
     * {@return a grade, also from an enrolment cohort ({@code 2024级}, {@code 2024届} is not accepted: it is a
     * leaving year) when the stage and the test date are known: the school year starts on 1 September,
     * so a 2024 junior cohort tested on 2026-09-15 is in grade 9} A cohort outside the stage is
     * {@code null}.
     *
     * @param cell a cell as written
     * @param stage the school stage, or {@code null} when unknown
     * @param testDate the test date, or {@code null} when unknown
     */
    public static Grade grade(String cell, Stage stage, LocalDate testDate) {
        Grade g = grade(cell);
        if (g != null || stage == null || testDate == null) {
            return g;
        }
        String s = Cells.normalise(cell);
        if (!COHORT.matcher(s).matches()) {
            return null;
        }
        int cohort = Integer.parseInt(s.substring(0, 4));
        int schoolYear = testDate.getMonthValue() >= 9 ? testDate.getYear() : testDate.getYear() - 1;
        int n = stage.first + (schoolYear - cohort);
        if (n < stage.first || n > stage.last) {
            return null;
        }
        return Grade.parse(stage == Stage.VOCATIONAL ? "v" + n : Integer.toString(n));
    }

    /**
     * {@return sex: female/f/女/女生/女性/女孩, male/m/男/男生/男性/男孩 (any case); else {@code null}} Codes such
     * as {@code 1}/{@code 2} are read only through a mapping that says which is which.
     *
     * @param cell a cell as written
     */
    public static Sex sex(String cell) {
        return SEX_WORDS.get(Cells.normalise(cell).toLowerCase(Locale.ROOT));
    }

    /**
     * {@return a date: {@code 2026-09-03}, {@code 2026-9-3}, {@code 2026/9/3}, {@code 2026.9.3},
     * {@code 20260903}, {@code 2026年9月3日}; or a date-time with any of these date forms followed by a
     * space or {@code T} and a time ({@code 2026/9/3 10:22:13}, {@code 2026-09-03T10:22:13+08:00}):
     * the date part as written is the date} Else {@code null}.
     *
     * @param cell a cell as written
     */
    public static LocalDate date(String cell) {
        LocalDate iso = isoDate(cell);
        if (iso != null) {
            return iso;
        }
        String s = Cells.normalise(cell);
        int cut = s.indexOf(' ');
        if (cut < 0) {
            cut = s.indexOf('T');
        }
        if (cut > 0) {
            String time = s.substring(cut + 1).strip();
            if (!TIME.matcher(time).matches()) {
                return null;
            }
            s = s.substring(0, cut);
        }
        for (DateTimeFormatter f : DATES) {
            try {
                return LocalDate.parse(s, f);
            } catch (DateTimeParseException e) {
                // try the next declared form
            }
        }
        return null;
    }

    /**
     * The common {@code 2026-09-15} without a formatter (two dates a record made date reading a
     * twentieth of a batch's time): exactly what the first declared form reads for ten ASCII
     * characters {@code dddd-dd-dd}, or {@code null} to let the declared forms decide (they refuse a
     * day that does not exist, such as 2012-02-30, exactly as before).
     */
    private static LocalDate isoDate(String s) {
        if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            return null;
        }
        int y = digits(s, 0, 4);
        int m = digits(s, 5, 7);
        int d = digits(s, 8, 10);
        if (y < 0
                || m < 1
                || m > 12
                || d < 1
                || d > java.time.Month.of(m).length(java.time.Year.isLeap(y))) { // as YearMonth's, without one
            return null;
        }
        return LocalDate.of(y, m, d);
    }

    /** The ASCII digits {@code from..to} as a number, or -1. */
    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** {@code 6分37秒}, {@code 1小时2分3秒}, {@code 397秒}, {@code 2分}: each part optional, at least one. */
    private static final java.util.regex.Pattern CHINESE_DURATION =
            java.util.regex.Pattern.compile("(?:(\\d+)(?:小时|时))?(?:(\\d+)(?:分钟|分))?(?:(\\d+(?:\\.\\d+)?)秒)?");
    /** {@code 0:06:37} or {@code 06:37}. */
    private static final java.util.regex.Pattern CLOCK_DURATION =
            java.util.regex.Pattern.compile("(?:(\\d+):)?(\\d{1,2}):(\\d{2}(?:\\.\\d+)?)");
    /** {@code 397}, {@code 397.5}, {@code 397s}. */
    private static final java.util.regex.Pattern PLAIN_SECONDS =
            java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?)s?");

    /**
     * {@return a duration in seconds, as survey platforms write it: {@code 397}, {@code 397.5},
     * {@code 397s}, {@code 397秒} (问卷星's 所用时间), {@code 6分37秒}, {@code 1小时2分3秒}, {@code 0:06:37}
     * or {@code 06:37}; full-width digits read as digits} Else {@code null} (negative and empty
     * included): an unreadable time is unknown, never zero.
     *
     * @param cell a cell as written
     */
    public static Double seconds(String cell) {
        String s = Cells.normalise(cell).toLowerCase(Locale.ROOT).replace(" ", "");
        if (s.isEmpty()) {
            return null;
        }
        java.util.regex.Matcher m = PLAIN_SECONDS.matcher(s);
        if (m.matches()) {
            return Double.valueOf(m.group(1));
        }
        m = CLOCK_DURATION.matcher(s);
        if (m.matches()) {
            return part(m.group(1)) * 3600 + part(m.group(2)) * 60 + Double.parseDouble(m.group(3));
        }
        m = CHINESE_DURATION.matcher(s);
        if (m.matches() && (m.group(1) != null || m.group(2) != null || m.group(3) != null)) {
            return part(m.group(1)) * 3600
                    + part(m.group(2)) * 60
                    + (m.group(3) == null ? 0 : Double.parseDouble(m.group(3)));
        }
        return null;
    }

    private static double part(String digits) {
        return digits == null ? 0 : Double.parseDouble(digits);
    }

    /**
     * {@return a yes/no attribute: {@link #YES} or {@link #NO}; blank and anything else are {@code null}
     * (unknown — never false)} The caller tells blank from unrecognised.
     *
     * @param cell a cell as written
     */
    public static Boolean yesNo(String cell) {
        String s = Cells.normalise(cell).toLowerCase(Locale.ROOT);
        return YES.contains(s) ? Boolean.TRUE : NO.contains(s) ? Boolean.FALSE : null;
    }
}
