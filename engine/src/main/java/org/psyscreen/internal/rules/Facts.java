package org.psyscreen.internal.rules;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.psyscreen.definition.InstrumentDefinition;
import org.psyscreen.definition.Item;
import org.psyscreen.definition.ResponseCode;
import org.psyscreen.definition.ResponseSet;
import org.psyscreen.definition.Scale;

/** Look-ups shared by the rules, built once per definition. First declaration wins on duplicate ids. */
final class Facts {
    final Map<String, Item> items = new LinkedHashMap<>();
    final Map<String, Integer> itemIndex = new HashMap<>();
    final Map<String, ResponseSet> sets = new LinkedHashMap<>();
    final Map<String, Scale> scales = new LinkedHashMap<>();
    final Map<String, Integer> scaleIndex = new HashMap<>();
    final Map<String, String> citations = new LinkedHashMap<>();

    Facts(InstrumentDefinition d) {
        for (int i = 0; i < d.items().size(); i++) {
            Item it = d.items().get(i);
            items.putIfAbsent(it.id(), it);
            itemIndex.putIfAbsent(it.id(), i);
        }
        d.responseSets().forEach(s -> sets.putIfAbsent(s.id(), s));
        for (int i = 0; i < d.scales().size(); i++) {
            scales.putIfAbsent(d.scales().get(i).id(), d.scales().get(i));
            scaleIndex.putIfAbsent(d.scales().get(i).id(), i);
        }
        d.citations().forEach(c -> citations.putIfAbsent(c.id(), c.text()));
    }

    /** Raw values an item can take, or empty when its response set is unknown. */
    SortedSet<Integer> rawValues(String itemId) {
        SortedSet<Integer> out = new TreeSet<>();
        Item it = items.get(itemId);
        ResponseSet set = it == null ? null : sets.get(it.responses());
        if (set != null) {
            set.codes().stream().map(ResponseCode::value).forEach(out::add);
        }
        return out;
    }

    /** Values after reverse keying. */
    SortedSet<Integer> keyedValues(String itemId) {
        SortedSet<Integer> raw = rawValues(itemId);
        Item it = items.get(itemId);
        if (it == null || !it.reverse() || raw.isEmpty()) {
            return raw;
        }
        int sum = raw.first() + raw.last();
        SortedSet<Integer> out = new TreeSet<>();
        raw.forEach(v -> out.add(sum - v));
        return out;
    }

    /**
     * Lowest and highest value a scale can take, or {@code null} when it cannot be worked out
     * (unknown members or a cycle).
     */
    double[] range(String scaleId) {
        return range(scaleId, 0);
    }

    private double[] range(String scaleId, int depth) {
        Scale s = scales.get(scaleId);
        if (s == null || depth > scales.size()) {
            return null;
        }
        double lo = 0;
        double hi = 0;
        int n = 0;
        if (s.derived()) {
            for (String c : s.of()) {
                double[] r = range(c, depth + 1);
                if (r == null) {
                    return null;
                }
                lo += r[0];
                hi += r[1];
                n++;
            }
        } else {
            for (String i : s.items()) {
                SortedSet<Integer> v = keyedValues(i);
                if (v.isEmpty()) {
                    return null;
                }
                lo += v.first();
                hi += v.last();
                n++;
            }
        }
        return switch (s.aggregate()) {
            case SUM -> new double[] {lo, hi};
            case MEAN -> n == 0 ? null : new double[] {lo / n, hi / n};
        };
    }
}
