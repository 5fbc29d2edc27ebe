package org.psyscreen.records;

/** Who recorded a follow-up event: a role, never a person's name. */
public enum Role {
    /** The school's mental-health counsellor (心理教师). */
    COUNSELLOR,
    /** The class teacher (班主任). */
    CLASS_TEACHER,
    /** A school leader (学校负责人). */
    SCHOOL_LEADER,
    /** A doctor or the hospital (医生). */
    DOCTOR,
    /** The district or regional mental-health centre (区域心理中心). */
    REGIONAL_CENTRE,
    /** The store itself (cases opened, escalated or re-opened by a screening). */
    SYSTEM;

    /** {@return the word used on the command line and in the database, e.g. {@code class-teacher}} */
    public String word() {
        return org.psyscreen.definition.Ids.word(this);
    }

    /**
     * {@return the role for a word, or {@code null}}
     *
     * @param word a role as files spell it
     */
    public static Role ofWord(String word) {
        for (Role r : values()) {
            if (r.word().equals(word)) {
                return r;
            }
        }
        return null;
    }
}
