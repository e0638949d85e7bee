package org.iamlab.engine.parse;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean" suggestions: the closest candidate by edit distance, ignoring case. */
public final class Hints {

    private Hints() {
    }

    /**
     * The candidate closest to {@code input}, when it is close enough to be a likely typo; of equally close
     * ones, the first. Candidates that cannot come closer than the best so far are passed over early: the lists
     * (every spelling of every condition operator, every action of a service) are long, and the question is
     * asked for each mistyped line of a large file.
     */
    public static Optional<String> closest(String input, Collection<String> candidates) {
        String lowerInput = input.toLowerCase(Locale.ROOT);
        int allowed = Math.max(2, input.length() / 3);
        String best = null;
        // Only a distance within `allowed` counts, so the bound starts just above it.
        int bestDistance = allowed + 1;
        for (String candidate : candidates) {
            if (Math.abs(candidate.length() - lowerInput.length()) >= bestDistance) {
                continue;
            }
            int d = distance(lowerInput, candidate.toLowerCase(Locale.ROOT), bestDistance);
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        return Optional.ofNullable(best);
    }

    /** {@code did you mean `X`?} for the closest candidate, or {@code null}. */
    public static String didYouMean(String input, Collection<String> candidates) {
        return closest(input, candidates).map(c -> "did you mean `" + c + "`?").orElse(null);
    }

    /** Levenshtein distance when it is below {@code bound}; otherwise some number at least {@code bound}. */
    private static int distance(String a, String b, int bound) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int rowMinimum = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                rowMinimum = Math.min(rowMinimum, current[j]);
            }
            // The distance is at least the smallest value of any row.
            if (rowMinimum >= bound) {
                return rowMinimum;
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
