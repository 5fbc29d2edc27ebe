package org.psyscreen.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every statistic against R: {@code r-reference/reference.R} (R 4.2.2, psych 2.2.9; no random
 * numbers) computed {@code reference.txt} from the keyed item values in {@code r-reference/*.csv},
 * which it wrote from the SYNTHETIC demo cohort. Agreement within 1e-6 (most figures agree to 1e-10).
 */
class AgainstRTest {
    static final double TOLERANCE = 1e-6;

    static Map<String, Double> reference() throws IOException {
        Map<String, Double> m = new HashMap<>();
        try (InputStream in = AgainstRTest.class.getResourceAsStream("/r-reference/reference.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] kv = line.split(" = ");
                if (kv.length == 2 && !kv[0].equals("R") && !kv[0].equals("psych")) {
                    m.put(kv[0], Double.parseDouble(kv[1]));
                }
            }
        }
        return m;
    }

    /** The fixture: item ids, sexes, and the keyed values. */
    record Fixture(List<String> items, boolean[] girls, double[][] x) {}

    static Fixture fixture(String name) throws IOException {
        try (InputStream in = AgainstRTest.class.getResourceAsStream("/r-reference/" + name + ".csv")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            List<String> items = List.of(lines[0].split(",")).subList(1, lines[0].split(",").length);
            boolean[] girls = new boolean[lines.length - 1];
            double[][] x = new double[lines.length - 1][];
            for (int i = 1; i < lines.length; i++) {
                String[] f = lines[i].split(",");
                girls[i - 1] = f[0].equals("female");
                x[i - 1] = Arrays.stream(f, 1, f.length)
                        .mapToDouble(Double::parseDouble)
                        .toArray();
            }
            return new Fixture(items, girls, x);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"gad7", "gad7-miskeyed", "scared-panic"})
    void reliabilityAndItemStatisticsAgreeWithPsych(String name) throws IOException {
        Map<String, Double> r = reference();
        Fixture f = fixture(name);
        int k = f.items().size();
        int max = name.startsWith("gad7") ? 3 : 2;
        int[] min = new int[k];
        int[] maxes = new int[k];
        Arrays.fill(maxes, max);
        ScaleAnalysis a = ScaleAnalysis.of("total", f.items(), f.x(), min, maxes, new double[k]);
        assertThat(a.n()).isEqualTo(r.get(name + ".n").intValue());
        assertThat(a.alpha()).isCloseTo(r.get(name + ".alpha"), within(TOLERANCE));
        assertThat(a.alphaLower()).isCloseTo(r.get(name + ".alpha.lower"), within(TOLERANCE));
        assertThat(a.alphaUpper()).isCloseTo(r.get(name + ".alpha.upper"), within(TOLERANCE));
        assertThat(a.sem()).isCloseTo(r.get(name + ".sem"), within(TOLERANCE));
        assertThat(a.omegaTotal()).isCloseTo(r.get(name + ".omega.tot.pa"), within(TOLERANCE));
        assertThat(a.omegaTotal()).isCloseTo(r.get(name + ".omega.tot.minres"), within(TOLERANCE));
        for (int j = 0; j < k; j++) {
            ItemStatistics s = a.itemStatistics().get(j);
            String p = name + "." + f.items().get(j);
            assertThat(s.mean()).as(p).isCloseTo(r.get(p + ".mean"), within(TOLERANCE));
            assertThat(s.sd()).as(p).isCloseTo(r.get(p + ".sd"), within(TOLERANCE));
            assertThat(s.correctedItemTotal()).as(p).isCloseTo(r.get(p + ".r.drop"), within(TOLERANCE));
            assertThat(s.alphaIfDeleted()).as(p).isCloseTo(r.get(p + ".alpha.drop"), within(TOLERANCE));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"gad7", "scared-panic"})
    void mantelHaenszelAgreesWithMantelhaenTest(String name) throws IOException {
        Map<String, Double> r = reference();
        Fixture f = fixture(name);
        int n = f.x().length;
        int[] total = new int[n];
        for (int i = 0; i < n; i++) {
            total[i] = (int) Arrays.stream(f.x()[i]).sum();
        }
        List<MantelHaenszel> all = new ArrayList<>();
        for (int j = 0; j < f.items().size(); j++) {
            boolean[] endorsed = new boolean[n];
            for (int i = 0; i < n; i++) {
                endorsed[i] = f.x()[i][j] > 0;
            }
            MantelHaenszel mh = MantelHaenszel.of(f.items().get(j), endorsed, f.girls(), total);
            String p = name + "." + f.items().get(j);
            assertThat(mh.oddsRatio()).as(p).isCloseTo(r.get(p + ".mh.or"), within(TOLERANCE));
            assertThat(mh.chiSquare()).as(p).isCloseTo(r.get(p + ".mh.chisq"), within(TOLERANCE));
            assertThat(mh.p()).as(p).isCloseTo(r.get(p + ".mh.p"), within(TOLERANCE));
            assertThat(mh.seLogOddsRatio()).as(p).isCloseTo(r.get(p + ".mh.se.log"), within(TOLERANCE));
            all.add(mh);
        }
        assertThat(all)
                .extracting(MantelHaenszel::etsClass)
                .allMatch(c -> List.of("A", "B", "C").contains(c));
    }

    @ParameterizedTest
    @ValueSource(strings = {"gad7-miskeyed"})
    void theMiskeyedItemIsFlaggedByName(String name) throws IOException {
        Fixture f = fixture(name);
        int k = f.items().size();
        int[] maxes = new int[k];
        Arrays.fill(maxes, 3);
        ScaleAnalysis a = ScaleAnalysis.of("total", f.items(), f.x(), new int[k], maxes, new double[k]);
        assertThat(a.itemStatistics())
                .filteredOn(s -> s.flag() != null)
                .extracting(ItemStatistics::item)
                .containsExactly("gad7.q3");
        assertThat(a.itemStatistics().get(2).flag()).startsWith("negative corrected item-total correlation");
    }
}
