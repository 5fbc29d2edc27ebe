package org.psyscreen.tier;

import org.psyscreen.definition.LocalizedText;

/**
 * Why a student needs follow-up without (or in addition to) a score-based tier. None of these is
 * ever "no risk".
 */
public enum FollowUp {
    /** A form failed its missing-data rule. */
    INCOMPLETE("form incomplete", "问卷不完整"),
    /** A form failed a validity check or had invalid answers. */
    INVALID("form invalid", "问卷无效"),
    /** A form was left blank. */
    NOT_ADMINISTERED("form not answered", "未作答"),
    /** A norm the policy needs could not be applied (no group, missing grade/sex/age, ...). */
    NO_NORM("no norm applies", "无适用常模"),
    /** A critical item was blank or invalid: it cannot be ruled out. */
    CRITICAL_UNKNOWN("critical item unanswered", "关键条目未作答"),
    /** An instrument the policy expects was not given. */
    MISSING_INSTRUMENT("instrument missing", "缺少量表"),
    /** The policy itself failed (a Java policy threw or answered nonsense). */
    POLICY_ERROR("policy error", "策略出错");

    private final LocalizedText label;

    FollowUp(String en, String zh) {
        this.label = new LocalizedText(en, zh);
    }

    /** {@return what it means, in English and Chinese, for a counsellor} */
    public LocalizedText label() {
        return label;
    }
}
