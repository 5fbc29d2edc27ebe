package org.psyscreen.records;

/**
 * What happened on a warning case. The first six are recorded by people ({@link FollowUp}); the
 * others by the store when a screening or a report opens, escalates or re-opens a case, a report
 * adds to it, or an assessment sets its tier.
 */
public enum EventKind {
    /** A counsellor's interview with the student (约谈). */
    INTERVIEW("约谈"),
    /** The parents were contacted (家校沟通). */
    PARENT_CONTACT("家长沟通"),
    /** Referred to a hospital or specialist service (转介, 绿色通道). */
    REFERRAL("转介就医"),
    /** The assessment before the student returns to school after treatment (复学评估). */
    RETURN_TO_SCHOOL("复学评估"),
    /** Moved to monitoring: followed at a lower intensity (持续关注). */
    MONITORING("持续关注"),
    /** The case is closed (结案). */
    CLOSURE("结案"),
    /** Opened by a flagged screening. */
    OPENED("预警建档"),
    /** A screening flagged a more severe tier than the case had. */
    ESCALATED("预警升级"),
    /** A flagged screening re-opened a closed case. */
    REOPENED("重新开案"),
    /** A report (teacher, peer, parent, counsellor, the student) on a case it did not change. */
    REPORTED("报告预警"),
    /** A second-stage assessment confirmed, raised or lowered the case's tier. */
    ASSESSED("二次评估定级");

    private final String zh;

    EventKind(String zh) {
        this.zh = zh;
    }

    /** {@return the Chinese label} */
    public String zh() {
        return zh;
    }

    /** {@return whether people record it (the store records the others)} */
    public boolean followUp() {
        return ordinal() <= CLOSURE.ordinal();
    }

    /** {@return the word used on the command line and in the database, e.g. {@code parent-contact}} */
    public String word() {
        return org.psyscreen.definition.Ids.word(this);
    }

    /**
     * {@return the kind for a word, or {@code null}}
     *
     * @param word a kind as files spell it ({@code referral})
     */
    public static EventKind ofWord(String word) {
        for (EventKind k : values()) {
            if (k.word().equals(word)) {
                return k;
            }
        }
        return null;
    }
}
