package org.psyscreen.records;

/**
 * What happened on a warning case. People record the first nine ({@link FollowUp}, {@link CasePlan});
 * the store records the others when a screening or a report opens, escalates or re-opens a case, a
 * report adds to it, or an assessment sets its tier.
 */
public enum EventKind {
    /** A counsellor's interview with the student (约谈). */
    INTERVIEW("约谈", true, true),
    /** The parents were contacted (家校沟通). */
    PARENT_CONTACT("家长沟通", true, true),
    /** Referred to a hospital or specialist service (转介, 绿色通道). */
    REFERRAL("转介就医", true, true),
    /** The assessment before the student returns to school after treatment (复学评估). */
    RETURN_TO_SCHOOL("复学评估", true, true),
    /** Moved to monitoring: followed at a lower intensity (持续关注). */
    MONITORING("持续关注", true, true),
    /** The case is closed (结案); the outcome is the reason. */
    CLOSURE("结案", true, false),
    /**
     * The parents were told of the risk and of their part (家长知情告知); the outcome is how:
     * {@link FollowUp#NOTICE_METHODS}.
     */
    PARENT_NOTIFIED("家长知情告知", true, true),
    /**
     * The parents acknowledged the notice (家长知情确认: 承担就医、确保安全等责任); the outcome is how:
     * {@link FollowUp#NOTICE_METHODS}. Refused before the parents were notified.
     */
    PARENT_ACKNOWLEDGED("家长知情确认", true, true),
    /**
     * The case's owner and plan (一人一表、专人专案), recorded with {@link CasePlan}: who follows it, what
     * the plan is, and optionally the next contact's date.
     */
    PLANNED("专人专案", true, false),
    /** Opened by a flagged screening. */
    OPENED("预警建档", false, false),
    /** A screening flagged a more severe tier than the case had. */
    ESCALATED("预警升级", false, false),
    /** A flagged screening re-opened a closed case. */
    REOPENED("重新开案", false, false),
    /** A report (teacher, peer, parent, counsellor, the student) on a case it did not change. */
    REPORTED("报告预警", false, false),
    /** A second-stage assessment confirmed, raised or lowered the case's tier. */
    ASSESSED("二次评估定级", false, true);

    private final String zh;
    private final boolean byPeople;
    private final boolean contact;

    EventKind(String zh, boolean byPeople, boolean contact) {
        this.zh = zh;
        this.byPeople = byPeople;
        this.contact = contact;
    }

    /** {@return the Chinese label} */
    public String zh() {
        return zh;
    }

    /** {@return whether people record it (the store records the others)} */
    public boolean followUp() {
        return byPeople;
    }

    /**
     * {@return whether it is a contact with the student or the family, which restarts the tier's
     * follow-up interval} Opening, escalation and re-opening start it; a plan, a report or a closure
     * does not.
     */
    public boolean contact() {
        return contact;
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
