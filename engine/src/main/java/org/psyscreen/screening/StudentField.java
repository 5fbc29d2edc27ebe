package org.psyscreen.screening;

/**
 * The student's own fields, as files and forms carry them (raw text). Files name them by
 * {@link #column()}; a mapping renames a platform's headers to these names.
 */
public enum StudentField {
    /** The student's id (学籍号 or the school's own); pseudonymised by front ends that have a key. */
    STUDENT_ID("student_id"),
    /** School name or code. */
    SCHOOL("school"),
    /** Class name or code. */
    CLASS("class"),
    /** Grade: {@code 1}..{@code 12}, {@code v1}..{@code v3} or a Chinese grade word. */
    GRADE("grade"),
    /** Sex: female/male, f/m, 女/男. */
    SEX("sex"),
    /** Date of birth. */
    BIRTH_DATE("birth_date"),
    /** Date the forms were completed; decides which policy version applies. */
    TEST_DATE("test_date"),
    /** Region code. */
    REGION("region"),
    /**
     * How long the student took over the whole sitting, as the survey platform recorded it (问卷星's
     * 所用时间 {@code 397秒}, 腾讯问卷's 答题时长): read by {@link
     * org.psyscreen.student.StudentReaders#seconds(String)}, and used by a definition's
     * {@code response-time} check.
     */
    RESPONSE_SECONDS("response_seconds");

    private static final StudentField[] ALL = values();

    private final String column;

    StudentField(String column) {
        this.column = column;
    }

    /** {@return the canonical column name ({@code student_id}, {@code grade}, ...)} */
    public String column() {
        return column;
    }

    /**
     * {@return the field named {@code column}, or {@code null}}
     *
     * @param column a column name
     */
    public static StudentField ofColumn(String column) {
        for (StudentField f : ALL) {
            if (f.column.equals(column)) {
                return f;
            }
        }
        return null;
    }
}
