package org.psyscreen.records;

import java.time.LocalDate;
import java.util.Objects;
import org.psyscreen.diagnostic.ProblemCode;

/**
 * Who follows a warning case and how (一人一表、专人专案): its owner, its plan, and optionally the date
 * of the next contact. Each is a short code (a-z, 0-9, {@code _} and {@code -}, at most 40), never free
 * text or a name: the owner is a staff code ({@code counsellor-02}), the plan a code the school uses
 * ({@code weekly-interview}, {@code referral-pending}). A later plan replaces the earlier one as the
 * case's current plan; both stay in the case's history.
 *
 * <p>A case is due for a contact by its tier's follow-up interval (the policy's {@code followUpDays})
 * after its last contact; a plan's next contact can only make that date earlier.
 *
 * @param owner who follows the case, as a staff code; never empty (PSY-3106)
 * @param plan what the plan is, as a short code
 * @param date when the plan was made
 * @param nextContact when the next contact is due, or {@code null} for the tier's interval
 * @param role who recorded it, as a role
 */
public record CasePlan(String owner, String plan, LocalDate date, LocalDate nextContact, Role role) {
    /**
     * Checks that every part but the next contact is given, the owner and plan are short codes, and
     * the next contact is not before the plan.
     *
     * @param owner who follows the case, as a staff code
     * @param plan what the plan is, as a short code
     * @param date when the plan was made
     * @param nextContact when the next contact is due, or {@code null}
     * @param role who recorded it
     */
    public CasePlan {
        if (owner == null || owner.isBlank()) {
            throw new IllegalArgumentException(ProblemCode.CASE_NO_OWNER.id()
                    + " a case plan needs an owner: the staff code of who follows the case (专人专案)");
        }
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(role, "role");
        if (role == Role.SYSTEM) {
            throw new IllegalArgumentException("the role 'system' is the store's own");
        }
        FollowUp.requireShortCode(owner, "the owner", "counsellor-02, t017");
        FollowUp.requireShortCode(plan, "the plan", "weekly-interview, referral-pending");
        if (nextContact != null && nextContact.isBefore(date)) {
            throw new IllegalArgumentException("the next contact is dated before the plan was made");
        }
    }
}
