package org.psyscreen.records;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.psyscreen.diagnostic.ProblemCode;
import org.psyscreen.tier.CutoffPolicy;

/**
 * Who may record what on a warning case: the policy's {@code caseRoles} ({@link CutoffPolicy#caseRoles()}),
 * and the store's defaults for what the policy does not name. By default any person's role may record
 * anything but a second-stage assessment, which a counsellor, a doctor or the regional centre makes.
 * The one check for every case write that names a role (a follow-up, a plan, a report, an assessment).
 */
final class CaseRoles {
    /** The actions a policy may name: what people record on a case. */
    static final Set<String> ACTIONS = java.util.Arrays.stream(EventKind.values())
            .filter(k -> k.followUp() || k == EventKind.ASSESSED || k == EventKind.REPORTED)
            .map(EventKind::word)
            .collect(Collectors.toCollection(java.util.LinkedHashSet::new));

    /** The roles a policy may name: every person's role ({@link Role#SYSTEM} is the store's). */
    static final Set<String> ROLES = java.util.Arrays.stream(Role.values())
            .filter(r -> r != Role.SYSTEM)
            .map(Role::word)
            .collect(Collectors.toCollection(java.util.LinkedHashSet::new));

    private static final Map<EventKind, List<Role>> DEFAULTS =
            Map.of(EventKind.ASSESSED, List.of(Role.COUNSELLOR, Role.DOCTOR, Role.REGIONAL_CENTRE));

    private CaseRoles() {}

    /**
     * Refuses {@code role} recording {@code action} on a case under {@code policy}.
     *
     * @throws RecordStoreException PSY-3105 when the role may not; PSY-3209 when the policy's
     *     {@code caseRoles} names an action or a role the store does not know (a misspelt rule is never
     *     read as "anyone may")
     */
    static void require(CutoffPolicy policy, EventKind action, Role role) {
        Map<String, List<String>> declared = policy.caseRoles();
        declared.forEach((a, roles) -> {
            if (!ACTIONS.contains(a)) {
                throw unknown(policy, "caseRoles." + a, "an action", ACTIONS);
            }
            for (int i = 0; i < roles.size(); i++) {
                if (!ROLES.contains(roles.get(i))) {
                    throw unknown(policy, "caseRoles." + a + "[" + i + "]", "a role", ROLES);
                }
            }
        });
        List<String> allowed = declared.get(action.word());
        if (allowed == null) {
            List<Role> d = DEFAULTS.get(action);
            allowed = d == null ? null : d.stream().map(Role::word).toList();
        }
        if (allowed != null && !allowed.contains(role.word())) {
            throw new RecordStoreException(ProblemCode.CASE_ROLE_NOT_ALLOWED.id() + " a " + role.word()
                    + " may not record '" + action.word() + "' on a case under " + policy.id() + ": "
                    + String.join(", ", allowed) + (allowed.size() == 1 ? " does" : " do")
                    + (declared.containsKey(action.word())
                            ? " (the policy's caseRoles)"
                            : " (the store's default; a policy's caseRoles can say otherwise)")
                    + "; nothing was recorded");
        }
    }

    private static RecordStoreException unknown(CutoffPolicy policy, String place, String what, Set<String> known) {
        return new RecordStoreException(ProblemCode.CASE_ROLES_UNKNOWN_WORD.id() + " policy " + policy.id() + " "
                + place + " is not " + what + " the records store knows (" + String.join(", ", known)
                + "): fix the policy file; nothing was recorded");
    }
}
