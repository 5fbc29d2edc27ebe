package org.psyscreen.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link IdMap} behaves as an immutable, ordered map of its ids, whoever looks it up and however. */
class IdMapTest {
    private static final List<String> IDS = List.of("gad7", "phqa", "scared");

    @Test
    void equalsTheOrderedMapOfTheSameEntries() {
        Map<String, Integer> m = IdMap.of(IDS, new Integer[] {7, 9, 41});
        Map<String, Integer> want = new LinkedHashMap<>();
        want.put("gad7", 7);
        want.put("phqa", 9);
        want.put("scared", 41);
        assertThat(m).isEqualTo(want).hasSameHashCodeAs(want);
        assertThat(new ArrayList<>(m.keySet())).containsExactly("gad7", "phqa", "scared");
        assertThat(new ArrayList<>(m.values())).containsExactly(7, 9, 41);
        List<String> seen = new ArrayList<>();
        m.forEach((k, v) -> seen.add(k + "=" + v));
        assertThat(seen).containsExactly("gad7=7", "phqa=9", "scared=41");
        assertThat(m.toString()).isEqualTo(want.toString());
    }

    @Test
    void findsAnIdByTextNotOnlyByReference() {
        Map<String, Integer> m = IdMap.of(IDS, new Integer[] {7, 9, 41});
        String phqa = new String("phqa".toCharArray()); // equal text, another object
        assertThat(phqa).isNotSameAs("phqa");
        assertThat(m.get(phqa)).isEqualTo(9);
        assertThat(m.containsKey(phqa)).isTrue();
        assertThat(m.get("cesd")).isNull();
        assertThat(m.get(null)).isNull();
        assertThat(m.get(42)).isNull();
        assertThat(m.containsKey("cesd")).isFalse();
    }

    @Test
    void isImmutableAndTakenAsItIsByCopyOf() {
        Integer[] values = {7, 9, 41};
        Map<String, Integer> m = IdMap.of(IDS, values);
        assertThatThrownBy(() -> m.put("cesd", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> m.remove("gad7")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(m::clear).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> m.values().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> m.entrySet().iterator().next().setValue(1))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(IdMap.copyOf(m)).isSameAs(m);
        Map<String, Integer> other = new LinkedHashMap<>(m);
        assertThat(IdMap.copyOf(other)).isNotSameAs(other).isEqualTo(other);
    }

    @Test
    void refusesMismatchedOrMissingValues() {
        assertThatThrownBy(() -> IdMap.of(IDS, new Integer[] {1, 2})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IdMap.of(IDS, new Integer[] {1, null, 3})).isInstanceOf(NullPointerException.class);
        assertThat(IdMap.of(List.of(), new Integer[0])).isEmpty();
    }
}
