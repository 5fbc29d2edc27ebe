package org.psyscreen.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.psyscreen.definition.CriticalItem;
import org.psyscreen.definition.Ids;
import org.psyscreen.definition.InstrumentDefinition;
import org.psyscreen.definition.MissingRule;
import org.psyscreen.definition.Numbers;
import org.psyscreen.definition.Scale;
import org.psyscreen.definition.ValidityCheck;
import org.psyscreen.definition.ValueBasis;

/** The readable text of a compiled plan ({@link ScoringPlan#describe()}): what was compiled, in order. */
final class PlanText {
    private PlanText() {}

    static String describe(ScoringPlan plan) {
        StringBuilder sb = new StringBuilder();
        InstrumentDefinition d = plan.definition;
        sb.append("plan ")
                .append(d.key())
                .append(" — ")
                .append(d.name().en())
                .append(" / ")
                .append(d.name().zh())
                .append('\n');
        sb.append("licence: ").append(Ids.word(d.licence().status())).append('\n');
        sb.append("items (").append(plan.codes.length).append("):\n");
        for (int i = 0; i < plan.codes.length; i++) {
            sb.append(String.format(
                    Locale.ROOT, "  #%-3d %-12s", i, d.items().get(i).id()));
            sb.append("codes ");
            for (int k = 0; k < plan.codes[i].length; k++) {
                sb.append(k == 0 ? "" : " ")
                        .append(plan.codes[i][k])
                        .append('=')
                        .append(plan.values[i][k]);
            }
            if (plan.special[i].length > 0) {
                sb.append("; missing codes ").append(String.join(" ", plan.special[i]));
            }
            if (plan.reverse[i]) {
                sb.append("; reversed: keyed = ")
                        .append(plan.min[i] + plan.max[i])
                        .append(" - raw");
            }
            sb.append('\n');
        }
        sb.append("scales (evaluation order):\n");
        for (int s : plan.evalOrder) {
            Scale scale = d.scales().get(s);
            int n = plan.memberStart[s + 1] - plan.memberStart[s];
            sb.append("  ")
                    .append(scale.id())
                    .append(" = ")
                    .append(scale.aggregate().name().toLowerCase(Locale.ROOT))
                    .append(plan.derived[s] ? " of scales [" : " of items [");
            List<String> names = new ArrayList<>();
            for (int m = plan.memberStart[s]; m < plan.memberStart[s + 1]; m++) {
                names.add(
                        plan.derived[s]
                                ? d.scales().get(plan.members[m]).id()
                                : d.items().get(plan.members[m]).id());
            }
            sb.append(String.join(" ", names))
                    .append(scale.required() ? "]" : "] (optional: does not make the form INCOMPLETE)")
                    .append('\n');
            if (!scale.reverse().isEmpty()) {
                sb.append("      reversed in this scale only: ")
                        .append(String.join(" ", scale.reverse()))
                        .append(" (keyed = min + max - raw here; forward elsewhere)\n");
            }
            MissingRule rule = scale.missing();
            sb.append("      missing: at most ")
                    .append(plan.allowedMissing[s])
                    .append(" of ")
                    .append(n)
                    .append(plan.derived[s] ? " components" : " items");
            if (rule.prorate()) {
                sb.append("; prorate to ").append(n).append(", rounding ").append(Ids.word(rule.rounding()));
            } else {
                sb.append("; no proration");
            }
            sb.append('\n');
            if (scale.decimals() != null) {
                sb.append("      printed with ").append(scale.decimals()).append(" decimal(s), half-up\n");
            }
            if (scale.bands() != null) {
                sb.append("      severity levels (")
                        .append(scale.bands().source())
                        .append("):");
                for (var level : scale.bands().levels()) {
                    sb.append(' ').append(level.id()).append(" from ").append(Numbers.format(level.from()));
                }
                sb.append('\n');
            }
            if (scale.reliability() != null) {
                var r = scale.reliability();
                sb.append("      reliability: ")
                        .append(Ids.word(r.kind()))
                        .append(' ')
                        .append(r.coefficient())
                        .append(", SD ")
                        .append(r.sd())
                        .append(" (")
                        .append(r.source())
                        .append("): reliable change index available\n");
            }
        }
        sb.append("validity checks (").append(d.validity().size()).append("):\n");
        for (int v = 0; v < d.validity().size(); v++) {
            ValidityCheck c = d.validity().get(v);
            sb.append("  ").append(c.id()).append(": ");
            switch (c.kind()) {
                case LIE_SCALE -> sb.append("lie scale ").append(c.scale());
                case INCONSISTENT_PAIRS -> {
                    sb.append("pairs");
                    pairs(sb, d, plan.validityItems[v]);
                    sb.append(" inconsistent when keyed difference > ")
                            .append(c.maxDifference())
                            .append("; count");
                }
                case LONGEST_RUN ->
                    sb.append("longest run of identical answers over ")
                            .append(plan.validityItems[v].length)
                            .append(" items");
                case RESPONSE_VARIABILITY ->
                    sb.append("standard deviation of the raw answers over ")
                            .append(plan.validityItems[v].length)
                            .append(" items");
                case SYNONYMS -> {
                    sb.append("correlation of the keyed pairs");
                    pairs(sb, d, plan.validityItems[v]);
                }
                case EVEN_ODD ->
                    sb.append("even-odd consistency (negated Spearman-Brown) over ")
                            .append(String.join(", ", c.scales()));
                case RESPONSE_TIME -> sb.append("seconds per answered item over the sitting");
                case MAHALANOBIS ->
                    sb.append("Mahalanobis D2 of ")
                            .append(plan.validityItems[v].length)
                            .append(" keyed items against a sample of ")
                            .append(c.reference().n());
            }
            sb.append(" ").append(c.invalidWhen()).append(" -> INVALID\n");
        }
        sb.append("critical items (").append(d.critical().size()).append("), evaluated first and always:\n");
        for (int k = 0; k < d.critical().size(); k++) {
            CriticalItem ci = d.critical().get(k);
            int item = plan.criticalItem[k];
            List<String> positive = new ArrayList<>();
            for (int raw : plan.values[item]) {
                int v = ci.on() == ValueBasis.RAW ? raw : plan.keyed(item, raw);
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

    /** Appends {@code " a~b c~d"} for pairs flattened as (a, b, c, d). */
    private static void pairs(StringBuilder sb, InstrumentDefinition d, int[] flat) {
        for (int p = 0; p < flat.length; p += 2) {
            sb.append(' ')
                    .append(d.items().get(flat[p]).id())
                    .append('~')
                    .append(d.items().get(flat[p + 1]).id());
        }
    }
}
