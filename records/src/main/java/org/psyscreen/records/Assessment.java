package org.psyscreen.records;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A second-stage assessment (二次评估): after interviewing the student, a counsellor (or the doctor,
 * or the regional centre) confirms, raises or lowers the case's tier. The assessed tier drives the
 * case from then on; the screening's decision and the tier the screenings reached are kept beside it.
 *
 * @param tier the assessed tier (a tier id of the policy)
 * @param reason why, as a short code ({@code interview-confirmed}, {@code crisis-disclosed}, …)
 * @param date when it was assessed
 * @param role who assessed: by default a counsellor, a doctor or the regional centre (the policy's
 *     {@code caseRoles} can name others for {@code assessed})
 */
public record Assessment(String tier, String reason, LocalDate date, Role role) {
    /**
     * Checks that every part is given and the reason is a short code.
     *
     * @param tier the assessed tier
     * @param reason why, as a short code
     * @param date when
     * @param role who assessed
     */
    public Assessment {
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(role, "role");
        FollowUp.requireShortCode(reason, "the reason", "interview-confirmed, crisis-disclosed");
    }
}
