package org.psyscreen.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Limits against R 4.2.2: p0 = 0.2, n = 100:
 * {@code 0.2 + qnorm(c(0.975, 0.999)) * sqrt(0.2 * 0.8 / 100)} = 0.278398559381602, 0.323609292246713.
 */
class FunnelPlotTest {
    @Test
    void limitsAgreeWithR() {
        FunnelPlot.Limits l = FunnelPlot.limits(0.2, 100);
        assertThat(l.upper95()).isCloseTo(0.278398559381602, within(1e-12));
        assertThat(l.upper998()).isCloseTo(0.323609292246713, within(1e-12));
        assertThat(l.lower95()).isCloseTo(0.2 - 0.078398559381602, within(1e-12));
    }

    @Test
    void unitsAreBandedAndHiddenOnesAreNeverPlaced() {
        FunnelPlot f = FunnelPlot.of(
                1000,
                200,
                List.of(
                        new FunnelPlot.Unit("alarm", 100L, 40L),
                        new FunnelPlot.Unit("alert", 100L, 30L),
                        new FunnelPlot.Unit("usual", 100L, 20L),
                        new FunnelPlot.Unit("low", 100L, 5L),
                        new FunnelPlot.Unit("hidden", 8L, null)));
        assertThat(f.target()).isEqualTo(0.2);
        assertThat(f.points())
                .extracting(FunnelPlot.Point::band)
                .containsExactly(
                        FunnelPlot.Band.ABOVE_998,
                        FunnelPlot.Band.ABOVE_95,
                        FunnelPlot.Band.WITHIN,
                        FunnelPlot.Band.BELOW_998,
                        FunnelPlot.Band.SUPPRESSED);
        assertThat(f.points().get(4).rate()).isNaN();
        assertThat(f.curve()).isNotEmpty();
    }
}
