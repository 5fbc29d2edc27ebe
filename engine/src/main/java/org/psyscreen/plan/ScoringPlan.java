package org.psyscreen.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.psyscreen.definition.CriticalItem;
import org.psyscreen.definition.InstrumentDefinition;
import org.psyscreen.definition.MissingRule;
import org.psyscreen.definition.Numbers;
import org.psyscreen.definition.Scale;
import org.psyscreen.definition.ValidityCheck;

/**
 * An instrument definition compiled into flat tables. Immutable and thread-safe: one plan serves
 * every thread. Items, scales, critical items and validity checks are addressed by their index in
 * the definition.
 *
 * <p>{@link #describe()} prints a stable text of what the plan does; golden tests compare it so a
 * reviewer sees what a definition change did.
 */
public final class ScoringPlan {
    final InstrumentDefinition definition;
    final String sha256;

    // Items: answer codes and the values they score as, per item (short arrays, scanned linearly).
    final String[][] codes;
    final int[][] values;
    final String[][] special;
    final int[] min;
    final int[] max;
    final boolean[] reverse;

    // Scales in CSR form: members of scale s are members[memberStart[s] .. memberStart[s+1]).
    final int[] memberStart;
    final int[] members;
    final boolean[] derived;
    final int[] allowedMissing;
    /** Item scales first, then derived scales after their components. */
    final int[] evalOrder;

    final int[] criticalItem;
    final int[] validityScale;
    /** Pairs flattened (a0, b0, a1, b1, ...) or run items, per validity check. */
    final int[][] validityItems;

    ScoringPlan(
            InstrumentDefinition definition,
            String sha256,
            String[][] codes,
            int[][] values,
            String[][] special,
            int[] min,
            int[] max,
            boolean[] reverse,
            int[] memberStart,
            int[] members,
            boolean[] derived,
            int[] allowedMissing,
            int[] evalOrder,
            int[] criticalItem,
            int[] validityScale,
            int[][] validityItems) {
        this.definition = definition;
        this.sha256 = sha256;
        this.codes = codes;
        this.values = values;
        this.special = special;
        this.min = min;
        this.max = max;
        this.reverse = reverse;
        this.memberStart = memberStart;
        this.members = members;
        this.derived = derived;
        this.allowedMissing = allowedMissing;
        this.evalOrder = evalOrder;
        this.criticalItem = criticalItem;
        this.validityScale = validityScale;
        this.validityItems = validityItems;
    }

    /** The checked definition this plan was compiled from. */
    public InstrumentDefinition definition() {
        return definition;
    }

    /** {@code id@version} of the instrument. */
    public String key() {
        return definition.key();
    }

    /** SHA-256 of the definition file, or empty for a definition built in code. */
    public String sha256() {
        return sha256;
    }

    /** Number of items. */
    public int itemCount() {
        return codes.length;
    }

    /** Item ids in form order; index i is item i. */
    public List<String> itemIds() {
        return definition.items().stream().map(i -> i.id()).toList();
    }

    /** Scale ids in declaration order; index s is scale s. */
    public List<String> scaleIds() {
        return definition.scales().stream().map(s -> s.id()).toList();
    }

    /** Critical-item ids in declaration order. */
    public List<String> criticalIds() {
        return definition.critical().stream().map(c -> c.id()).toList();
    }

    /** Validity-check ids in declaration order. */
    public List<String> validityIds() {
        return definition.validity().stream().map(v -> v.id()).toList();
    }

    /** Index of an item id, or -1. */
    public int itemIndex(String id) {
        for (int i = 0; i < codes.length; i++) {
            if (definition.items().get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /** Keyed value of a raw value of item i. */
    int keyed(int item, int raw) {
        return reverse[item] ? min[item] + max[item] - raw : raw;
    }

    /**
     * A stable, readable text of the compiled plan: items with their codes and keying, scales in
     * evaluation order with their missing-data rules, validity checks and critical items. Uses no
     * locale-dependent formatting.
     */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        InstrumentDefinition d = definition;
        sb.append("plan ")
                .append(d.key())
                .append(" — ")
                .append(d.name().en())
                .append(" / ")
                .append(d.name().zh())
                .append('\n');
        sb.append("licence: ")
                .append(d.licence().status().name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .append('\n');
        sb.append("items (").append(codes.length).append("):\n");
        for (int i = 0; i < codes.length; i++) {
            sb.append(String.format(
                    Locale.ROOT, "  #%-3d %-12s", i, d.items().get(i).id()));
            sb.append("codes ");
            for (int k = 0; k < codes[i].length; k++) {
                sb.append(k == 0 ? "" : " ").append(codes[i][k]).append('=').append(values[i][k]);
            }
            if (special[i].length > 0) {
                sb.append("; missing codes ").append(String.join(" ", special[i]));
            }
            if (reverse[i]) {
                sb.append("; reversed: keyed = ").append(min[i] + max[i]).append(" - raw");
            }
            sb.append('\n');
        }
        sb.append("scales (evaluation order):\n");
        for (int s : evalOrder) {
            Scale scale = d.scales().get(s);
            int n = memberStart[s + 1] - memberStart[s];
            sb.append("  ")
                    .append(scale.id())
                    .append(" = ")
                    .append(scale.aggregate().name().toLowerCase(Locale.ROOT))
                    .append(derived[s] ? " of scales [" : " of items [");
            List<String> names = new ArrayList<>();
            for (int m = memberStart[s]; m < memberStart[s + 1]; m++) {
                names.add(
                        derived[s]
                                ? d.scales().get(members[m]).id()
                                : d.items().get(members[m]).id());
            }
            sb.append(String.join(" ", names))
                    .append(scale.required() ? "]" : "] (optional: does not make the form INCOMPLETE)")
                    .append('\n');
            MissingRule rule = scale.missing();
            sb.append("      missing: at most ")
                    .append(allowedMissing[s])
                    .append(" of ")
                    .append(n)
                    .append(derived[s] ? " components" : " items");
            if (rule.prorate()) {
                sb.append("; prorate to ")
                        .append(n)
                        .append(", rounding ")
                        .append(rule.rounding().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            } else {
                sb.append("; no proration");
            }
            sb.append('\n');
        }
        sb.append("validity checks (").append(d.validity().size()).append("):\n");
        for (int v = 0; v < d.validity().size(); v++) {
            ValidityCheck c = d.validity().get(v);
            sb.append("  ").append(c.id()).append(": ");
            switch (c.kind()) {
                case LIE_SCALE -> sb.append("lie scale ").append(c.scale());
                case INCONSISTENT_PAIRS -> {
                    sb.append("pairs");
                    for (int p = 0; p < validityItems[v].length; p += 2) {
                        sb.append(' ')
                                .append(d.items().get(validityItems[v][p]).id())
                                .append('~')
                                .append(d.items().get(validityItems[v][p + 1]).id());
                    }
                    sb.append(" inconsistent when keyed difference > ")
                            .append(c.maxDifference())
                            .append("; count");
                }
                case LONGEST_RUN ->
                    sb.append("longest run of identical answers over ")
                            .append(validityItems[v].length)
                            .append(" items");
            }
            sb.append(" ").append(c.invalidWhen()).append(" -> INVALID\n");
        }
        sb.append("critical items (").append(d.critical().size()).append("), evaluated first and always:\n");
        for (int k = 0; k < d.critical().size(); k++) {
            CriticalItem ci = d.critical().get(k);
            int item = criticalItem[k];
            List<String> positive = new ArrayList<>();
            for (int raw : values[item]) {
                int v = ci.on() == org.psyscreen.definition.ValueBasis.RAW ? raw : keyed(item, raw);
                if (ci.when().test(v)) {
                    positive.add(Numbers.format(raw));
                }
            }
            sb.append("  ")
                    .append(ci.id())
                    .append(": ")
                    .append(ci.item())
                    .append(' ')
                    .append(ci.on().name().toLowerCase(Locale.ROOT))
                    .append(' ')
                    .append(ci.when())
                    .append(" (positive for raw values ")
                    .append(String.join(" ", positive))
                    .append(") — ")
                    .append(ci.meaning().en())
                    .append('\n');
        }
        return sb.toString();
    }
}
