package org.psyscreen.batch;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.psyscreen.load.MappingLoader;
import org.psyscreen.norm.NormTable;
import org.psyscreen.plan.ScoringPlan;
import org.psyscreen.privacy.Pseudonymizer;
import org.psyscreen.tier.CutoffPolicy;

/**
 * What a batch run needs.
 *
 * @param plans compiled instruments by id; every one of them must have all its item columns
 * @param policy the tier policy, or {@code null} to score without tiers
 * @param norms norm tables by id that the policy may read
 * @param mapping how the file's headers map to psyscreen's names, which columns to ignore, how
 *     values are recoded and the school stage
 * @param pseudonymizer keyed pseudonyms for student ids, or {@code null} to output raw ids
 * @param threads scoring threads (output order and bytes never depend on it)
 * @param chunk records scored per parallel step
 * @param progress told after each chunk how many records are done out of how many
 * @param policyVersions other versions of the policy: each decides the records whose test date it
 *     covers (records no version covers are flagged and decided under {@code policy})
 * @param overwrite whether a previous psyscreen output in the output folder may be replaced
 * @param steps told at each step of publishing the output folder
 * @param outputs which optional files are written besides {@code scores.csv} and {@code summary.json}
 */
public record BatchOptions(
        Map<String, ScoringPlan> plans,
        CutoffPolicy policy,
        Map<String, NormTable> norms,
        MappingLoader.HeaderMapping mapping,
        Pseudonymizer pseudonymizer,
        int threads,
        int chunk,
        Progress progress,
        List<CutoffPolicy> policyVersions,
        boolean overwrite,
        PublishSteps steps,
        Outputs outputs) {

    /** Receives progress: records written so far and records in the file. */
    @FunctionalInterface
    public interface Progress {
        /** Says nothing. */
        Progress NONE = (done, total) -> {};

        void update(long done, long total);
    }

    /**
     * The optional outputs: {@code scores.jsonl} (the audit trail: every fired rule and what it read)
     * and {@code rollup.csv}. {@code scores.csv} and {@code summary.json} are always written.
     *
     * @param auditTrail write scores.jsonl
     * @param rollup write rollup.csv (needs a policy)
     */
    public record Outputs(boolean auditTrail, boolean rollup) {
        /** Every output. */
        public static final Outputs ALL = new Outputs(true, true);
    }

    /** Receives the steps of publishing: staged, moved-aside, switched, cleaned. */
    @FunctionalInterface
    public interface PublishSteps {
        /** Says nothing. */
        PublishSteps NONE = step -> {};

        void reached(String step);
    }

    public BatchOptions {
        plans = Map.copyOf(plans);
        norms = Map.copyOf(norms);
        mapping = mapping == null ? new MappingLoader.HeaderMapping(Map.of()) : mapping;
        Objects.requireNonNull(plans);
        progress = progress == null ? Progress.NONE : progress;
        policyVersions = List.copyOf(policyVersions);
        steps = steps == null ? PublishSteps.NONE : steps;
        outputs = outputs == null ? Outputs.ALL : outputs;
        if (threads < 1 || chunk < 1) {
            throw new IllegalArgumentException("threads and chunk must be at least 1");
        }
    }

    /** Options with the given plans and policy, no norms, mapping or key, all cores. */
    public static BatchOptions of(Map<String, ScoringPlan> plans, CutoffPolicy policy) {
        return new BatchOptions(
                plans,
                policy,
                Map.of(),
                null,
                null,
                Runtime.getRuntime().availableProcessors(),
                2048,
                Progress.NONE,
                List.of(),
                false,
                PublishSteps.NONE,
                Outputs.ALL);
    }

    /** {@return a copy with another thread count} */
    public BatchOptions withThreads(int n) {
        return new BatchOptions(
                plans,
                policy,
                norms,
                mapping,
                pseudonymizer,
                n,
                chunk,
                progress,
                policyVersions,
                overwrite,
                steps,
                outputs);
    }

    /** {@return a copy with a pseudonymizer} */
    public BatchOptions withPseudonymizer(Pseudonymizer p) {
        return new BatchOptions(
                plans, policy, norms, mapping, p, threads, chunk, progress, policyVersions, overwrite, steps, outputs);
    }

    /** {@return a copy with norm tables} */
    public BatchOptions withNorms(Map<String, NormTable> n) {
        return new BatchOptions(
                plans,
                policy,
                n,
                mapping,
                pseudonymizer,
                threads,
                chunk,
                progress,
                policyVersions,
                overwrite,
                steps,
                outputs);
    }

    /** {@return a copy with a progress listener} */
    public BatchOptions withProgress(Progress p) {
        return new BatchOptions(
                plans,
                policy,
                norms,
                mapping,
                pseudonymizer,
                threads,
                chunk,
                p,
                policyVersions,
                overwrite,
                steps,
                outputs);
    }

    /** {@return a copy with other versions of the policy, chosen per record by test date} */
    public BatchOptions withPolicyVersions(List<CutoffPolicy> versions) {
        return new BatchOptions(
                plans,
                policy,
                norms,
                mapping,
                pseudonymizer,
                threads,
                chunk,
                progress,
                versions,
                overwrite,
                steps,
                outputs);
    }

    /** {@return a copy that may (or may not) replace a previous psyscreen output in the output folder} */
    public BatchOptions withOverwrite(boolean replace) {
        return new BatchOptions(
                plans,
                policy,
                norms,
                mapping,
                pseudonymizer,
                threads,
                chunk,
                progress,
                policyVersions,
                replace,
                steps,
                outputs);
    }

    /** {@return a copy told at each publishing step} */
    public BatchOptions withPublishSteps(PublishSteps s) {
        return new BatchOptions(
                plans,
                policy,
                norms,
                mapping,
                pseudonymizer,
                threads,
                chunk,
                progress,
                policyVersions,
                overwrite,
                s,
                outputs);
    }

    /** {@return a copy writing only the chosen optional outputs} */
    public BatchOptions withOutputs(Outputs o) {
        return new BatchOptions(
                plans,
                policy,
                norms,
                mapping,
                pseudonymizer,
                threads,
                chunk,
                progress,
                policyVersions,
                overwrite,
                steps,
                o);
    }

    /** {@return a copy with a mapping that only renames headers} */
    public BatchOptions withMapping(Map<String, String> columns) {
        return withMapping(new MappingLoader.HeaderMapping(columns));
    }

    /** {@return a copy with a mapping (renames, ignored columns, value recoding, school stage)} */
    public BatchOptions withMapping(MappingLoader.HeaderMapping m) {
        return new BatchOptions(
                plans,
                policy,
                norms,
                m,
                pseudonymizer,
                threads,
                chunk,
                progress,
                policyVersions,
                overwrite,
                steps,
                outputs);
    }
}
