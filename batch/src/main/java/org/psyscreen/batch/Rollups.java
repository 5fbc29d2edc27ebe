package org.psyscreen.batch;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.psyscreen.privacy.CountTable;
import org.psyscreen.privacy.SmallCellSuppressor;

/**
 * Counts of students by outcome along the warning network (region, school, grade, class), published
 * with small cells suppressed. Each school is suppressed as its own hierarchy (school, grades,
 * classes), the region over its schools; cells hidden at one level are carried into the other until
 * both are stable, so no hidden cell can be recovered from either. Memory grows with the number of
 * classes, not of students.
 */
final class Rollups {
    static final String UNKNOWN = "(not given)";

    /** Marks a hidden total in the carried sets. */
    private static final int TOTAL = -1;

    private final List<String> columns;
    /**
     * The classes counted so far, each given an index the first time it is seen: its four names at
     * {@code names[4 * index ..]}, its counts at {@code counts[columns * index ..]}, and an
     * open-addressed table of indexes ({@code slots}: index + 1, 0 for free) found by the names' hash.
     * Counting a record allocates nothing and touches a few flat arrays. A hash map from a key record
     * to a count array made a key per record and walked a node, a key and an array for each lookup,
     * mostly cache misses among tens of thousands of classes: a tenth of a scoring thread's time on a
     * province's export.
     */
    private String[] names = new String[4 * 64];

    private int[] hashes = new int[64];
    private long[] counts;
    private int[] slots = new int[128];
    private int size;

    /** Set by {@link #write}: the classes in path order, totals of every prefix, classes by school. */
    private TreeMap<List<String>, long[]> sorted;

    private Map<List<String>, long[]> totals;
    private Map<List<String>, List<List<String>>> classesBySchool;

    Rollups(List<String> columns) {
        this.columns = List.copyOf(columns);
        this.counts = new long[this.columns.size() * 64];
    }

    void add(String region, String school, String grade, String klass, int column) {
        add(region, school, grade, klass, column, 1);
    }

    /** Adds {@code count} students of one class and outcome (counted elsewhere, e.g. by Spark). */
    void add(String region, String school, String grade, String klass, int column, long count) {
        if (column < 0 || column >= columns.size()) { // in one flat array it would count in a neighbour
            throw new IndexOutOfBoundsException("no outcome column " + column + " in this roll-up");
        }
        int x = indexOf(name(region), name(school), name(grade), name(klass)); // may grow counts: first
        counts[columns.size() * x + column] += count;
    }

    /** Adds another roll-up's counts (same columns): chunks counted apart, summed in order. */
    void add(Rollups other) {
        int width = columns.size();
        for (int x = 0; x < other.size; x++) {
            int to = width
                    * indexOf(
                            other.names[4 * x], other.names[4 * x + 1], other.names[4 * x + 2], other.names[4 * x + 3]);
            for (int c = 0; c < width; c++) {
                counts[to + c] += other.counts[width * x + c];
            }
        }
    }

    /** The index of a class, given one when it is new. */
    private int indexOf(String region, String school, String grade, String klass) {
        int h = ((region.hashCode() * 31 + school.hashCode()) * 31 + grade.hashCode()) * 31 + klass.hashCode();
        h ^= h >>> 16;
        int mask = slots.length - 1;
        for (int i = h & mask; ; i = (i + 1) & mask) {
            int slot = slots[i];
            if (slot == 0) {
                return added(i, h, region, school, grade, klass);
            }
            int x = slot - 1;
            if (hashes[x] == h
                    && names[4 * x + 3].equals(klass)
                    && names[4 * x + 1].equals(school)
                    && names[4 * x + 2].equals(grade)
                    && names[4 * x].equals(region)) {
                return x;
            }
        }
    }

    /** Gives a new class the next index, in free slot {@code i}; grows the arrays as needed. */
    private int added(int i, int h, String region, String school, String grade, String klass) {
        int x = size++;
        if (x == hashes.length) {
            hashes = Arrays.copyOf(hashes, 2 * x);
            names = Arrays.copyOf(names, 8 * x);
            counts = Arrays.copyOf(counts, 2 * x * columns.size());
        }
        hashes[x] = h;
        names[4 * x] = region;
        names[4 * x + 1] = school;
        names[4 * x + 2] = grade;
        names[4 * x + 3] = klass;
        slots[i] = x + 1;
        if (2 * size > slots.length) { // at most half full: probes stay short
            int[] grown = new int[2 * slots.length];
            int mask = grown.length - 1;
            for (int y = 0; y < size; y++) {
                int j = hashes[y] & mask;
                while (grown[j] != 0) {
                    j = (j + 1) & mask;
                }
                grown[j] = y + 1;
            }
            slots = grown;
        }
        return x;
    }

    private static String name(String s) {
        return s == null || s.isBlank() ? UNKNOWN : s;
    }

    /** Writes the suppressed roll-up as CSV: level, region, school, grade, class, students, one column per outcome. */
    void write(Writer out, int k) throws IOException {
        // Hidden cells by unit path (region / school / grade / class prefixes), carried between tables.
        // Concurrent: the schools of a region are suppressed in parallel; each touches only its own
        // paths (school, grades, classes), so the order they run in cannot change what is hidden.
        Map<List<String>, Set<Integer>> hidden = new java.util.concurrent.ConcurrentHashMap<>();
        Map<List<String>, CountTable.Unit> published = new java.util.concurrent.ConcurrentHashMap<>();
        // One pass builds everything the suppression loop reads: it never rescans the classes, so its
        // cost grows with the number of cells, not with schools x classes.
        sorted = new TreeMap<>(Rollups::compare);
        int width = columns.size();
        for (int x = 0; x < size; x++) {
            sorted.put(
                    List.of(names[4 * x], names[4 * x + 1], names[4 * x + 2], names[4 * x + 3]),
                    Arrays.copyOfRange(counts, width * x, width * (x + 1)));
        }
        totals = new HashMap<>();
        classesBySchool = new LinkedHashMap<>();
        Map<String, List<List<String>>> schoolsByRegion = new TreeMap<>();
        for (var e : sorted.entrySet()) {
            List<String> key = e.getKey();
            for (int len = 1; len <= 3; len++) {
                long[] t = totals.computeIfAbsent(List.copyOf(key.subList(0, len)), x -> new long[columns.size()]);
                for (int c = 0; c < t.length; c++) {
                    t[c] += e.getValue()[c];
                }
            }
            List<String> school = List.copyOf(key.subList(0, 2));
            List<List<String>> ofSchool = classesBySchool.get(school);
            if (ofSchool == null) {
                ofSchool = new ArrayList<>();
                classesBySchool.put(school, ofSchool);
                schoolsByRegion
                        .computeIfAbsent(key.get(0), r -> new ArrayList<>())
                        .add(school);
            }
            ofSchool.add(key);
        }
        boolean stable = false;
        while (!stable) {
            stable = true;
            for (var region : schoolsByRegion.entrySet()) {
                // every school is suppressed (no short-circuit), then the region over them
                boolean schoolsStable = region.getValue().parallelStream()
                        .map(school -> suppressSchool(school, k, hidden, published))
                        .reduce(true, (a, b) -> a & b);
                stable &= schoolsStable;
                stable &= suppressRegion(region.getKey(), region.getValue(), k, hidden, published);
            }
        }
        CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(out);
        List<String> header = new ArrayList<>(List.of("level", "region", "school", "grade", "class", "students"));
        header.addAll(columns);
        csv.writeRecord(header);
        List<List<String>> order = new ArrayList<>(published.keySet());
        order.sort(Rollups::compare);
        for (List<String> path : order) {
            CountTable.Unit u = published.get(path);
            List<String> row = new ArrayList<>();
            row.add(List.of("region", "school", "grade", "class").get(path.size() - 1));
            for (int i = 0; i < 4; i++) {
                row.add(i < path.size() ? org.psyscreen.student.Cells.spreadsheetSafe(path.get(i)) : "");
            }
            row.add(u.publishedTotal() == null ? "*" : Long.toString(u.publishedTotal()));
            for (int c = 0; c < columns.size(); c++) {
                row.add(u.published(c) == null ? "*" : Long.toString(u.published(c)));
            }
            csv.writeRecord(row);
        }
        csv.flush();
    }

    /** School, its grades and classes as one table; returns true when nothing new was hidden. */
    private boolean suppressSchool(
            List<String> school,
            int k,
            Map<List<String>, Set<Integer>> hidden,
            Map<List<String>, CountTable.Unit> published) {
        CountTable t = new CountTable(columns);
        List<List<String>> paths = new ArrayList<>();
        Map<List<String>, Integer> index = new HashMap<>();
        long[] schoolCounts = sum(school);
        index.put(school, t.add(String.join("/", school), -1, schoolCounts));
        paths.add(school);
        for (List<String> key : classesBySchool.get(school)) {
            List<String> grade = List.copyOf(key.subList(0, 3));
            if (!index.containsKey(grade)) {
                index.put(grade, t.add(String.join("/", grade), index.get(school), sum(grade)));
                paths.add(grade);
            }
            index.put(key, t.add(String.join("/", key), index.get(grade), sorted.get(key)));
            paths.add(key);
        }
        return apply(t, paths, index, k, hidden, published);
    }

    private boolean suppressRegion(
            String region,
            List<List<String>> schools,
            int k,
            Map<List<String>, Set<Integer>> hidden,
            Map<List<String>, CountTable.Unit> published) {
        CountTable t = new CountTable(columns);
        List<List<String>> paths = new ArrayList<>();
        Map<List<String>, Integer> index = new HashMap<>();
        List<String> r = List.of(region);
        index.put(r, t.add(region, -1, sum(r)));
        paths.add(r);
        for (List<String> school : schools) {
            index.put(school, t.add(String.join("/", school), index.get(r), sum(school)));
            paths.add(school);
        }
        boolean stable = apply(t, paths, index, k, hidden, published);
        // The school rows published are the ones from the school tables (they also hold grades and classes).
        return stable;
    }

    private boolean apply(
            CountTable t,
            List<List<String>> paths,
            Map<List<String>, Integer> index,
            int k,
            Map<List<String>, Set<Integer>> hidden,
            Map<List<String>, CountTable.Unit> published) {
        for (List<String> p : paths) {
            for (int c : hidden.getOrDefault(p, Set.of())) {
                if (c == TOTAL) {
                    t.hideTotal(index.get(p));
                } else {
                    t.hide(index.get(p), c);
                }
            }
        }
        SmallCellSuppressor.suppress(t, k);
        boolean stable = true;
        for (List<String> p : paths) {
            Set<Integer> h = hidden.computeIfAbsent(p, x -> new HashSet<>());
            for (int c = 0; c < columns.size(); c++) {
                if (t.hidden(index.get(p), c) && h.add(c)) {
                    stable = false;
                }
            }
            if (t.units().get(index.get(p)).publishedTotal() == null && h.add(TOTAL)) {
                stable = false;
            }
            published.put(p, t.units().get(index.get(p)));
        }
        return stable;
    }

    /** The counts of a region, school or grade (computed once in {@link #write}). */
    private long[] sum(List<String> prefix) {
        return totals.get(prefix).clone();
    }

    private static int compare(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}
