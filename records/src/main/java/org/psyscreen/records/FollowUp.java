package org.psyscreen.records;

import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A follow-up event people record on a student's warning case: what happened, when, by which role,
 * and the outcome as a short code. The outcome is a code on purpose (lower-case letters, digits,
 * {@code _} and {@code -}, at most 40): free text is where names and diagnoses end up, and the store
 * holds neither.
 *
 * @param kind what happened (one of the kinds people record)
 * @param date when
 * @param role who, as a role
 * @param outcome e.g. {@code attended}, {@code no-show}, {@code referred-green-channel}, {@code cleared}; for the
 *     parents' notice and acknowledgement, how ({@link #NOTICE_METHODS}); for a closure, the reason
 */
public record FollowUp(EventKind kind, LocalDate date, Role role, String outcome) {
    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");
    /**
     * Checks that every part is given and the outcome is a short code.
     *
     * @param kind what happened (one of the kinds people record)
     * @param date when
     * @param role who, as a role
     * @param outcome e.g. {@code attended}, {@code no-show}, {@code referred-green-channel}, {@code cleared}
     */
    public FollowUp {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(outcome, "outcome");
        if (!kind.followUp()) {
            throw new IllegalArgumentException("'" + kind.word() + "' is recorded by the store, not by people");
        }
        if (role == Role.SYSTEM) {
            throw new IllegalArgumentException("the role 'system' is the store's own");
        }
        if (kind == EventKind.PLANNED) {
            throw new IllegalArgumentException("a plan names its owner: record it as a CasePlan");
        }
        requireShortCode(outcome, "the outcome", "attended, no-show, referred");
        if ((kind == EventKind.PARENT_NOTIFIED || kind == EventKind.PARENT_ACKNOWLEDGED)
                && !NOTICE_METHODS.contains(outcome)) {
            throw new IllegalArgumentException(
                    "the parents' notice and acknowledgement name how, as one of " + String.join(", ", NOTICE_METHODS));
        }
    }

    /** How parents are notified or acknowledge: the outcome of those two kinds. */
    public static final java.util.List<String> NOTICE_METHODS =
            java.util.List.of("phone", "in-person", "home-visit", "letter", "message", "signed-form");

    /**
     * Refuses a value that is not a short code (a-z, 0-9, _ and -, at most 40): what people record on a
     * case is a code, never free text, which could hold a name.
     */
    static void requireShortCode(String value, String what, String examples) {
        if (!CODE.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " is a short code (a-z, 0-9, _ and -, at most 40), e.g. "
                    + examples + "; never free text or a name");
        }
    }
}
