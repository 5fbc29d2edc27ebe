package org.psyscreen.score;

import java.util.Objects;

/**
 * Why a form is not {@link FormStatus#SCORED}, naming the item, scale or check (never a value).
 *
 * @param code what happened
 * @param subject id of the item, scale or validity check concerned
 */
public record StatusReason(Code code, String subject) {

    /** Reason codes. */
    public enum Code {
        /** An answer is not one of the item's codes. Subject: item id. */
        INVALID_ANSWER,
        /** A required scale failed its missing-data rule. Subject: scale id. */
        SCALE_INCOMPLETE,
        /** A validity check fired. Subject: check id. */
        VALIDITY_FAILED,
        /** A validity check could not be evaluated (its lie scale is incomplete). Subject: check id. */
        VALIDITY_NOT_EVALUATED,
        /** Every item blank. Subject: instrument id. */
        ALL_BLANK,
        /**
         * The record's fields cannot be trusted to sit in their columns (a shifted or cut row), so no
         * answer was read by position. Subject: instrument id.
         */
        RECORD_UNSCORABLE
    }

    /**
     * Checks the parts.
     *
     * @param code what happened
     * @param subject id of the item, scale or validity check concerned
     */
    public StatusReason {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(subject, "subject");
    }

    @Override
    public String toString() {
        return code + "(" + subject + ")";
    }

    private static final java.util.regex.Pattern TEXT = java.util.regex.Pattern.compile("([A-Z_]+)\\((.*)\\)");

    /**
     * {@return the reason {@link #toString()} wrote, read back}
     *
     * @param text a reason as {@code toString()} writes it, e.g. {@code INVALID_ANSWER(q24)}
     * @throws IllegalArgumentException when the text is not a reason psyscreen writes
     */
    public static StatusReason parse(String text) {
        var m = TEXT.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a form reason psyscreen writes");
        }
        return new StatusReason(Code.valueOf(m.group(1)), m.group(2));
    }
}
