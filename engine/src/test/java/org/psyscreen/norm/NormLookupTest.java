package org.psyscreen.norm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.psyscreen.load.NormTableLoader;
import org.psyscreen.score.ResponseRow;
import org.psyscreen.student.Grade;
import org.psyscreen.student.Sex;
import org.psyscreen.student.StudentProfile;
import org.psyscreen.testing.Demo;
import org.psyscreen.testing.NormVectorSuite;

/** Lookups on the synthetic demo tables: hand-worked lookup vectors and R-computed parametric vectors. */
class NormLookupTest {
    static final Path GOOD = Path.of("src/test/resources/norms/good");
    static final NormTable LOOKUP = NormTableLoader.load(GOOD.resolve("demo-lookup.yaml"), Demo.RESOLVER)
            .orThrow();
    static final NormTable PARAMETRIC = NormTableLoader.load(GOOD.resolve("demo-parametric.yaml"), Demo.RESOLVER)
            .orThrow();

    static Stream<Object[]> cases() {
        List<Object[]> out = new ArrayList<>();
        NormVectorSuite.read(GOOD.resolve("demo-lookup.vectors.json")).forEach(c -> out.add(new Object[] {LOOKUP, c}));
        NormVectorSuite.read(GOOD.resolve("demo-parametric.vectors.json"))
                .forEach(c -> out.add(new Object[] {PARAMETRIC, c}));
        return out.stream();
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("cases")
    void vector(NormTable table, NormVectorSuite.Case c) {
        NormVectorSuite.check(table, c);
    }

    @Test
    void anIncompleteScaleGetsNoNormButTheTableIsNamed() {
        String[] row = new String[Demo.PLAN.itemCount()];
        row[0] = "1"; // part_a has two of three items missing
        var scored = Demo.PLAN.score(ResponseRow.of(row));
        NormResult r = LOOKUP.lookup(scored, new StudentProfile(new Grade("5"), Sex.FEMALE, null, null));
        assertThat(r).isEqualTo(new NormResult.NoNorm(LOOKUP.key(), NormResult.Reason.SCALE_NOT_SCORED, List.of()));
    }

    @Test
    void aLeapDayChildIsAYearOlderOnTheFirstOfMarch() {
        var born = LocalDate.of(2012, 2, 29);
        assertThat(new StudentProfile(null, null, born, LocalDate.of(2021, 2, 28)).age())
                .hasValue(8);
        assertThat(new StudentProfile(null, null, born, LocalDate.of(2021, 3, 1)).age())
                .hasValue(9);
        assertThat(new StudentProfile(null, null, born, LocalDate.of(2011, 1, 1)).age())
                .isEmpty();
    }

    @Test
    void gradesKnowTheirTypicalAges() {
        assertThat(new Grade("4").typicalAge()).isEqualTo(9);
        assertThat(new Grade("v1").typicalAge()).isEqualTo(15);
        assertThat(new Grade("12").plausibleAge(20)).isTrue();
        assertThat(new Grade("4").plausibleAge(13)).isFalse();
        assertThat(Grade.parse("初三")).isNull();
    }

    @Test
    void describeListsProvenanceAndCells() {
        assertThat(PARAMETRIC.describe())
                .contains("SYNTHETIC", "female", "mean 4.6  SD 2.3", "T = 50 + 10 (raw - mean) / SD");
        assertThat(LOOKUP.describe()).contains("raw 0-1     T 40     percentile 16");
    }
}
