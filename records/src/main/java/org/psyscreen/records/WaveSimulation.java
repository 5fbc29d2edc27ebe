package org.psyscreen.records;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.psyscreen.batch.PolicySimulation;
import org.psyscreen.norm.NormResult;
import org.psyscreen.norm.NormTable;
import org.psyscreen.plan.ScoringPlan;
import org.psyscreen.score.CriticalState;
import org.psyscreen.score.FormStatus;
import org.psyscreen.score.ScoredResponse;
import org.psyscreen.score.StatusReason;
import org.psyscreen.student.Grade;
import org.psyscreen.student.StudentProfile;
import org.psyscreen.student.StudentReaders;
import org.psyscreen.tier.CutoffPolicy;
import org.psyscreen.tier.Policies;
import org.psyscreen.tier.Screening;

/**
 * A wave of the records store decided again under two or more policies: the simulator's second
 * source, beside a response file. The store keeps each form's status, reasons, scale scores and
 * critical items, and each screening's grade, sex and test date; answers, attributes and birth dates
 * are not kept. So a rule that reads an item's answer or an attribute is not evaluated here
 * (the student's outcome says so), and an age-grouped norm has no age. A policy that pins another
 * version of an instrument than the wave was scored with is reported as not run, never decided on
 * the wrong scores.
 */
final class WaveSimulation {
    private WaveSimulation() {}

    /** One screening as the store holds it. */
    private record Stored(
            String token,
            String region,
            String school,
            String grade,
            StudentProfile profile,
            Map<String, StudentHistory.Form> forms) {}

    static PolicySimulation.Simulation run(
            RecordStore store,
            Scope scope,
            String wave,
            List<PolicySimulation.Arm> arms,
            Map<String, NormTable> norms,
            int minCell)
            throws SQLException {
        if (arms.size() < 2) {
            throw new IllegalArgumentException("a simulation compares two or more policies");
        }
        List<Object> params = new ArrayList<>(List.of(wave));
        String where = scope.where("s", params);
        // In pseudonym order, never import order: the result does not depend on which file came first.
        List<Object[]> rows = store.rows(
                "SELECT s.id, st.token, s.region, s.school, s.grade, s.sex, s.test_date FROM screening s JOIN wave w"
                        + " ON w.id = s.wave_id JOIN student st ON st.id = s.student_id WHERE w.name = ? AND " + where
                        + " ORDER BY st.token, s.input_sha256, s.record_no",
                params);
        if (rows.isEmpty()) {
            throw new RecordStoreException("no screening of wave '" + wave + "' in " + scope);
        }
        Queries queries = new Queries(store);
        List<Stored> cohort = new ArrayList<>();
        for (Object[] r : rows) {
            String testDate = (String) r[6];
            cohort.add(new Stored(
                    (String) r[1],
                    (String) r[2],
                    (String) r[3],
                    (String) r[4],
                    new StudentProfile(
                            Grade.parse((String) r[4]),
                            StudentReaders.sex((String) r[5]),
                            null,
                            testDate == null || testDate.isEmpty() ? null : LocalDate.parse(testDate)),
                    queries.forms(((Number) r[0]).longValue())));
        }
        List<CutoffPolicy> ran = new ArrayList<>();
        List<List<PolicySimulation.Outcome>> outcomes = new ArrayList<>();
        List<PolicySimulation.NotRun> notRun = new ArrayList<>();
        for (PolicySimulation.Arm arm : arms) {
            List<String> other = cannotDecide(arm, cohort);
            if (!other.isEmpty()) {
                notRun.add(new PolicySimulation.NotRun(arm.policy().key(), other));
                continue;
            }
            List<PolicySimulation.Outcome> out = new ArrayList<>(cohort.size());
            for (Stored s : cohort) {
                out.add(PolicySimulation.Outcome.of(
                        s.token(),
                        s.region(),
                        s.school(),
                        s.grade(),
                        Policies.decide(arm.policy(), screening(arm, s, norms))));
            }
            ran.add(arm.policy());
            outcomes.add(out);
        }
        return PolicySimulation.compare(ran, outcomes, notRun, minCell);
    }

    /**
     * Why the wave cannot be decided under the policy: an instrument it pins that the wave never
     * scored, or scored in another version.
     */
    private static List<String> cannotDecide(PolicySimulation.Arm arm, List<Stored> cohort) {
        List<String> problems = new ArrayList<>();
        for (var e : arm.plans().entrySet()) {
            if (cohort.stream().noneMatch(s -> s.forms().containsKey(e.getKey()))) {
                problems.add("the wave has no " + e.getKey() + " forms; the policy pins "
                        + e.getValue().key());
                continue;
            }
            for (Stored s : cohort) {
                StudentHistory.Form f = s.forms().get(e.getKey());
                if (f != null && !f.instrumentKey().equals(e.getValue().key())) {
                    problems.add("the wave scored " + e.getKey() + " as " + f.instrumentKey() + "; the policy pins "
                            + e.getValue().key());
                    break;
                }
            }
        }
        return problems;
    }

    /** A stored screening as the policy sees it: forms rebuilt from their recorded results. */
    private static Screening screening(PolicySimulation.Arm arm, Stored s, Map<String, NormTable> norms) {
        Map<String, ScoredResponse> forms = new LinkedHashMap<>();
        for (var e : arm.plans().entrySet()) {
            StudentHistory.Form f = s.forms().get(e.getKey());
            if (f != null) {
                forms.put(e.getKey(), recorded(e.getValue(), f));
            }
        }
        Map<String, NormResult> looked = new LinkedHashMap<>();
        for (var t : norms.entrySet()) {
            ScoredResponse form = forms.get(t.getValue().definition().instrumentId());
            if (form != null
                    && form.instrumentKey()
                            .equals(t.getValue().definition().instrumentId() + "@"
                                    + t.getValue().definition().instrumentVersion())) {
                looked.put(t.getKey(), t.getValue().lookup(form, s.profile()));
            }
        }
        return new Screening(forms, s.profile(), Map.of(), norms, looked);
    }

    private static ScoredResponse recorded(ScoringPlan plan, StudentHistory.Form f) {
        List<StatusReason> reasons = new ArrayList<>();
        for (String r : f.reasons().isBlank() ? new String[0] : f.reasons().split(" ")) {
            reasons.add(StatusReason.parse(r));
        }
        Map<String, Double> scales = new LinkedHashMap<>();
        f.scales().forEach((scale, value) -> {
            if (value != null && !Double.isNaN(value)) {
                scales.put(scale, value);
            }
        });
        Map<String, CriticalState> critical = new LinkedHashMap<>();
        for (String c : f.critical().isBlank() ? new String[0] : f.critical().split(" ")) {
            int eq = c.lastIndexOf('=');
            critical.put(c.substring(0, eq), CriticalState.valueOf(c.substring(eq + 1)));
        }
        return plan.recorded(FormStatus.valueOf(f.status()), reasons, scales, critical);
    }
}
