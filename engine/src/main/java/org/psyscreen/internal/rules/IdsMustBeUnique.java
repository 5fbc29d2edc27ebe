package org.psyscreen.internal.rules;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.psyscreen.definition.InstrumentDefinition;
import org.psyscreen.diagnostic.ProblemCode;

/** PSY-1201: ids are unique within items, scales, response sets, citations, validity checks and critical items. */
final class IdsMustBeUnique implements DefinitionRule {
    @Override
    public void check(InstrumentDefinition d, Facts facts, Report report) {
        unique("items", d.items(), i -> i.id(), report);
        unique("scales", d.scales(), s -> s.id(), report);
        unique("responseSets", d.responseSets(), r -> r.id(), report);
        unique("citations", d.citations(), c -> c.id(), report);
        unique("validity", d.validity(), v -> v.id(), report);
        unique("critical", d.critical(), c -> c.id(), report);
    }

    private static <T> void unique(String list, List<T> elements, Function<T, String> id, Report report) {
        Map<String, Integer> first = new HashMap<>();
        for (int i = 0; i < elements.size(); i++) {
            String key = id.apply(elements.get(i));
            Integer earlier = first.putIfAbsent(key, i);
            if (earlier != null) {
                report.error(
                        ProblemCode.DUPLICATE_ID,
                        list + "[" + i + "].id",
                        "id '" + key + "' is already used by " + list + "[" + earlier + "]",
                        "give each entry of '" + list + "' its own id");
            }
        }
    }
}
