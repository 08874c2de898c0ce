package org.ipcspec.harness.spec;

import java.util.List;
import java.util.Locale;

/**
 * Suggestions for a misspelt word or step: "did you mean". One edit distance for the profile's
 * keys and transports and for the step vocabulary.
 */
public final class Spelling {

    private Spelling() {
    }

    /** Levenshtein distance: insertions, deletions and substitutions, each costing one. */
    public static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** The known word nearest to {@code word} (ignoring case), if within 2 edits or a third of its length; else null. */
    public static String closest(String word, List<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = distance(word.toLowerCase(Locale.ROOT), k);
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return bestDistance <= Math.max(2, word.length() / 3) ? best : null;
    }
}
