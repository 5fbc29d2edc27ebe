package org.psyscreen.batch;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.psyscreen.load.MappingLoader.Recode;
import org.psyscreen.plan.ScoringPlan;
import org.psyscreen.screening.StudentField;
import org.psyscreen.student.Cells;

/**
 * A mapping's value recoding, resolved once per run: for every item column, the table (option text
 * as the platform wrote it to the definition's code) or the offset (options numbered from 1) that
 * applies — the column's own entry first, else its instrument's — and the tables for {@code sex} and
 * {@code grade}. A value the table does not list passes unchanged (it may already be a code; if not,
 * the scorer finds it invalid). Immutable; used from every scoring thread.
 */
final class Recodes {
    private static final Recodes NONE = new Recodes(new Recode[0][], Map.of());

    /** Per instrument (screener order), per item: the recode, or {@code null}. */
    private final Recode[][] items;

    /** For student fields ({@code sex}, {@code grade}): table of normalised value to value. */
    private final Map<StudentField, Map<String, String>> fields;

    private Recodes(Recode[][] items, Map<StudentField, Map<String, String>> fields) {
        this.items = items;
        this.fields = fields;
    }

    /**
     * Resolves {@code values} against the plans.
     *
     * @throws IllegalArgumentException when a key names no instrument, item, {@code sex} or {@code grade}
     */
    static Recodes of(Map<String, Recode> values, Map<String, ScoringPlan> plans) {
        if (values.isEmpty()) {
            return NONE;
        }
        List<String> ids = List.copyOf(new TreeMap<>(plans).keySet());
        Recode[][] items = new Recode[ids.size()][];
        Map<StudentField, Map<String, String>> fields = new HashMap<>();
        for (var e : values.entrySet()) {
            String key = e.getKey();
            StudentField f = StudentField.ofColumn(key);
            if (f == StudentField.SEX || f == StudentField.GRADE) {
                fields.put(f, normalised(e.getValue().table()));
                continue;
            }
            int dot = key.indexOf('.');
            String inst = dot < 0 ? key : key.substring(0, dot);
            ScoringPlan plan = plans.get(inst);
            if (plan == null || (dot >= 0 && plan.itemIndex(key.substring(dot + 1)) < 0)) {
                throw new IllegalArgumentException("the mapping's values name '" + key + "', which is not an"
                        + " instrument (" + String.join(", ", ids) + "), one of its items, sex or grade");
            }
        }
        for (int k = 0; k < ids.size(); k++) {
            ScoringPlan plan = plans.get(ids.get(k));
            items[k] = new Recode[plan.itemCount()];
            Recode whole = values.get(ids.get(k));
            for (int i = 0; i < plan.itemCount(); i++) {
                Recode own = values.get(ids.get(k) + "." + plan.itemIds().get(i));
                Recode r = own != null ? own : whole;
                items[k][i] = r == null ? null : new Recode(normalised(r.table()), r.offset());
            }
        }
        return new Recodes(items, fields);
    }

    private static Map<String, String> normalised(Map<String, String> table) {
        Map<String, String> out = new HashMap<>();
        table.forEach((k, v) -> out.put(Cells.normalise(k), v));
        return out;
    }

    /** A whole number an offset applies to (compiled once: this runs per answer). */
    private static final java.util.regex.Pattern SIGNED_WHOLE = java.util.regex.Pattern.compile("-?[0-9]{1,9}");

    /** The cell of item {@code i} of instrument {@code k} as the definition codes it. */
    String answer(int k, int i, String cell) {
        if (items.length == 0 || cell == null || cell.isEmpty()) {
            return cell;
        }
        Recode r = items[k][i];
        if (r == null) {
            return cell;
        }
        String v = Cells.normalise(cell);
        if (r.offset() != 0) {
            if (SIGNED_WHOLE.matcher(v).matches()) {
                return Integer.toString(Integer.parseInt(v) + r.offset());
            }
            return cell;
        }
        String code = r.table().get(v);
        return code == null ? cell : code;
    }

    /** A student field's cell, recoded when the mapping gives a table for it. */
    String field(StudentField f, String cell) {
        Map<String, String> t = fields.get(f);
        if (t == null || cell == null) {
            return cell;
        }
        String code = t.get(Cells.normalise(cell));
        return code == null ? cell : code;
    }
}
