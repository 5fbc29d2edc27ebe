package org.psyscreen.screening;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.psyscreen.norm.NormResult;
import org.psyscreen.score.ScoredResponse;
import org.psyscreen.student.StudentProfile;
import org.psyscreen.tier.CutoffPolicy;
import org.psyscreen.tier.TierDecision;

/**
 * One student screened: what was read, every form scored, every norm looked up (once), the tier
 * decision and the record's problems. Immutable. Holds health data: {@link #toString()} says
 * nothing about the student.
 */
public final class ScreeningResult {
    private final String student;
    private final String school;
    private final String schoolClass;
    private final String region;
    private final StudentProfile profile;
    private final Map<String, Boolean> attributes;
    private final List<RecordProblem> problems;
    private final Map<String, ScoredResponse> forms;
    private final Map<String, NormResult> norms;
    private final CutoffPolicy policy;
    private final TierDecision decision;

    ScreeningResult(
            String student,
            String school,
            String schoolClass,
            String region,
            StudentProfile profile,
            Map<String, Boolean> attributes,
            List<RecordProblem> problems,
            Map<String, ScoredResponse> forms,
            Map<String, NormResult> norms,
            CutoffPolicy policy,
            TierDecision decision) {
        this.student = student;
        this.school = school;
        this.schoolClass = schoolClass;
        this.region = region;
        this.profile = profile;
        this.attributes = Collections.unmodifiableMap(attributes);
        this.problems = List.copyOf(problems);
        this.forms = Collections.unmodifiableMap(forms);
        this.norms = Collections.unmodifiableMap(norms);
        this.policy = policy;
        this.decision = decision;
    }

    /** {@return the student id, canonical (trimmed, half-width, upper case), or empty when none was given} */
    public String student() {
        return student;
    }

    /** {@return the school as given (trimmed)} */
    public String school() {
        return school;
    }

    /** {@return the class as given (trimmed)} */
    public String schoolClass() {
        return schoolClass;
    }

    /** {@return the region as given (trimmed)} */
    public String region() {
        return region;
    }

    /** {@return grade, sex and dates as read; each {@code null} when blank or unreadable} */
    public StudentProfile profile() {
        return profile;
    }

    /**
     * Attributes read as yes or no; a blank or unreadable one is absent (unknown, never false).
     *
     * @return the attributes read, by name
     */
    public Map<String, Boolean> attributes() {
        return attributes;
    }

    /** {@return the record's problems, in the order found: the front end's first, then the reader's} */
    public List<RecordProblem> problems() {
        return problems;
    }

    /** {@return true when a problem made the record unscorable: every form INVALID, critical items UNKNOWN} */
    public boolean unscorable() {
        for (RecordProblem p : problems) {
            if (p.unscorable()) {
                return true;
            }
        }
        return false;
    }

    /** {@return scored forms by instrument id, in the screener's instrument order} */
    public Map<String, ScoredResponse> forms() {
        return forms;
    }

    /** {@return norm results by table id (every table of a screened instrument), in table-id order} */
    public Map<String, NormResult> norms() {
        return norms;
    }

    /** {@return the policy version the decision was made under (the one in force on the test date)} */
    public Optional<CutoffPolicy> policy() {
        return Optional.ofNullable(policy);
    }

    /** {@return the tier decision; empty when the screener has no policy (research scoring)} */
    public Optional<TierDecision> decision() {
        return Optional.ofNullable(decision);
    }

    /** Says only how many forms and problems there are: the result holds health data. */
    @Override
    public String toString() {
        return "ScreeningResult[" + forms.size() + " form(s), " + problems.size() + " problem(s)]";
    }
}
