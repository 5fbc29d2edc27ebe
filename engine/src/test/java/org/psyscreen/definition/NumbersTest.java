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

    private static BigDecimal halfUp(double v, int decimals) {
        return BigDecimal.valueOf(v).setScale(decimals, java.math.RoundingMode.HALF_UP);
    }

    @Test
    void halfUpRoundsThePrintedDecimal() {
        assertThat(Numbers.roundHalfUp(2.45, 1)).isEqualTo(2.5); // the double is just below 2.45
        assertThat(Numbers.roundHalfUp(-2.45, 1)).isEqualTo(-2.5);
        assertThat(Numbers.roundHalfUp(0.125, 2)).isEqualTo(0.13);
        assertThat(Double.doubleToRawLongBits(Numbers.roundHalfUp(-0.04, 1))).isZero(); // +0.0, as BigDecimal gives
        assertThat(Numbers.format(2.45, 1)).isEqualTo("2.5");
        assertThat(Numbers.format(-0.04, 1)).isEqualTo("0.0");
        assertThat(Numbers.format(8.166666666666666, 2)).isEqualTo("8.17");
        assertThat(Numbers.format(7.0, 0)).isEqualTo("7");
        assertThat(Numbers.format(0.5, 0)).isEqualTo("1");
    }

    /**
     * The double fast path against BigDecimal (the previous implementation): values with a few
     * decimals (many exactly on a half), their neighbouring doubles, and arbitrary doubles.
     */
    @Test
    void halfUpAgreesWithBigDecimalOnSeededValues() {
        SplittableRandom r = new SplittableRandom(20261125);
        for (int i = 0; i < 300_000; i++) {
            int decimals = r.nextInt(7);
            double v = switch (i % 3) {
                case 0 -> r.nextLong(-2_000_000_000L, 2_000_000_000L) / Math.pow(10, decimals + 1);
                case 1 -> {
                    double half = (r.nextLong(-20_000_000L, 20_000_000L) + 0.5) / Math.pow(10, decimals);
                    yield r.nextBoolean() ? Math.nextUp(half) : r.nextBoolean() ? Math.nextDown(half) : half;
                }
                default -> (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(-6, 10));
            };
            BigDecimal want = halfUp(v, decimals);
            assertThat(Numbers.format(v, decimals)).as("%s at %d", v, decimals).isEqualTo(want.toPlainString());
            assertThat(Numbers.roundHalfUp(v, decimals))
                    .as("%s at %d", v, decimals)
                    .isEqualTo(want.doubleValue());
        }
    }
}
