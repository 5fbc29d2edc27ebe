package org.psyscreen.instruments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.psyscreen.load.DefinitionLoader;
import org.psyscreen.plan.PlanCompiler;
import org.psyscreen.plan.ScoringPlan;
import org.psyscreen.score.ResponseRow;
import org.psyscreen.score.ScoredResponse;

/**
 * Compares the compiled plans with the independent R reference ({@code reference/score.R}: psych
 * {@code scoreItems} plus plain R for the rules psych cannot express). 1,200 generated forms per
 * instrument, including blanks, refusals, invalid codes of many shapes and all-blank forms.
 *
 * <p>Tolerance: integer-valued expectations are compared exactly; the demo's mean scale (thirds)
 * is printed by R with 15 significant digits, so non-integers are compared within 1e-12.
 */
class ReferenceFixturesTest {
    static final Path REFERENCE = Path.of("src/test/resources/reference");

    static Stream<String> instruments() {
        return Stream.of("phq9", "phqa", "gad7", "scared", "cesd", "demo");
    }

    static ScoringPlan plan(String id) throws IOException {
        if (id.equals("demo")) {
            try (InputStream in = ReferenceFixturesTest.class.getResourceAsStream("/definitions/good/demo.yaml")) {
                return PlanCompiler.compile(
                        DefinitionLoader.load("demo.yaml", in.readAllBytes()).orThrow());
            }
        }
        return PlanCompiler.compile(
                BundledInstrumentsTest.catalog().find(id).orElseThrow().load().orThrow());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("instruments")
    void agreesWithTheRReferenceOnEveryForm(String id) throws IOException {
        ScoringPlan plan = plan(id);
        int forms = 0;
        try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(REFERENCE.resolve(id + ".csv"))) {
            for (NamedCsvRecord rec : csv) {
                forms++;
                String[] row = new String[plan.itemCount()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = rec.getField(plan.itemIds().get(i));
                }
                ScoredResponse r = plan.score(ResponseRow.of(row));
                String where = id + " form " + rec.getField("form");
                assertThat(r.status().name()).as(where + " status").isEqualTo(rec.getField("status"));
                for (String s : plan.scaleIds()) {
                    compare(
                            where + " scale " + s,
                            rec.getField("scale." + s),
                            r.scale(s).value());
                }
                for (String v : plan.validityIds()) {
                    compare(where + " validity " + v, rec.getField("validity." + v), r.validityMeasure(v));
                }
                for (String c : plan.criticalIds()) {
                    assertThat(r.critical(c).name())
                            .as(where + " critical " + c)
                            .isEqualTo(rec.getField("critical." + c));
                }
            }
        }
        assertThat(forms).as("reference forms for %s", id).isGreaterThanOrEqualTo(1000);
    }

    private static void compare(String what, String expected, double actual) {
        if (expected.equals("NA")) {
            assertThat(actual).as(what + " has no value").isNaN();
            return;
        }
        double e = Double.parseDouble(expected);
        if (e == Math.rint(e)) {
            assertThat(actual).as(what).isEqualTo(e);
        } else {
            assertThat(actual).as(what).isCloseTo(e, within(1e-12));
        }
    }

    static List<String> ids() {
        return instruments().toList();
    }
}
