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

        /**
         * Told after each chunk is written.
         *
         * @param done records written so far
         * @param total records the file holds
         */
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

        /**
         * Told as publishing reaches a step.
         *
         * @param step {@code staged}, {@code moved-aside}, {@code switched} or {@code cleaned}
         */
        void reached(String step);
    }

    /**
     * Copies the collections and puts the defaults in for {@code null}s.
     *
     * @param plans compiled instruments by id
     * @param policy the tier policy, or {@code null}
     * @param norms norm tables by id
     * @param mapping the header mapping ({@code null}: none)
     * @param pseudonymizer keyed pseudonyms ({@code null}: raw ids)
     * @param threads scoring threads, at least 1
     * @param chunk records per parallel step, at least 1
     * @param progress the progress listener ({@code null}: none)
     * @param policyVersions other versions of the policy
     * @param overwrite whether a previous output may be replaced
     * @param steps the publishing listener ({@code null}: none)
     * @param outputs the optional outputs ({@code null}: all)
     * @throws IllegalArgumentException when threads or chunk is below 1
     */
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

    /**
     * {@return options with the given plans and policy, no norms, mapping or key, all cores}
     *
     * @param plans compiled instruments by id
     * @param policy the tier policy, or {@code null} to score without tiers
     */
    public static BatchOptions of(Map<String, ScoringPlan> plans, CutoffPolicy policy) {
        return builder(plans, policy).build();
    }

    /**
     * {@return a builder of options for {@code plans} and {@code policy}: no norms, mapping or key,
     * all cores, chunks of 2,048 records, every output, no overwriting}
     *
     * @param plans compiled instruments by id
     * @param policy the tier policy, or {@code null} to score without tiers
     */
    public static Builder builder(Map<String, ScoringPlan> plans, CutoffPolicy policy) {
        return new Builder(plans, policy);
    }

    /** {@return a builder holding these options, to change some of them} */
    public Builder toBuilder() {
        Builder b = new Builder(plans, policy);
        b.norms = norms;
        b.mapping = mapping;
        b.pseudonymizer = pseudonymizer;
        b.threads = threads;
        b.chunk = chunk;
        b.progress = progress;
        b.policyVersions = policyVersions;
        b.overwrite = overwrite;
        b.steps = steps;
        b.outputs = outputs;
        return b;
    }

    /** Builds {@link BatchOptions}; every setter returns the builder. */
    public static final class Builder {
        private final Map<String, ScoringPlan> plans;
        private final CutoffPolicy policy;
        private Map<String, NormTable> norms = Map.of();
        private MappingLoader.HeaderMapping mapping;
        private Pseudonymizer pseudonymizer;
        private int threads = Runtime.getRuntime().availableProcessors();
        private int chunk = 2048;
        private Progress progress = Progress.NONE;
        private List<CutoffPolicy> policyVersions = List.of();
        private boolean overwrite;
        private PublishSteps steps = PublishSteps.NONE;
        private Outputs outputs = Outputs.ALL;

        private Builder(Map<String, ScoringPlan> plans, CutoffPolicy policy) {
            this.plans = plans;
            this.policy = policy;
        }

        /**
         * {@return this builder, with norm tables by id that the policy may read}
         *
         * @param n the tables
         */
        public Builder norms(Map<String, NormTable> n) {
            norms = n;
            return this;
        }

        /**
         * {@return this builder, with a mapping (renames, ignored columns, value recoding, school stage)}
         *
         * @param m the mapping
         */
        public Builder mapping(MappingLoader.HeaderMapping m) {
            mapping = m;
            return this;
        }

        /**
         * {@return this builder, with a mapping that only renames headers}
         *
         * @param columns file header to psyscreen's column name
         */
        public Builder mapping(Map<String, String> columns) {
            return mapping(new MappingLoader.HeaderMapping(columns));
        }

        /**
         * {@return this builder, with keyed pseudonyms for student ids ({@code null}: raw ids)}
         *
         * @param p the pseudonymizer
         */
        public Builder pseudonymizer(Pseudonymizer p) {
            pseudonymizer = p;
            return this;
        }

        /**
         * {@return this builder, with a scoring thread count}
         *
         * @param n threads, at least 1
         */
        public Builder threads(int n) {
            threads = n;
            return this;
        }

        /**
         * {@return this builder, with the records scored per parallel step}
         *
         * @param n records, at least 1
         */
        public Builder chunk(int n) {
            chunk = n;
            return this;
        }

        /**
         * {@return this builder, with a progress listener}
         *
         * @param p the listener
         */
        public Builder progress(Progress p) {
            progress = p;
            return this;
        }

        /**
         * {@return this builder, with other versions of the policy, chosen per record by test date}
         *
         * @param v the versions
         */
        public Builder policyVersions(List<CutoffPolicy> v) {
            policyVersions = v;
            return this;
        }

        /**
         * {@return this builder, allowed (or not) to replace a previous psyscreen output}
         *
         * @param replace whether
         */
        public Builder overwrite(boolean replace) {
            overwrite = replace;
            return this;
        }

        /**
         * {@return this builder, told at each publishing step}
         *
         * @param s the listener
         */
        public Builder publishSteps(PublishSteps s) {
            steps = s;
            return this;
        }

        /**
         * {@return this builder, writing only the chosen optional outputs}
         *
         * @param o the outputs
         */
        public Builder outputs(Outputs o) {
            outputs = o;
            return this;
        }

        /**
         * {@return the options}
         *
         * @throws IllegalArgumentException when threads or chunk is below 1
         */
        public BatchOptions build() {
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
                    outputs);
        }
    }
}
