package org.psyscreen.batch;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.psyscreen.norm.Grade;
import org.psyscreen.norm.Sex;

/**
 * Reads grade, sex and dates as schools write them. Only declared forms are accepted; anything else
 * is unknown (and flagged), never guessed. Two-digit years are never accepted.
 */
final class Demographics {
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

    private Demographics() {}

    static Grade grade(String cell) {
        String s = Text.trim(Text.halfWidth(cell)).toLowerCase(Locale.ROOT);
        return Grade.parse(GRADE_WORDS.getOrDefault(s, s));
    }

    static Sex sex(String cell) {
        return SEX_WORDS.get(Text.trim(Text.halfWidth(cell)).toLowerCase(Locale.ROOT));
    }

    static LocalDate date(String cell) {
        String s = Text.trim(Text.halfWidth(cell));
        for (DateTimeFormatter f : DATES) {
            try {
                return LocalDate.parse(s, f);
            } catch (DateTimeParseException e) {
                // try the next declared form
            }
        }
        return null;
    }
}
