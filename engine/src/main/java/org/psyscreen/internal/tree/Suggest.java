package org.psyscreen.internal.tree;

import java.util.Collection;

/**
 * "Did you mean" suggestions by edit distance. A dozen lines of dynamic programming; not worth a
 * dependency (commons-text) for it.
 */
public final class Suggest {
    private Suggest() {}

    /**
     * The candidate closest to {@code word}, when it is close enough to be a plausible typo (at
     * most a third of the word's length, and at most 3 edits); otherwise {@code null}.
     */
    public static String closest(String word, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(word, c);
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        int limit = Math.min(3, Math.max(1, word.length() / 3));
        return bestDistance <= limit ? best : null;
    }

    /** " (did you mean 'x'?)" or an empty string. */
    public static String hint(String word, Collection<String> candidates) {
        String c = closest(word, candidates);
        return c == null ? "" : " (did you mean '" + c + "'?)";
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
