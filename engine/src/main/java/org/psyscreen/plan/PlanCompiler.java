package org.psyscreen.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.psyscreen.definition.CriticalItem;
import org.psyscreen.definition.InstrumentDefinition;
import org.psyscreen.definition.Item;
import org.psyscreen.definition.ResponseSet;
import org.psyscreen.definition.Scale;
import org.psyscreen.definition.ValidityCheck;
import org.psyscreen.diagnostic.DefinitionException;
import org.psyscreen.internal.check.DefinitionCheck;

/**
 * Compiles a definition into a {@link ScoringPlan}. Compilation re-runs every check, so a
 * definition built in code gets the same protection as one loaded from a file.
 */
public final class PlanCompiler {
    private PlanCompiler() {}

    /**
     * Compiles a definition that was loaded from a file.
     *
     * @param def the definition
     * @param sha256 SHA-256 of the file it came from (recorded in every explanation)
     * @return the compiled plan
     * @throws DefinitionException when the definition has errors
     */
    public static ScoringPlan compile(InstrumentDefinition def, String sha256) {
        DefinitionChecks.requireValid(def);
        Map<String, Integer> itemIndex = new HashMap<>();
        for (int i = 0; i < def.items().size(); i++) {
            itemIndex.put(def.items().get(i).id(), i);
        }
        Map<String, Integer> scaleIndex = new HashMap<>();
        for (int s = 0; s < def.scales().size(); s++) {
            scaleIndex.put(def.scales().get(s).id(), s);
        }

        int n = def.items().size();
        String[][] codes = new String[n][];
        int[][] values = new int[n][];
        String[][] special = new String[n][];
        int[] min = new int[n];
        int[] max = new int[n];
        boolean[] reverse = new boolean[n];
        for (int i = 0; i < n; i++) {
            Item item = def.items().get(i);
            ResponseSet set = def.responseSet(item.responses()).orElseThrow();
            codes[i] = set.codes().stream().map(c -> c.code()).toArray(String[]::new);
            values[i] = set.codes().stream().mapToInt(c -> c.value()).toArray();
            special[i] = set.special().stream().map(c -> c.code()).toArray(String[]::new);
            min[i] = set.minValue();
            max[i] = set.maxValue();
            reverse[i] = item.reverse();
        }

        int sc = def.scales().size();
        int[] memberStart = new int[sc + 1];
        List<Integer> members = new ArrayList<>();
        List<Boolean> flips = new ArrayList<>();
        boolean[] derived = new boolean[sc];
        int[] allowedMissing = new int[sc];
        for (int s = 0; s < sc; s++) {
            Scale scale = def.scales().get(s);
            memberStart[s] = members.size();
            derived[s] = scale.derived();
            List<String> ids = derived[s] ? scale.of() : scale.items();
            for (String id : ids) {
                members.add(derived[s] ? scaleIndex.get(id) : itemIndex.get(id));
                flips.add(!derived[s] && scale.reverses(id));
            }
            allowedMissing[s] = scale.missing().maxMissing() != null
                    ? scale.missing().maxMissing()
                    : (int) Math.floor(scale.missing().maxMissingFraction() * ids.size() + 1e-9);
        }
        memberStart[sc] = members.size();

        int c = def.critical().size();
        int[] criticalItem = new int[c];
        for (int k = 0; k < c; k++) {
            CriticalItem ci = def.critical().get(k);
            criticalItem[k] = itemIndex.get(ci.item());
        }

        int v = def.validity().size();
        int[] validityScale = new int[v];
        int[][] validityItems = new int[v][];
        for (int k = 0; k < v; k++) {
            ValidityCheck check = def.validity().get(k);
            validityScale[k] = check.scale() == null ? -1 : scaleIndex.get(check.scale());
            switch (check.kind()) {
                case INCONSISTENT_PAIRS, SYNONYMS -> {
                    int[] flat = new int[check.pairs().size() * 2];
                    for (int p = 0; p < check.pairs().size(); p++) {
                        flat[2 * p] = itemIndex.get(check.pairs().get(p).first());
                        flat[2 * p + 1] = itemIndex.get(check.pairs().get(p).second());
                    }
                    validityItems[k] = flat;
                }
                case LONGEST_RUN, RESPONSE_VARIABILITY, MAHALANOBIS ->
                    validityItems[k] = check.items().isEmpty()
                            ? java.util.stream.IntStream.range(0, n).toArray()
                            : check.items().stream().mapToInt(itemIndex::get).toArray();
                case EVEN_ODD ->
                    validityItems[k] =
                            check.scales().stream().mapToInt(scaleIndex::get).toArray();
                case LIE_SCALE, RESPONSE_TIME -> validityItems[k] = new int[0];
            }
        }

        return new ScoringPlan(
                def,
                sha256,
                codes,
                values,
                special,
                min,
                max,
                reverse,
                memberStart,
                members.stream().mapToInt(Integer::intValue).toArray(),
                flipped(flips),
                derived,
                allowedMissing,
                evaluationOrder(def, scaleIndex),
                criticalItem,
                validityScale,
                validityItems);
    }

    private static boolean[] flipped(List<Boolean> flips) {
        boolean[] out = new boolean[flips.size()];
        for (int m = 0; m < out.length; m++) {
            out[m] = flips.get(m);
        }
        return out;
    }

    /**
     * Compiles a definition built in code; its hash is computed from its canonical description.
     *
     * @param def the definition
     * @return the compiled plan
     */
    public static ScoringPlan compile(InstrumentDefinition def) {
        return compile(def, "");
    }

    /** Item scales in declaration order, then derived scales after all their components. */
    private static int[] evaluationOrder(InstrumentDefinition def, Map<String, Integer> scaleIndex) {
        int sc = def.scales().size();
        List<Integer> order = new ArrayList<>();
        boolean[] placed = new boolean[sc];
        for (int s = 0; s < sc; s++) {
            if (!def.scales().get(s).derived()) {
                order.add(s);
                placed[s] = true;
            }
        }
        boolean progress = true;
        while (order.size() < sc && progress) {
            progress = false;
            for (int s = 0; s < sc; s++) {
                if (placed[s]) {
                    continue;
                }
                boolean ready = def.scales().get(s).of().stream().allMatch(id -> placed[scaleIndex.get(id)]);
                if (ready) {
                    order.add(s);
                    placed[s] = true;
                    progress = true;
                }
            }
        }
        if (order.size() != sc) {
            throw new IllegalStateException("cycle in derived scales passed the checks");
        }
        return order.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Bridges to the loader's checks for definitions built in code. */
    static final class DefinitionChecks {
        private DefinitionChecks() {}

        static void requireValid(InstrumentDefinition def) {
            if (org.psyscreen.internal.check.CheckedDefinitions.contains(def)) {
                return; // a loader checked it in full, or bound it from a file stamped as checked
            }
            DefinitionCheck.check(def).ifPresent(p -> {
                throw new DefinitionException(p);
            });
        }
    }
}
