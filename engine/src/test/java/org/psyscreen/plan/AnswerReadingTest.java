package org.psyscreen.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.psyscreen.definition.InstrumentDefinition;
import org.psyscreen.definition.Item;
import org.psyscreen.definition.ResponseCode;
import org.psyscreen.definition.ResponseSet;
import org.psyscreen.definition.SpecialCode;
import org.psyscreen.score.AnswerState;
import org.psyscreen.score.CriticalState;
import org.psyscreen.score.FormStatus;
import org.psyscreen.score.ResponseRow;
import org.psyscreen.score.ScoredResponse;
import org.psyscreen.testing.Demo;

/**
 * Mutation testing (issue 27) showed two safety paths no test pinned down: the plan's table for
 * one-character answers (a wrong entry would read a code as another, or a refusal as an answer),
 * and the result of a record that cannot be read by position. Both are checked against the
 * definition itself, not against the plan's own tables.
 */
class AnswerReadingTest {
    /** Compiled here, not shared: the one-character table is built when a plan is compiled. */
    private static ScoringPlan plan() {
        return PlanCompiler.compile(Demo.DEFINITION);
    }

    private static final InstrumentDefinition DEF = Demo.DEFINITION;

    /** Every ASCII character, in every item: the state and value the definition gives it. */
    @Test
    void everyOneCharacterAnswerIsReadAsTheDefinitionSays() {
        ScoringPlan plan = plan();
        List<String> items = plan.itemIds();
        for (int i = 0; i < items.size(); i++) {
            Item item = DEF.item(items.get(i)).orElseThrow();
            ResponseSet set = DEF.responseSet(item.responses()).orElseThrow();
            for (char c = 0; c < 300; c++) { // the ASCII table, and past it
                String cell = String.valueOf(c);
                String[] row = new String[items.size()];
                row[i] = cell;
                ScoredResponse r = plan.score(ResponseRow.of(row));
                AnswerState expected = AnswerState.INVALID;
                Integer value = null;
                for (ResponseCode code : set.codes()) {
                    if (code.code().equals(cell)) {
                        expected = AnswerState.ANSWERED;
                        value = code.value();
                        break;
                    }
                }
                if (expected == AnswerState.INVALID) {
                    for (SpecialCode s : set.special()) {
                        if (s.code().equals(cell)) {
                            expected = AnswerState.SPECIAL;
                        }
                    }
                }
                assertThat(r.answerState(i))
                        .as("item %s, character %d", items.get(i), (int) c)
                        .isEqualTo(expected);
                if (value != null) {
                    assertThat(r.rawValueAt(i))
                            .as("item %s, code %s", items.get(i), cell)
                            .isEqualTo(value);
                }
            }
        }
    }

    @Test
    void aRecordThatCannotBeReadIsInvalidEverywhereAndNeverScored() {
        ScoringPlan plan = plan();
        ScoredResponse r = plan.unscorable();
        assertThat(r.status()).isEqualTo(FormStatus.INVALID);
        List<AnswerState> states = new ArrayList<>();
        for (int i = 0; i < plan.itemCount(); i++) {
            states.add(r.answerState(i));
        }
        assertThat(states).as("every item").containsOnly(AnswerState.INVALID);
        for (String s : r.scaleIds()) {
            assertThat(r.scale(s).scored()).as("scale %s", s).isFalse();
            assertThat(r.scaleValue(s)).as("scale %s", s).isNaN();
        }
        for (String k : r.criticalIds()) {
            assertThat(r.critical(k)).isEqualTo(CriticalState.UNKNOWN);
        }
        assertThat(r.validityIds()).isNotEmpty();
        for (String v : r.validityIds()) {
            assertThat(r.validityMeasure(v)).as("validity %s", v).isNaN();
        }
    }
}
