package org.psyscreen.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.psyscreen.definition.InstrumentDefinition;
import org.psyscreen.definition.Item;
import org.psyscreen.definition.ResponseCode;
import org.psyscreen.definition.ResponseSet;
import org.psyscreen.definition.Scale;
import org.psyscreen.definition.ValidityCheck;

/**
 * A deliberately naive reference scorer for differential tests: no plan, no arrays, no evaluation
 * order computed ahead — it reads the definition and adds up, with maps and recursion, exactly as
 * the rules are written in the definition's documentation. If it and the compiled plan disagree,
 * one of them is wrong.
 */
public final class NaiveScorer {
    /** What the naive scorer finds. Scale values are {@code null} when incomplete. */
    public record Result(
            String status,
            List<String> reasons,
            Map<String, Double> scales,
            Map<String, Boolean> prorated,
            Map<String, String> critical,
            Map<String, Double> validity) {}

    private NaiveScorer() {}

    /** Scores answers given by item id (absent = blank). */
    public static Result score(InstrumentDefinition d, Map<String, String> answers) {
        Map<String, Integer> value = new HashMap<>(); // raw value of answered items
        Map<String, String> state = new HashMap<>();
        for (Item item : d.items()) {
            String a = answers.get(item.id());
            ResponseSet set = d.responseSet(item.responses()).orElseThrow();
            if (a == null || a.isEmpty()) {
                state.put(item.id(), "BLANK");
                continue;
            }
            Integer v = null;
            for (ResponseCode c : set.codes()) {
                if (c.code().equals(a)) {
                    v = c.value();
                }
            }
            if (v != null) {
                state.put(item.id(), "ANSWERED");
                value.put(item.id(), v);
            } else if (set.special().stream().anyMatch(s -> s.code().equals(a))) {
                state.put(item.id(), "SPECIAL");
            } else {
                state.put(item.id(), "INVALID");
            }
        }

        Map<String, String> critical = new LinkedHashMap<>();
        for (var ci : d.critical()) {
            Integer v = value.get(ci.item());
            if (v == null) {
                critical.put(ci.id(), "UNKNOWN");
            } else {
                int x = ci.on().name().equals("RAW") ? v : keyed(d, ci.item(), v);
                critical.put(ci.id(), ci.when().test(x) ? "POSITIVE" : "NEGATIVE");
            }
        }

        Map<String, Double> scales = new LinkedHashMap<>();
        Map<String, Boolean> prorated = new LinkedHashMap<>();
        for (Scale s : d.scales()) {
            scales.put(s.id(), scaleValue(d, s.id(), value, prorated));
        }

        Map<String, Double> validity = new LinkedHashMap<>();
        Map<String, Boolean> fired = new LinkedHashMap<>();
        for (ValidityCheck c : d.validity()) {
            Double m;
            switch (c.kind()) {
                case LIE_SCALE -> m = scales.get(c.scale());
                case INCONSISTENT_PAIRS -> {
                    int count = 0;
                    for (var p : c.pairs()) {
                        if (value.containsKey(p.first()) && value.containsKey(p.second())) {
                            int diff = keyed(d, p.first(), value.get(p.first()))
                                    - keyed(d, p.second(), value.get(p.second()));
                            if (Math.abs(diff) > c.maxDifference()) {
                                count++;
                            }
                        }
                    }
                    m = (double) count;
                }
                default -> {
                    List<String> ids = c.items().isEmpty()
                            ? d.items().stream().map(Item::id).toList()
                            : c.items();
                    int best = 0;
                    for (int i = 0; i < ids.size(); i++) {
                        // Count identical answered values going forward from each start.
                        if (!value.containsKey(ids.get(i))) {
                            continue;
                        }
                        int len = 1;
                        while (i + len < ids.size()
                                && value.containsKey(ids.get(i + len))
                                && value.get(ids.get(i + len)).equals(value.get(ids.get(i)))) {
                            len++;
                        }
                        best = Math.max(best, len);
                    }
                    m = (double) best;
                }
            }
            validity.put(c.id(), m);
            fired.put(c.id(), m != null && c.invalidWhen().test(m));
        }

        List<String> reasons = new ArrayList<>();
        String status;
        if (state.values().stream().allMatch("BLANK"::equals)) {
            status = "NOT_ADMINISTERED";
            reasons.add("ALL_BLANK(" + d.id() + ")");
        } else {
            for (Item item : d.items()) {
                if (state.get(item.id()).equals("INVALID")) {
                    reasons.add("INVALID_ANSWER(" + item.id() + ")");
                }
            }
            boolean anyFired = false;
            boolean notEvaluable = false;
            for (ValidityCheck c : d.validity()) {
                if (fired.get(c.id())) {
                    anyFired = true;
                    reasons.add("VALIDITY_FAILED(" + c.id() + ")");
                } else if (validity.get(c.id()) == null) {
                    notEvaluable = true;
                    reasons.add("VALIDITY_NOT_EVALUATED(" + c.id() + ")");
                }
            }
            boolean incomplete = notEvaluable;
            for (Scale s : d.scales()) {
                if (s.required() && scales.get(s.id()) == null) {
                    incomplete = true;
                    reasons.add("SCALE_INCOMPLETE(" + s.id() + ")");
                }
            }
            boolean anyInvalid = state.containsValue("INVALID");
            status = anyInvalid || anyFired ? "INVALID" : incomplete ? "INCOMPLETE" : "SCORED";
        }
        return new Result(status, reasons, scales, prorated, critical, validity);
    }

    private static Double scaleValue(
            InstrumentDefinition d, String id, Map<String, Integer> value, Map<String, Boolean> prorated) {
        Scale s = d.scale(id).orElseThrow();
        List<Double> present = new ArrayList<>();
        int members;
        if (s.derived()) {
            members = s.of().size();
            for (String c : s.of()) {
                Double v = scaleValue(d, c, value, new HashMap<>());
                if (v != null) {
                    present.add(v);
                }
            }
        } else {
            members = s.items().size();
            for (String i : s.items()) {
                if (value.containsKey(i)) {
                    int v = keyed(d, i, value.get(i));
                    if (s.reverses(i)) { // reversed in this scale only
                        ResponseSet set = d.responseSet(d.item(i).orElseThrow().responses())
                                .orElseThrow();
                        v = set.minValue() + set.maxValue() - v;
                    }
                    present.add((double) v);
                }
            }
        }
        int missing = members - present.size();
        int allowed = s.missing().maxMissing() != null
                ? s.missing().maxMissing()
                : (int) Math.floor(s.missing().maxMissingFraction() * members + 1e-9);
        prorated.put(id, false);
        if (missing > allowed || present.isEmpty()) {
            return null;
        }
        double sum = 0;
        for (double v : present) {
            sum += v;
        }
        if (s.aggregate().name().equals("MEAN")) {
            return sum / present.size();
        }
        if (missing > 0 && s.missing().prorate()) {
            prorated.put(id, true);
            double exact = sum * members / present.size();
            return s.missing().rounding().name().equals("HALF_UP") ? Math.floor(exact + 0.5) : exact;
        }
        return sum;
    }

    private static int keyed(InstrumentDefinition d, String itemId, int raw) {
        Item item = d.item(itemId).orElseThrow();
        if (!item.reverse()) {
            return raw;
        }
        ResponseSet set = d.responseSet(item.responses()).orElseThrow();
        return set.minValue() + set.maxValue() - raw;
    }
}
