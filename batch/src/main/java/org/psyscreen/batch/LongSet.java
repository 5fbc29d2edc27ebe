package org.psyscreen.batch;

/**
 * An open-addressing set of 64-bit id hashes (16 bytes per distinct id at most), so duplicate
 * detection over millions of records needs no boxed objects. Not thread-safe.
 */
final class LongSet {
    private static final long EMPTY = 0L;
    private long[] table = new long[1 << 12];
    private int size;
    private boolean hasZero;

    /** Adds {@code v}; returns false when it was already present. */
    boolean add(long v) {
        if (v == EMPTY) {
            boolean added = !hasZero;
            hasZero = true;
            return added;
        }
        if (size * 2 >= table.length) {
            grow();
        }
        int mask = table.length - 1;
        int i = (int) mix(v) & mask;
        while (table[i] != EMPTY) {
            if (table[i] == v) {
                return false;
            }
            i = (i + 1) & mask;
        }
        table[i] = v;
        size++;
        return true;
    }

    boolean contains(long v) {
        if (v == EMPTY) {
            return hasZero;
        }
        int mask = table.length - 1;
        int i = (int) mix(v) & mask;
        while (table[i] != EMPTY) {
            if (table[i] == v) {
                return true;
            }
            i = (i + 1) & mask;
        }
        return false;
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        size = 0;
        for (long v : old) {
            if (v != EMPTY) {
                add(v);
            }
        }
    }

    private static long mix(long v) {
        v ^= v >>> 33;
        v *= 0xff51afd7ed558ccdL;
        v ^= v >>> 33;
        return v;
    }

    /** FNV-1a 64 of a string: collision odds for 10 million ids are about 3 in a million. */
    static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }
}
