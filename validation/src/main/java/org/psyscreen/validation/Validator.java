package org.psyscreen.validation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.psyscreen.batch.BatchOptions;
import org.psyscreen.batch.BatchScorer;
import org.psyscreen.definition.Numbers;
import org.psyscreen.definition.ResponseCode;
import org.psyscreen.diagnostic.Problems;
import org.psyscreen.load.MappingLoader;
import org.psyscreen.norm.NormResult;
import org.psyscreen.norm.NormTable;
import org.psyscreen.plan.ScoringPlan;
import org.psyscreen.score.AnswerState;
import org.psyscreen.score.FormStatus;
import org.psyscreen.score.ScoredResponse;
import org.psyscreen.student.Sex;
import org.psyscreen.tier.Condition;
import org.psyscreen.tier.CutoffPolicy;
import org.psyscreen.tier.DeclarativePolicy;
import org.psyscreen.tier.PolicyRule;
import org.psyscreen.tier.RuleFiring;
import org.psyscreen.tier.TierDecision;

/**
 * Validates one instrument on a sample: reads the response file through the batch's reading (so
 * encodings, mappings and value recoding are the same as for scoring), scores every record with the
 * engine, and computes item statistics, reliability, DIF by sex, the sample against norm tables, and
 * conformance of a vendor's scores.
 */
public final class Validator {
    private Validator() {}

    /**
     * What to validate.
     *
     * @param plan the instrument
     * @param norms norm tables of the instrument to compare the sample with (may be empty)
     * @param policy a policy whose cut-offs on this instrument are compared with the norms, and whose
     *     tiers the vendor's file is compared with; or {@code null}
     * @param policyPlans the plans the policy needs (the instrument among them), or empty
     * @param mapping the response file's mapping, or {@code null}
     * @param vendorScores the vendor's scored file, or {@code null}
     */
    public record Request(
            ScoringPlan plan,
            List<NormTable> norms,
            CutoffPolicy policy,
            Map<String, ScoringPlan> policyPlans,
            MappingLoader.HeaderMapping mapping,
            Path vendorScores) {}

    /** Thrown when the sample cannot be read; the problems say where and how to fix it. */
    public static final class SampleRefused extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Problems problems;

        SampleRefused(Problems problems) {
            super("the sample cannot be read");
            this.problems = problems;
        }

        /** {@return the sample's file problems, at least one of them an error} */
        public Problems problems() {
            return problems;
        }
    }

    /**
     * Validates an instrument on a sample: each scale's reliability (alpha, omega), items that look
     * mis-keyed, differential item functioning by sex, the sample against the norm tables and the
     * policy's cut-offs, and a vendor's scores against psyscreen's.
     *
     * @param sample the response file (CSV, JSON Lines or .xlsx)
     * @param request what to validate
     * @return the report
     * @throws IOException when the sample or the vendor's file cannot be read
     * @throws SampleRefused when the sample cannot be scored (the problems say where and why)
     */
    public static ValidationReport validate(Path sample, Request request) throws IOException, SampleRefused {
        ScoringPlan plan = request.plan();
        String id = plan.definition().id();
        Map<String, ScoringPlan> plans = request.policy() == null ? Map.of(id, plan) : request.policyPlans();
        Map<String, NormTable> norms = new LinkedHashMap<>();
        request.norms().forEach(t -> norms.put(t.definition().id(), t));
        BatchOptions options = BatchOptions.builder(plans, request.policy())
                .norms(norms)
                .threads(1)
                .build();
        if (request.mapping() != null) {
            options = options.toBuilder().mapping(request.mapping()).build();
        }
        int scales = plan.scaleIds().size();
        // Per scale: its items, and for each the item scale whose keying applies (a derived scale, such
        // as SCARED's total of five subscales, is analysed on the union of its components' items).
        int[][] members = new int[scales][];
        int[][] keyScale = new int[scales][];
        int[][] keyMember = new int[scales][];
        for (int s = 0; s < scales; s++) {
            List<int[]> flat = new ArrayList<>();
            flatten(plan, s, flat, new java.util.HashSet<>());
            members[s] = flat.stream().mapToInt(f -> f[0]).toArray();
            keyScale[s] = flat.stream().mapToInt(f -> f[1]).toArray();
            keyMember[s] = flat.stream().mapToInt(f -> f[2]).toArray();
        }
        List<List<double[]>> complete = new ArrayList<>();
        List<List<Boolean>> girls = new ArrayList<>();
        long[][] missing = new long[scales][];
        for (int s = 0; s < scales; s++) {
            complete.add(new ArrayList<>());
            girls.add(new ArrayList<>());
            missing[s] = new long[members[s].length];
        }
        long[] counts = new long[3]; // records, administered, with the instrument's form
        Map<String, List<String>> normGroups = new LinkedHashMap<>();
        Map<String, List<double[]>> normScores = new LinkedHashMap<>();
        norms.keySet().forEach(t -> {
            normGroups.put(t, new ArrayList<>());
            normScores.put(t, new ArrayList<>());
        });
        Map<Long, Conformance.Ours> ours = new HashMap<>();
        Problems problems = new BatchScorer(options).screenEach(sample, rec -> {
            counts[0]++;
            ScoredResponse form = rec.result().forms().get(id);
            if (form == null) {
                return;
            }
            counts[1]++;
            boolean administered = form.status() != FormStatus.NOT_ADMINISTERED;
            Sex sex = rec.result().profile().sex();
            for (int s = 0; s < scales; s++) {
                int[] items = members[s];
                if (items.length == 0 || !administered) {
                    continue;
                }
                double[] row = new double[items.length];
                boolean all = true;
                for (int m = 0; m < items.length; m++) {
                    if (form.answerState(items[m]) == AnswerState.ANSWERED) {
                        row[m] = plan.keyedValue(keyScale[s][m], keyMember[s][m], form.rawValueAt(items[m]));
                    } else {
                        all = false;
                        missing[s][m]++;
                    }
                }
                if (all) {
                    complete.get(s).add(row);
                    girls.get(s).add(sex == null ? null : sex == Sex.FEMALE);
                }
            }
            if (administered) {
                counts[2]++;
            }
            for (var t : norms.entrySet()) {
                NormResult r = rec.result().norms().get(t.getKey());
                if (r instanceof NormResult.Normed n) {
                    normGroups.get(t.getKey()).add(n.groupId());
                    normScores.get(t.getKey()).add(new double[] {n.raw(), n.t()});
                } else if (r instanceof NormResult.NoNorm n && n.reason() != NormResult.Reason.SCALE_NOT_SCORED) {
                    double raw = form.scale(t.getValue().definition().scale()).value();
                    normGroups.get(t.getKey()).add(null);
                    normScores.get(t.getKey()).add(new double[] {raw, Double.NaN});
                }
            }
            if (request.vendorScores() != null) {
                ours.put(rec.record(), ours(plan, form, rec.result().decision().orElse(null)));
            }
        });
        if (problems.hasErrors()) {
            throw new SampleRefused(problems);
        }
        List<ScaleAnalysis> analyses = new ArrayList<>();
        List<ValidationReport.Dif> dif = new ArrayList<>();
        for (int s = 0; s < scales; s++) {
            if (members[s].length < 2) {
                continue;
            }
            List<String> itemIds = new ArrayList<>();
            int[] min = new int[members[s].length];
            int[] max = new int[members[s].length];
            double[] rate = new double[members[s].length];
            for (int m = 0; m < members[s].length; m++) {
                int item = members[s][m];
                itemIds.add(plan.itemIds().get(item));
                int[] range = range(plan, item);
                int a = plan.keyedValue(keyScale[s][m], keyMember[s][m], range[0]);
                int b = plan.keyedValue(keyScale[s][m], keyMember[s][m], range[1]);
                min[m] = Math.min(a, b);
                max[m] = Math.max(a, b);
                rate[m] = counts[2] == 0 ? Double.NaN : (double) missing[s][m] / counts[2];
            }
            double[][] x = complete.get(s).toArray(double[][]::new);
            if (x.length < 3) {
                continue;
            }
            ScaleAnalysis a = ScaleAnalysis.of(plan.scaleIds().get(s), itemIds, x, min, max, rate);
            analyses.add(a);
            dif.add(dif(plan.scaleIds().get(s), itemIds, x, min, girls.get(s)));
        }
        List<NormComparison> comparisons = new ArrayList<>();
        for (var t : norms.entrySet()) {
            List<double[]> sc = normScores.get(t.getKey());
            double[] raw = sc.stream().mapToDouble(v -> v[0]).toArray();
            double[] tScores = sc.stream().mapToDouble(v -> v[1]).toArray();
            comparisons.add(NormComparison.of(
                    t.getValue(),
                    normGroups.get(t.getKey()),
                    raw,
                    tScores,
                    cutoffs(request.policy(), id, t.getValue())));
        }
        Conformance conformance =
                request.vendorScores() == null ? null : Conformance.compare(request.vendorScores(), ours);
        return new ValidationReport(
                plan.key(),
                plan.sha256(),
                sample.getFileName().toString(),
                counts[0],
                counts[2],
                request.policy() == null ? null : request.policy().key(),
                analyses,
                dif,
                comparisons,
                conformance);
    }

    /** {item, item scale, member} for every item a scale sums, components' items for a derived scale. */
    private static void flatten(ScoringPlan plan, int scale, List<int[]> out, java.util.Set<Integer> seen) {
        int[] items = plan.scaleItems(scale);
        if (items.length > 0) {
            for (int m = 0; m < items.length; m++) {
                if (seen.add(items[m])) {
                    out.add(new int[] {items[m], scale, m});
                }
            }
            return;
        }
        for (String component : plan.definition().scales().get(scale).of()) {
            flatten(plan, plan.scaleIds().indexOf(component), out, seen);
        }
    }

    /** The lowest and highest value of an item's response codes. */
    private static int[] range(ScoringPlan plan, int item) {
        var def = plan.definition();
        var codes =
                def.responseSet(def.items().get(item).responses()).orElseThrow().codes();
        int lo = Integer.MAX_VALUE;
        int hi = Integer.MIN_VALUE;
        for (ResponseCode c : codes) {
            lo = Math.min(lo, c.value());
            hi = Math.max(hi, c.value());
        }
        return new int[] {lo, hi};
    }

    /** Mantel–Haenszel by sex for every item of a scale, on respondents with a known sex. */
    private static ValidationReport.Dif dif(
            String scale, List<String> items, double[][] x, int[] min, List<Boolean> girls) {
        List<Integer> known = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            if (girls.get(i) != null) {
                known.add(i);
            }
        }
        int n = known.size();
        long girlCount = known.stream().filter(girls::get).count();
        if (girlCount == 0 || girlCount == n) {
            return new ValidationReport.Dif(scale, List.of(), "not computed: the sample needs both girls and boys");
        }
        boolean[] focal = new boolean[n];
        int[] total = new int[n];
        for (int i = 0; i < n; i++) {
            focal[i] = girls.get(known.get(i));
            double t = 0;
            for (double v : x[known.get(i)]) {
                t += v;
            }
            total[i] = (int) Math.round(t);
        }
        List<MantelHaenszel> out = new ArrayList<>();
        for (int j = 0; j < items.size(); j++) {
            boolean[] endorsed = new boolean[n];
            for (int i = 0; i < n; i++) {
                endorsed[i] = x[known.get(i)][j] > min[j];
            }
            out.add(MantelHaenszel.of(items.get(j), endorsed, focal, total));
        }
        return new ValidationReport.Dif(scale, out, null);
    }

    /** The policy's cut-offs on the table's scale: simple comparisons on the raw score or on T. */
    private static List<NormComparison.Cutoff> cutoffs(CutoffPolicy policy, String instrument, NormTable table) {
        List<NormComparison.Cutoff> out = new ArrayList<>();
        if (!(policy instanceof DeclarativePolicy p)) {
            return out;
        }
        for (PolicyRule rule : p.rules()) {
            for (Condition.ScaleCompare sc : Condition.cutoffs(rule.when())) {
                if (!sc.instrument().equals(instrument)
                        || !sc.scale().equals(table.definition().scale())) {
                    continue;
                }
                if (sc.basis() == Condition.Basis.RAW) {
                    out.add(new NormComparison.Cutoff(rule.id(), false, sc.op(), sc.value()));
                } else if (sc.basis() == Condition.Basis.T
                        && table.definition().id().equals(sc.normId())) {
                    out.add(new NormComparison.Cutoff(rule.id(), true, sc.op(), sc.value()));
                }
            }
        }
        return out;
    }

    /** psyscreen's values for the columns a vendor's file may carry, and what explains each. */
    private static Conformance.Ours ours(ScoringPlan plan, ScoredResponse form, TierDecision decision) {
        String id = plan.definition().id();
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> why = new LinkedHashMap<>();
        String reasons = form.reasons().isEmpty()
                ? ""
                : " ("
                        + String.join(
                                "; ",
                                form.reasons().stream().map(Object::toString).toList()) + ")";
        values.put(id + ".status", form.status().name());
        why.put(id + ".status", "psyscreen: " + form.status() + reasons);
        for (int s = 0; s < plan.scaleIds().size(); s++) {
            double v = form.scaleValue(s);
            String scale = plan.scaleIds().get(s);
            var def = plan.definition().scales().get(s);
            // printed as scores.csv prints it: to the scale's declared decimals
            values.put(id + "." + scale, Double.isNaN(v) ? "" : Numbers.format(v, def.decimals()));
            List<String> reversed = new ArrayList<>();
            for (String item : def.items()) {
                boolean itemReversed =
                        plan.definition().items().stream().anyMatch(i -> i.id().equals(item) && i.reverse());
                if (itemReversed != def.reverses(item)) {
                    reversed.add(item);
                }
            }
            why.put(
                    id + "." + scale,
                    "psyscreen: " + def.aggregate().name().toLowerCase(java.util.Locale.ROOT) + " of "
                            + (def.derived() ? "scales " + def.of() : "items " + def.items())
                            + (reversed.isEmpty() ? "" : ", keyed reversed (min + max - raw): " + reversed)
                            + "; missing: " + missingRule(def.missing()) + "; form " + form.status() + reasons);
        }
        if (decision != null) {
            values.put("tier", decision.outcomeId());
            List<String> fired = new ArrayList<>();
            for (RuleFiring f : decision.fired()) {
                fired.add(f.ruleId() + " ("
                        + String.join(
                                ", ",
                                f.readings().stream().map(Object::toString).toList()) + ")");
            }
            why.put(
                    "tier",
                    "psyscreen: " + (fired.isEmpty() ? "no rule fired" : "fired " + String.join("; ", fired))
                            + (decision.followUps().isEmpty() ? "" : "; follow-ups " + decision.followUps())
                            + " under " + decision.policyKey());
        }
        return new Conformance.Ours(values, why);
    }

    private static String missingRule(org.psyscreen.definition.MissingRule m) {
        String limit =
                m.maxMissing() != null ? "at most " + m.maxMissing() : "at most a fraction " + m.maxMissingFraction();
        return limit + (m.prorate() ? ", prorated" : ", not prorated");
    }
}
