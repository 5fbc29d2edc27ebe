package org.psyscreen.tier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.psyscreen.definition.Comparison;

class ConditionCutoffsTest {
    static Condition.ScaleCompare raw(String scale, double v) {
        return new Condition.ScaleCompare("phqa", scale, Condition.Basis.RAW, null, Comparison.GE, v);
    }

    @Test
    void cutoffsAreTheScaleComparisonsUnderAllAndAnyButNotUnderNot() {
        Condition c = new Condition.Any(List.of(
                raw("total", 11),
                new Condition.All(List.of(raw("difficulty", 2), new Condition.AttributeIs("left_behind", true))),
                new Condition.Not(raw("total", 5))));
        assertThat(Condition.cutoffs(c))
                .extracting(Condition.ScaleCompare::scale, Condition.ScaleCompare::value)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("total", 11.0),
                        org.assertj.core.groups.Tuple.tuple("difficulty", 2.0));
        assertThat(Condition.cutoffs(new Condition.AttributeIs("left_behind", true)))
                .isEmpty();
    }
}
