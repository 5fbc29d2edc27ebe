package org.psyscreen.batch;

/**
 * Finds duplicated student ids in fixed memory. While pass 1 reads, every id hash goes into a Bloom
 * filter (8 MiB in 64 KiB pages, so that a small heap never needs one large free block; three
 * probes); a hash the filter may have seen becomes a candidate. A short extra
 * read then counts the candidates' hashes exactly, so both copies of every duplicate are found and
 * false candidates drop out. Memory grows with duplicates and false candidates (well under 1% of
 * ids up to ten million), not with the number of students.
 */
final class DuplicateIds {
    private static final int BITS_LOG2 = 26;
    private static final int PAGE_WORDS_LOG2 = 13;
    private final long[][] bloom;
    private final LongSet candidates = new LongSet();
    private LongSet seenOnce = new LongSet();
    private final LongSet duplicated = new LongSet();
    private boolean anyCandidate;

    /** No ids seen yet and none duplicated, holding no filter: a placeholder that costs nothing. */
    static DuplicateIds none() {
        return new DuplicateIds(false);
    }

    /** Ids already known to be duplicated (found by another engine, e.g. a Spark aggregation). */
    static DuplicateIds of(long[] duplicatedHashes) {
        DuplicateIds d = new DuplicateIds(false);
        for (long h : duplicatedHashes) {
            d.duplicated.add(h);
        }
        return d;
    }

    DuplicateIds() {
        this(true);
    }

    private DuplicateIds(boolean counting) {
        int pages = counting ? 1 << (BITS_LOG2 - 6 - PAGE_WORDS_LOG2) : 0;
        this.bloom = new long[pages][1 << PAGE_WORDS_LOG2];
    }

    /** Pass 1: offers an id hash. */
    void offer(long h) {
        boolean maybeSeen = true;
        for (int i = 0; i < 3; i++) {
            long bit = probe(h, i);
            int word = (int) (bit >>> 6);
            long[] page = bloom[word >>> PAGE_WORDS_LOG2];
            int at = word & ((1 << PAGE_WORDS_LOG2) - 1);
            long mask = 1L << (bit & 63);
            if ((page[at] & mask) == 0) {
                maybeSeen = false;
                page[at] |= mask;
            }
        }
        if (maybeSeen) {
            candidates.add(h);
            anyCandidate = true;
        }
    }

    /** Whether the exact recount is needed. */
    boolean needsRecount() {
        return anyCandidate;
    }

    /** The recount read: offers every id hash again; only candidates are counted. */
    void recount(long h) {
        if (candidates.contains(h) && !seenOnce.add(h)) {
            duplicated.add(h);
        }
    }

    /** After the recount (or when none was needed): whether an id hash is duplicated. */
    boolean duplicated(long h) {
        return duplicated.contains(h);
    }

    /** Frees the recount's working set. */
    void finish() {
        seenOnce = new LongSet();
    }

    private static long probe(long h, int i) {
        long x = h + i * 0x9E3779B97F4A7C15L;
        x ^= x >>> 31;
        x *= 0xBF58476D1CE4E5B9L;
        x ^= x >>> 29;
        return x & ((1L << BITS_LOG2) - 1);
    }
}
