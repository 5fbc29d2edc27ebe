package org.psyscreen.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * A funnel plot of units' (schools', grades', groups') flagged rates against the region's rate p₀,
 * with control limits p₀ ± z·√(p₀(1 − p₀)/n) at 95% (z = 1.960) and 99.8% (z = 3.090), the normal
 * approximation to the binomial of Spiegelhalter DJ, "Funnel plots for comparing institutional
 * performance", Stat Med 2005;24(8):1185-1202. A unit above the 99.8% limit is an alarm, above the 95%
 * limit an alert. A unit whose counts were hidden (small cells) is kept, marked, and never placed.
 *
 * @param target the region's rate p₀ (flagged / students), from the region's published counts
 * @param points one per unit, in the order given
 * @param curve the limits at a range of sizes, for drawing
 */
public record FunnelPlot(double target, List<Point> points, List<Limits> curve) {
    /** The normal quantile of the 95% control limits (two-sided). */
    public static final double Z95 = 1.959963984540054;
    /** The normal quantile of the 99.8% control limits (two-sided). */
    public static final double Z998 = 3.090232306167813;

    /** Where a unit lies. */
    public enum Band {
        /** Above the 99.8% limit: an alarm. */
        ABOVE_998,
        /** Above the 95% limit: an alert. */
        ABOVE_95,
        /** Within the 95% limits. */
        WITHIN,
        /** Below the 95% limit. */
        BELOW_95,
        /** Below the 99.8% limit. */
        BELOW_998,
        /** Its counts are hidden: not placed. */
        SUPPRESSED
    }

    /**
     * A unit's published counts; {@code null} when hidden.
     *
     * @param id the unit
     * @param students students with a decision
     * @param flagged students in any tier
     */
    public record Unit(String id, Long students, Long flagged) {}

    /**
     * A placed unit.
     *
     * @param id the unit
     * @param students n, or {@code null} when hidden
     * @param rate flagged / n, or NaN when hidden
     * @param band where it lies
     */
    public record Point(String id, Long students, double rate, Band band) {}

    /** The limits at size {@code n}. */
    public record Limits(long n, double lower998, double lower95, double upper95, double upper998) {}

    /**
     * @param regionStudents the region's students (published)
     * @param regionFlagged the region's flagged students (published)
     * @param units the units
     * @return the plot: the region's rate, each unit's point and the limit curves
     */
    public static FunnelPlot of(long regionStudents, long regionFlagged, List<Unit> units) {
        if (regionStudents <= 0) {
            throw new IllegalArgumentException("a funnel plot needs the region's students");
        }
        double p0 = (double) regionFlagged / regionStudents;
        List<Point> points = new ArrayList<>();
        long min = Long.MAX_VALUE;
        long max = 0;
        for (Unit u : units) {
            if (u.students() == null || u.flagged() == null || u.students() == 0) {
                points.add(new Point(u.id(), u.students(), Double.NaN, Band.SUPPRESSED));
                continue;
            }
            long n = u.students();
            double rate = (double) u.flagged() / n;
            Limits l = limits(p0, n);
            Band band = rate > l.upper998()
                    ? Band.ABOVE_998
                    : rate > l.upper95()
                            ? Band.ABOVE_95
                            : rate < l.lower998() ? Band.BELOW_998 : rate < l.lower95() ? Band.BELOW_95 : Band.WITHIN;
            points.add(new Point(u.id(), n, rate, band));
            min = Math.min(min, n);
            max = Math.max(max, n);
        }
        List<Limits> curve = new ArrayList<>();
        if (max > 0) {
            long from = Math.max(1, min / 2);
            long to = max + max / 5;
            for (int i = 0; i <= 60; i++) {
                long n = Math.round(from * Math.pow((double) to / from, i / 60.0));
                if (curve.isEmpty() || curve.get(curve.size() - 1).n() != n) {
                    curve.add(limits(p0, n));
                }
            }
        }
        return new FunnelPlot(p0, points, curve);
    }

    /**
     * {@return the control limits at size n, clipped to [0, 1]}
     *
     * @param p0 the target rate (the region's)
     * @param n the unit's size
     */
    public static Limits limits(double p0, long n) {
        double se = Math.sqrt(p0 * (1 - p0) / n);
        return new Limits(
                n,
                Math.max(0, p0 - Z998 * se),
                Math.max(0, p0 - Z95 * se),
                Math.min(1, p0 + Z95 * se),
                Math.min(1, p0 + Z998 * se));
    }
}
