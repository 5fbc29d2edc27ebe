package org.psyscreen.privacy;

import java.util.ArrayList;
import java.util.List;

/**
 * Suppresses small cells in a {@link CountTable}:
 *
 * <ol>
 *   <li>primary: a count from 1 to {@code k - 1} is suppressed; a unit whose total is below
 *       {@code k} is suppressed whole (small denominator: a rate over a handful of students
 *       discloses them);
 *   <li>complementary within a unit: a unit with a published total and exactly one suppressed count
 *       gets its smallest other count suppressed too, so the hidden one cannot be found by
 *       subtraction;
 *   <li>complementary within a parent: when a parent's count is published and exactly one child's
 *       count in that column is hidden, the smallest other child's count is hidden too;
 *   <li>an exact audit ({@code LinearAudit}) of every hidden cell and every hidden unit total against
 *       all the table's equations at once: whatever the published figures determine is covered by
 *       hiding a neighbour (a unit's total found as its parent's less its siblings' hides a sibling's
 *       total too).
 * </ol>
 *
 * Repeated until nothing changes. The default {@code k = 10} follows the precedents collected in
 * the team's reliability catalogue §1.3 (no national Chinese threshold was found; 统计法 Art. 25 protects
 * aggregates from which a person can be inferred).
 */
public final class SmallCellSuppressor {
    /** Default minimum published cell. */
    public static final int DEFAULT_K = 10;

    private SmallCellSuppressor() {}

    /**
     * Suppresses in place and returns the table.
     *
     * @param t the table, changed in place
     * @param k the smallest count published, at least 2
     * @return the same table
     */
    public static CountTable suppress(CountTable t, int k) {
        if (k < 2) {
            throw new IllegalArgumentException("k must be at least 2");
        }
        for (CountTable.Unit u : t.units) {
            long total = u.total();
            if (total > 0 && total < k) {
                u.totalSuppressed = true;
                java.util.Arrays.fill(u.suppressed, true);
            }
            for (int c = 0; c < u.counts.length; c++) {
                if (u.counts[c] > 0 && u.counts[c] < k) {
                    u.suppressed[c] = true;
                }
            }
        }
        while (true) {
            boolean changed = true;
            while (changed) {
                changed = false;
                for (CountTable.Unit u : t.units) {
                    changed |= withinUnit(u);
                }
                changed |= withinParents(t);
            }
            // The heuristics close every single-equation leak; the audit closes the multi-equation ones.
            LinearAudit.Cell leak = LinearAudit.firstRecoverable(t);
            if (leak == null) {
                return t;
            }
            hideNeighbour(t, leak);
        }
    }

    /** Hides the smallest published cell sharing an equation with a determined hidden cell. */
    private static void hideNeighbour(CountTable t, LinearAudit.Cell leak) {
        if (leak.column() == LinearAudit.TOTAL) {
            hideBesideTotal(t, leak.unit());
            return;
        }
        CountTable.Unit u = t.units.get(leak.unit());
        CountTable.Unit best = null;
        int bestCol = -1;
        for (int c = 0; c < u.counts.length; c++) {
            if (!u.suppressed[c] && (best == null || u.counts[c] < best.counts[bestCol])) {
                best = u;
                bestCol = c;
            }
        }
        for (CountTable.Unit other : t.units) {
            boolean related = other != u
                    && (other.parent == u.parent || other.parent == leak.unit() || t.units.indexOf(other) == u.parent);
            if (related
                    && !other.suppressed[leak.column()]
                    && (best == null || other.counts[leak.column()] < best.counts[bestCol])) {
                best = other;
                bestCol = leak.column();
            }
        }
        if (best == null) {
            u.totalSuppressed = true; // nothing left to hide beside it: hide the unit's total
            java.util.Arrays.fill(u.suppressed, true);
        } else {
            best.suppressed[bestCol] = true;
        }
    }

    /**
     * A hidden unit total is determined (a school's total as its region's less the other schools', or
     * as the sum of its grades'): hide the published total nearest to it in the hierarchy (parent,
     * children, siblings, then further; among equals the smallest), with that unit's smallest published
     * cell (a hidden total beside only published cells would be their sum). The audit runs again after.
     */
    private static void hideBesideTotal(CountTable t, int unit) {
        int n = t.units.size();
        int[] distance = new int[n];
        java.util.Arrays.fill(distance, -1);
        java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>();
        distance[unit] = 0;
        queue.add(unit);
        CountTable.Unit best = null;
        int bestDistance = Integer.MAX_VALUE;
        while (!queue.isEmpty()) {
            int at = queue.poll();
            if (distance[at] > bestDistance) {
                break;
            }
            CountTable.Unit o = t.units.get(at);
            if (at != unit && !o.totalSuppressed && (best == null || o.total() < best.total())) {
                best = o;
                bestDistance = distance[at];
            }
            List<Integer> next = new ArrayList<>();
            if (o.parent >= 0) {
                next.add(o.parent);
            }
            for (int ch = 0; ch < n; ch++) {
                if (t.units.get(ch).parent == at) {
                    next.add(ch);
                }
            }
            for (int x : next) {
                if (distance[x] < 0) {
                    distance[x] = distance[at] + 1;
                    queue.add(x);
                }
            }
        }
        if (best == null) {
            throw new IllegalStateException("a hidden total is determined and no published total is left to hide");
        }
        best.totalSuppressed = true;
        int smallest = -1;
        boolean anyHidden = false;
        for (int c = 0; c < best.counts.length; c++) {
            anyHidden |= best.suppressed[c];
            if (!best.suppressed[c] && (smallest < 0 || best.counts[c] < best.counts[smallest])) {
                smallest = c;
            }
        }
        if (!anyHidden && smallest >= 0) {
            best.suppressed[smallest] = true;
        }
    }

    private static boolean withinUnit(CountTable.Unit u) {
        if (u.totalSuppressed) {
            return false;
        }
        int hidden = 0;
        for (boolean s : u.suppressed) {
            hidden += s ? 1 : 0;
        }
        if (hidden != 1) {
            return false;
        }
        int best = -1;
        for (int c = 0; c < u.counts.length; c++) {
            if (!u.suppressed[c] && (best < 0 || u.counts[c] < u.counts[best])) {
                best = c;
            }
        }
        if (best < 0) {
            u.totalSuppressed = true; // a single column: hiding the total is the only complement
        } else {
            u.suppressed[best] = true;
        }
        return true;
    }

    /**
     * Each column of a parent is the sum of that column over its children. In every such equation the
     * number of hidden cells (the parent's included) must not be exactly one, or that cell is the
     * difference of published ones. Hide the smallest published child cell, else the parent's.
     */
    private static boolean withinParents(CountTable t) {
        boolean changed = false;
        for (int p = 0; p < t.units.size(); p++) {
            List<CountTable.Unit> children = new ArrayList<>();
            for (CountTable.Unit u : t.units) {
                if (u.parent == p) {
                    children.add(u);
                }
            }
            if (children.isEmpty()) {
                continue;
            }
            CountTable.Unit parent = t.units.get(p);
            for (int c = 0; c < parent.counts.length; c++) {
                int hidden = parent.suppressed[c] ? 1 : 0;
                CountTable.Unit smallest = null;
                for (CountTable.Unit ch : children) {
                    if (ch.suppressed[c]) {
                        hidden++;
                    } else if (smallest == null || ch.counts[c] < smallest.counts[c]) {
                        smallest = ch;
                    }
                }
                if (hidden == 1) {
                    if (smallest != null) {
                        smallest.suppressed[c] = true;
                    } else {
                        parent.suppressed[c] = true;
                    }
                    changed = true;
                }
            }
        }
        return changed;
    }
}
