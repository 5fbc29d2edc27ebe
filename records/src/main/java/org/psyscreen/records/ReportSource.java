package org.psyscreen.records;

/**
 * Where a warning came from when no screening raised it: the sources the regional plans name
 * (学生异常情况报告制度, 朋辈预警, 动态观察、访谈评估).
 */
public enum ReportSource {
    /** A teacher's report of a student's unusual state (学生异常情况报告, 班主任). */
    TEACHER,
    /** A peer's warning, through the class or dormitory 心理委员 (朋辈预警). */
    PEER,
    /** The parents' report (家长报告). */
    PARENT,
    /** The counsellor's own observation or interview (动态观察、访谈评估). */
    COUNSELLOR,
    /** The student asked for help (主动求助). */
    SELF;

    /** {@return the word used on the command line and in the database, e.g. {@code teacher}} */
    public String word() {
        return org.psyscreen.definition.Ids.word(this);
    }

    /**
     * {@return the source for a word, or {@code null}}
     *
     * @param word a source as the command line spells it
     */
    public static ReportSource ofWord(String word) {
        for (ReportSource s : values()) {
            if (s.word().equals(word)) {
                return s;
            }
        }
        return null;
    }
}
