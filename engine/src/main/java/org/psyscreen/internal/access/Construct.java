package org.psyscreen.internal.access;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.psyscreen.definition.Citation;
import org.psyscreen.definition.LocalizedText;
import org.psyscreen.norm.NormTable;
import org.psyscreen.norm.NormTableDefinition;
import org.psyscreen.score.FormStatus;
import org.psyscreen.score.ScoredResponse;
import org.psyscreen.score.StatusReason;
import org.psyscreen.tier.DeclarativePolicy;
import org.psyscreen.tier.FollowUp;
import org.psyscreen.tier.PolicyRule;
import org.psyscreen.tier.Tier;

/**
 * How the engine's own compiler and loaders build values whose constructors take unchecked input
 * (a scored form's raw arrays, a policy or norm table that passed the loader's checks). The
 * constructors are package-private; each class registers its factory here when it is initialised.
 * This package is not exported, so no code outside the engine can build them unchecked (the JDK's
 * "shared secrets" pattern).
 */
public final class Construct {
    /** Builds a {@link ScoredResponse} from a plan's arrays. */
    @FunctionalInterface
    public interface ScoredResponses {
        ScoredResponse create(
                String instrumentKey,
                List<String> itemIds,
                List<String> scaleIds,
                List<String> criticalIds,
                List<String> validityIds,
                byte[] itemState,
                int[] itemRaw,
                double[] scaleValue,
                int[] scaleAnswered,
                int[] scaleMissing,
                boolean[] scaleProrated,
                byte[] critical,
                double[] validityMeasure,
                boolean[] validityFired,
                FormStatus status,
                List<StatusReason> reasons,
                List<org.psyscreen.definition.SeverityBands> bands);
    }

    /** Builds a {@link DeclarativePolicy} that passed every check. */
    @FunctionalInterface
    public interface DeclarativePolicies {
        DeclarativePolicy create(
                String id,
                String version,
                LocalizedText name,
                boolean example,
                String region,
                LocalizedText regionName,
                LocalDate effectiveFrom,
                LocalDate effectiveTo,
                List<String> instrumentKeys,
                List<Tier> tiers,
                Map<FollowUp, Tier> followUps,
                List<PolicyRule> rules,
                List<Citation> citations,
                Map<String, List<String>> caseRoles,
                String sha256);
    }

    /** Builds a {@link NormTable} that passed every check. */
    @FunctionalInterface
    public interface NormTables {
        NormTable create(NormTableDefinition definition, String sha256);
    }

    private static volatile ScoredResponses scoredResponses;
    private static volatile DeclarativePolicies declarativePolicies;
    private static volatile NormTables normTables;

    private Construct() {}

    public static void register(ScoredResponses f) {
        scoredResponses = f;
    }

    public static void register(DeclarativePolicies f) {
        declarativePolicies = f;
    }

    public static void register(NormTables f) {
        normTables = f;
    }

    public static ScoredResponses scoredResponses() {
        if (scoredResponses == null) {
            init(ScoredResponse.class);
        }
        return scoredResponses;
    }

    public static DeclarativePolicies declarativePolicies() {
        if (declarativePolicies == null) {
            init(DeclarativePolicy.class);
        }
        return declarativePolicies;
    }

    public static NormTables normTables() {
        if (normTables == null) {
            init(NormTable.class);
        }
        return normTables;
    }

    /**
     * Runs the class's static initialiser, which registers its factory; only while the factory is
     * missing (a scored form is built per record, and {@code Class.forName} on every one was 6% of a
     * wide batch's CPU).
     */
    private static void init(Class<?> c) {
        try {
            Class.forName(c.getName(), true, c.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
