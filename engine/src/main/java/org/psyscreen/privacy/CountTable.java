package org.psyscreen.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A table of counts to publish: units (rows) in a hierarchy, each with a count per category
 * (column) and a total that equals the sum of its counts. A unit's parent is the unit its counts are
 * part of (a class within a grade within a school ...); the parent's counts equal the sum of its
 * children's when the children cover it.
 */
public final class CountTable {
    /** One unit. */
    public static final class Unit {
        final String id;
        final int parent;
        final long[] counts;
        final boolean[] suppressed;
        boolean totalSuppressed;

        Unit(String id, int parent, long[] counts) {
            this.id = id;
            this.parent = parent;
            this.counts = counts.clone();
            this.suppressed = new boolean[counts.length];
        }

        /** {@return unit id} */
        public String id() {
            return id;
        }

        /** {@return the index of the unit this one is part of, or -1 for a top unit} */
        public int parent() {
            return parent;
        }

        /** {@return the unit's total} */
        public long total() {
            long t = 0;
            for (long c : counts) {
                t += c;
            }
            return t;
        }

        /**
         * {@return the published count of column {@code c}, or {@code null} when suppressed}
         *
         * @param c the column's index
         */
        public Long published(int c) {
            return suppressed[c] ? null : counts[c];
        }

        /** {@return the published total, or {@code null} when suppressed} */
        public Long publishedTotal() {
            return totalSuppressed ? null : total();
        }
    }

    private final List<String> columns;
    final List<Unit> units = new ArrayList<>();

    /** @param columns category names */
    public CountTable(List<String> columns) {
        this.columns = List.copyOf(columns);
    }

    /**
     * Adds a unit; {@code parent} is the index of an earlier unit, or -1 for a top unit. Returns its index.
     *
     * @param id the unit's id (a school, a grade, a class …)
     * @param parent the index of the unit it is part of, or -1 for a top unit
     * @param counts its count in each column
     * @return the unit's index
     */
    public int add(String id, int parent, long[] counts) {
        Objects.requireNonNull(id, "id");
        if (counts.length != columns.size() || parent >= units.size()) {
            throw new IllegalArgumentException("counts must match the columns; parents come first");
        }
        units.add(new Unit(id, parent, counts));
        return units.size() - 1;
    }

    /**
     * Hides a cell before suppression runs (to keep levels of a hierarchy consistent).
     *
     * @param unit the unit's index
     * @param column the column's index
     */
    public void hide(int unit, int column) {
        units.get(unit).suppressed[column] = true;
    }

    /**
     * Hides a unit's total and every cell of it before suppression runs.
     *
     * @param unit the unit's index
     */
    public void hideTotal(int unit) {
        Unit u = units.get(unit);
        u.totalSuppressed = true;
        java.util.Arrays.fill(u.suppressed, true);
    }

    /**
     * {@return whether a cell is hidden}
     *
     * @param unit the unit's index
     * @param column the column's index
     */
    public boolean hidden(int unit, int column) {
        return units.get(unit).suppressed[column];
    }

    /** {@return category names} */
    public List<String> columns() {
        return columns;
    }

    /** {@return units in insertion order} */
    public List<Unit> units() {
        return List.copyOf(units);
    }
}
