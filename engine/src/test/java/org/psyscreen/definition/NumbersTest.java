package org.psyscreen.definition;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link Numbers#format} prints the shortest plain decimal that reads back as the value. Checked
 * against {@code BigDecimal.valueOf(v)} (i.e. {@code Double.toString}), the previous implementation,
 * on seeded values with a few decimals and on arbitrary doubles.
 */
class NumbersTest {
    private static String reference(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    @Test
    void examples() {
        assertThat(Numbers.format(42.4)).isEqualTo("42.4");
        assertThat(Numbers.format(-0.05)).isEqualTo("-0.05");
        assertThat(Numbers.format(0.5)).isEqualTo("0.5");
        assertThat(Numbers.format(99.99)).isEqualTo("99.99");
        assertThat(Numbers.format(7.0)).isEqualTo("7");
        assertThat(Numbers.format(-0.0)).isEqualTo("0");
        assertThat(Numbers.format(1.0 / 3)).isEqualTo(reference(1.0 / 3));
        assertThat(Numbers.format(123456.000001)).isEqualTo("123456.000001");
    }

    @Test
    void fewDecimalsPrintLikeDoubleToString() {
        SplittableRandom r = new SplittableRandom(20261123);
        for (int i = 0; i < 200_000; i++) {
            int k = 1 + r.nextInt(6);
            double v = r.nextLong(-2_000_000_000L, 2_000_000_000L) / Math.pow(10, k);
            assertThat(Numbers.format(v)).as("%s", reference(v)).isEqualTo(reference(v));
        }
    }

    @Test
    void anyDoubleReadsBackAndIsNeverLongerThanDoubleToString() {
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            double v = (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(-8, 12));
            String s = Numbers.format(v);
            assertThat(Double.parseDouble(s)).isEqualTo(v);
            assertThat(s.length()).isLessThanOrEqualTo(reference(v).length());
            assertThat(s).doesNotContain("E").doesNotEndWith(".");
        }
    }
}
