package org.psyscreen.batch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.psyscreen.norm.NormTable;
import org.psyscreen.plan.ScoringPlan;
import org.psyscreen.privacy.CountTable;
import org.psyscreen.privacy.Pseudonymizer;
import org.psyscreen.privacy.SmallCellSuppressor;
import org.psyscreen.tier.CutoffPolicy;
import org.psyscreen.tier.RuleFiring;
import org.psyscreen.tier.TierDecision;

/**
 * One cohort screened under two or more policies (or versions of one): which outcome each student
 * gets under each, who moves from the first policy's outcome to another's, and the rules that made the
 * difference. For a region choosing or revising cut-offs: "on last year's cohort, how many students
 * would each tier hold under policy A and under policy B, who moves, and in which schools?"
 *
 * <p>Each policy screens the input exactly as {@code psyscreen score} would ({@link BatchScorer#screenEach}),
 * with the instruments it pins. A policy the cohort cannot be screened under (it needs instruments the
 * file does not have, say) is reported with the file's problems, never left out silently. Students are
 * named by their keyed pseudonym only; counts are published through {@link SmallCellSuppressor}.
 */
public final class PolicySimulation {
    private PolicySimulation() {}

    /**
     * A policy and the instruments it pins.
     *
     * @param policy the policy
     * @param plans its instruments ({@code Bundle.plansFor(policy)})
     */
    public record Arm(CutoffPolicy policy, Map<String, ScoringPlan> plans) {}

    /**
     * A policy the cohort could not be screened under.
     *
     * @param policy the policy's {@code id@version}
     * @param problems the file's problems under it (codes and places, never values)
     */
    public record NotRun(String policy, List<String> problems) {}

    /**
     * Outcomes under the first policy (rows) against those under another (columns), small cells hidden.
     *
     * @param from the first policy's {@code id@version}
     * @param to the other policy's {@code id@version}
     * @param table rows: the first policy's outcomes; columns: the other's
     */
    public record Transition(String from, String to, CountTable table) {}

    /**
     * A student whose outcome differs between the first policy and another.
     *
     * @param student the keyed pseudonym
     * @param region the region
     * @param school the school
     * @param grade the grade code, or {@code ""}
     * @param to the other policy's {@code id@version}
     * @param fromOutcome the outcome under the first policy
     * @param toOutcome the outcome under the other
     * @param onlyFrom rules that fired under the first policy only
     * @param onlyTo rules that fired under the other only
     */
    public record Mover(
            String student,
            String region,
            String school,
            String grade,
            String to,
            String fromOutcome,
            String toOutcome,
            List<String> onlyFrom,
            List<String> onlyTo) {}

    /**
     * What a simulation found.
     *
     * @param records the cohort's records
     * @param policies the policies screened, first the baseline
     * @param notRun the policies the cohort could not be screened under
     * @param transitions the first policy against each other
     * @param counts per policy, outcomes by region, school and grade, small cells hidden
     * @param movers every student whose outcome moves, in input order
     */
    public record Simulation(
            long records,
            List<String> policies,
            List<NotRun> notRun,
            List<Transition> transitions,
            Map<String, CountTable> counts,
            List<Mover> movers) {
        /**
         * {@return how many students move from the first policy's outcome to {@code to}'s}
         *
         * @param to a policy's {@code id@version}
         */
        public long moved(String to) {
            return movers.stream().filter(m -> m.to().equals(to)).count();
        }
    }

    /**
     * What one policy gave one student.
     *
     * @param student the keyed pseudonym
     * @param region the region
     * @param school the school
     * @param grade the grade code, or {@code ""}
     * @param outcome the decision's outcome id
     * @param fired the rules that fired, in order
     */
    public record Outcome(
            String student, String region, String school, String grade, String outcome, Set<String> fired) {
        /**
         * {@return a student's outcome under a decision}
         *
         * @param student the keyed pseudonym
         * @param region the region
         * @param school the school
         * @param grade the grade code, or {@code ""}
         * @param d the decision, or {@code null} when no policy decided
         */
        public static Outcome of(String student, String region, String school, String grade, TierDecision d) {
            Set<String> fired = new LinkedHashSet<>();
            if (d != null) {
                for (RuleFiring f : d.fired()) {
                    fired.add(f.ruleId());
                }
            }
            return new Outcome(
                    student,
                    nonNull(region),
                    nonNull(school),
                    nonNull(grade),
                    d == null ? TierDecision.UNDETERMINED_ID : d.outcomeId(),
                    java.util.Collections.unmodifiableSet(fired));
        }
    }

    /**
     * Screens the cohort under every policy.
     *
     * @param input the cohort
     * @param arms the policies, the first the baseline the others are compared with
     * @param norms the norm tables the policies may use
     * @param keys the pseudonymisation key: students are named by pseudonym only
     * @param options what the run would take besides (a mapping), or {@code null}
     * @param minCell the smallest count published (at least 2)
     * @return the simulation
     * @throws IOException when the input cannot be read
     */
    public static Simulation run(
            ResponseInput input,
            List<Arm> arms,
            Map<String, NormTable> norms,
            Pseudonymizer keys,
            java.util.function.UnaryOperator<BatchOptions.Builder> options,
            int minCell)
            throws IOException {
        if (arms.size() < 2) {
            throw new IllegalArgumentException("a simulation compares two or more policies");
        }
        java.util.Objects.requireNonNull(keys, "keys: students are named by pseudonym only");
        if (arms.stream().map(a -> a.policy().key()).distinct().count() != arms.size()) {
            throw new IllegalArgumentException("a policy is given twice: each policy version once");
        }
        List<NotRun> notRun = new ArrayList<>();
        List<List<Outcome>> outcomes = new ArrayList<>();
        List<CutoffPolicy> policies = new ArrayList<>();
        for (Arm arm : arms) {
            BatchOptions.Builder b =
                    BatchOptions.builder(arm.plans(), arm.policy()).norms(norms).pseudonymizer(keys);
            if (options != null) {
                b = options.apply(b);
            }
            List<Outcome> out = new ArrayList<>();
            var problems = new BatchScorer(b.build()).screenEach(input, r -> out.add(outcome(r)));
            if (problems.hasErrors()) {
                notRun.add(new NotRun(
                        arm.policy().key(),
                        problems.all().stream()
                                .filter(p -> p.severity() == org.psyscreen.diagnostic.Severity.ERROR)
                                .map(x -> x.code().id() + " " + x.message())
                                .toList()));
                continue;
            }
            if (!outcomes.isEmpty() && out.size() != outcomes.get(0).size()) {
                throw new IllegalStateException("the cohort changed while it was screened");
            }
            outcomes.add(out);
            policies.add(arm.policy());
        }
        return compare(policies, outcomes, notRun, minCell);
    }

    /**
     * Compares the outcomes the policies gave one cohort, however they were decided (a file screened
     * again, or a records-store wave decided again): the first policy is the baseline.
     *
     * @param policies the policies that ran, first the baseline
     * @param outcomes per policy, every student's outcome, in the same order of students
     * @param notRun the policies the cohort could not be decided under
     * @param minCell the smallest count published (at least 2)
     * @return the simulation
     * @throws IllegalArgumentException when the policies gave different numbers of outcomes
     */
    public static Simulation compare(
            List<CutoffPolicy> policies, List<List<Outcome>> outcomes, List<NotRun> notRun, int minCell) {
        if (policies.size() != outcomes.size()
                || outcomes.stream().map(List::size).distinct().count() > 1) {
            throw new IllegalArgumentException("every policy decides every student of the cohort once");
        }
        List<String> ran = policies.stream().map(CutoffPolicy::key).toList();
        long records = outcomes.isEmpty() ? 0 : outcomes.get(0).size();
        List<Transition> transitions = new ArrayList<>();
        List<Mover> movers = new ArrayList<>();
        Map<String, CountTable> counts = new LinkedHashMap<>();
        for (int p = 0; p < policies.size(); p++) {
            counts.put(ran.get(p), SmallCellSuppressor.suppress(counts(outcomes.get(p), policies.get(p)), minCell));
        }
        for (int p = 1; p < policies.size(); p++) {
            CutoffPolicy from = policies.get(0);
            CutoffPolicy to = policies.get(p);
            long[][] m = new long[from.outcomeIds().size()][to.outcomeIds().size()];
            for (int r = 0; r < records; r++) {
                Outcome a = outcomes.get(0).get(r);
                Outcome b = outcomes.get(p).get(r);
                m[from.outcomeIds().indexOf(a.outcome())][to.outcomeIds().indexOf(b.outcome())]++;
                if (!a.outcome().equals(b.outcome())) {
                    movers.add(new Mover(
                            a.student(),
                            a.region(),
                            a.school(),
                            a.grade(),
                            ran.get(p),
                            a.outcome(),
                            b.outcome(),
                            minus(a.fired(), b.fired()),
                            minus(b.fired(), a.fired())));
                }
            }
            CountTable t = new CountTable(to.outcomeIds());
            for (int i = 0; i < m.length; i++) {
                t.add(from.outcomeIds().get(i), -1, m[i]);
            }
            transitions.add(new Transition(ran.get(0), ran.get(p), SmallCellSuppressor.suppress(t, minCell)));
        }
        return new Simulation(records, ran, notRun, transitions, counts, movers);
    }

    private static List<String> minus(Set<String> a, Set<String> b) {
        List<String> out = new ArrayList<>();
        for (String s : a) {
            if (!b.contains(s)) {
                out.add(s);
            }
        }
        return out;
    }

    private static Outcome outcome(BatchScorer.ScreenedRecord r) {
        var result = r.result();
        return Outcome.of(
                r.student(),
                result.region(),
                result.school(),
                result.profile().grade() == null ? "" : result.profile().grade().code(),
                result.decision().orElse(null));
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    /** Outcomes by region, then school, then grade: each level the sum of the one below. */
    private static CountTable counts(List<Outcome> outcomes, CutoffPolicy policy) {
        List<String> columns = policy.outcomeIds();
        Map<String, Map<String, Map<String, long[]>>> tree = new TreeMap<>();
        for (Outcome o : outcomes) {
            long[] c = tree.computeIfAbsent(o.region(), k -> new TreeMap<>())
                    .computeIfAbsent(o.school(), k -> new TreeMap<>())
                    .computeIfAbsent(o.grade(), k -> new long[columns.size()]);
            c[columns.indexOf(o.outcome())]++;
        }
        CountTable t = new CountTable(columns);
        tree.forEach((region, schools) -> {
            int ri = t.add(
                    "region " + region,
                    -1,
                    sum(
                            schools.values().stream()
                                    .flatMap(g -> g.values().stream())
                                    .toList(),
                            columns.size()));
            schools.forEach((school, grades) -> {
                int si = t.add("school " + school, ri, sum(List.copyOf(grades.values()), columns.size()));
                grades.forEach((grade, c) -> t.add("grade " + grade, si, c));
            });
        });
        return t;
    }

    private static long[] sum(List<long[]> rows, int n) {
        long[] s = new long[n];
        for (long[] r : rows) {
            for (int i = 0; i < n; i++) {
                s[i] += r[i];
            }
        }
        return s;
    }

    /**
     * Writes a simulation as {@code transitions.csv}, {@code counts.csv}, {@code movers.csv} (hidden
     * counts as {@code <k}; text cells spreadsheet-safe) and all of it in {@code simulation.json}.
     *
     * @param s the simulation
     * @param dir the folder (created)
     * @param minCell the smallest count published, as the hidden cells say it
     * @return the files written
     * @throws IOException when a file cannot be written
     */
    public static List<Path> write(Simulation s, Path dir, int minCell) throws IOException {
        return SimulationFiles.write(s, dir, minCell);
    }
}
