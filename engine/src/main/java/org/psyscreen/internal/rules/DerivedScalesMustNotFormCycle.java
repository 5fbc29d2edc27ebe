package org.psyscreen.internal.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.psyscreen.definition.InstrumentDefinition;
import org.psyscreen.definition.Scale;
import org.psyscreen.diagnostic.ProblemCode;

/** PSY-1209: derived scales do not refer to themselves, directly or through others. */
final class DerivedScalesMustNotFormCycle implements DefinitionRule {
    private static final int UNSEEN = 0;
    private static final int ACTIVE = 1;
    private static final int DONE = 2;

    @Override
    public void check(InstrumentDefinition d, Facts facts, Report report) {
        Map<String, Integer> state = new HashMap<>();
        for (Scale s : d.scales()) {
            visit(s.id(), facts, state, new ArrayList<>(), report);
        }
    }

    private void visit(String id, Facts facts, Map<String, Integer> state, List<String> stack, Report report) {
        Scale s = facts.scales.get(id);
        int st = state.getOrDefault(id, UNSEEN);
        if (s == null || st == DONE) {
            return;
        }
        if (st == ACTIVE) {
            List<String> cycle = new ArrayList<>(stack.subList(stack.indexOf(id), stack.size()));
            cycle.add(id);
            report.error(
                    ProblemCode.SCALE_CYCLE,
                    "scales[" + facts.scaleIndex.get(id) + "].of",
                    "derived scales form a cycle: " + String.join(" -> ", cycle),
                    "a derived scale may only combine scales that do not depend on it");
            return;
        }
        state.put(id, ACTIVE);
        stack.add(id);
        for (String c : s.of()) {
            visit(c, facts, state, stack, report);
        }
        stack.remove(stack.size() - 1);
        state.put(id, DONE);
    }
}
