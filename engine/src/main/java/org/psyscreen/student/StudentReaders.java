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
    private static final Map<String, String> GRADE_WORDS = Map.ofEntries(
            Map.entry("一年级", "1"),
            Map.entry("二年级", "2"),
            Map.entry("三年级", "3"),
            Map.entry("四年级", "4"),
            Map.entry("五年级", "5"),
            Map.entry("六年级", "6"),
            Map.entry("七年级", "7"),
            Map.entry("八年级", "8"),
            Map.entry("九年级", "9"),
            Map.entry("初一", "7"),
            Map.entry("初二", "8"),
            Map.entry("初三", "9"),
            Map.entry("高一", "10"),
            Map.entry("高二", "11"),
            Map.entry("高三", "12"),
            Map.entry("职高一", "v1"),
            Map.entry("职高二", "v2"),
            Map.entry("职高三", "v3"),
            Map.entry("中职一", "v1"),
            Map.entry("中职二", "v2"),
            Map.entry("中职三", "v3"));
    private static final Map<String, Sex> SEX_WORDS = Map.of(
            "female", Sex.FEMALE, "f", Sex.FEMALE, "女", Sex.FEMALE, "male", Sex.MALE, "m", Sex.MALE, "男", Sex.MALE);
    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("uuuu/M/d", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("uuuu年M月d日", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT));

    /** Attribute words read as yes (compared half-width, trimmed, lower-case). */
    public static final List<String> YES = List.of("1", "true", "yes", "y", "是", "有");

    /** Attribute words read as no (compared half-width, trimmed, lower-case). */
    public static final List<String> NO = List.of("0", "false", "no", "n", "否", "无");

    private StudentReaders() {}

    /** A grade: {@code 1}..{@code 12}, {@code v1}..{@code v3}, or a Chinese grade word; else {@code null}. */
    public static Grade grade(String cell) {
        String s = Cells.normalise(cell).toLowerCase(Locale.ROOT);
        return Grade.parse(GRADE_WORDS.getOrDefault(s, s));
    }

    /** Sex: {@code female}/{@code f}/{@code 女}, {@code male}/{@code m}/{@code 男}; else {@code null}. */
    public static Sex sex(String cell) {
        return SEX_WORDS.get(Cells.normalise(cell).toLowerCase(Locale.ROOT));
    }

    /** A date: {@code 2026-09-03}, {@code 2026/9/3} or {@code 2026年9月3日}; else {@code null}. */
    public static LocalDate date(String cell) {
        String s = Cells.normalise(cell);
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
     * A yes/no attribute: {@link #YES} or {@link #NO}; blank and anything else are {@code null}
     * (unknown — never false). The caller tells blank from unrecognised.
     */
    public static Boolean yesNo(String cell) {
        String s = Cells.normalise(cell).toLowerCase(Locale.ROOT);
        return YES.contains(s) ? Boolean.TRUE : NO.contains(s) ? Boolean.FALSE : null;
    }
}
