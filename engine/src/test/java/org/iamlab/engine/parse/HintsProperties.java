package org.iamlab.engine.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * "Did you mean" picks the candidate at the smallest edit distance, ignoring case, the first of equally close
 * ones, and only when it is within a third of the input's length (at least 2). {@link Hints#closest} passes over
 * candidates that cannot beat the best so far; the oracle measures every one in full.
 */
class HintsProperties {

    @Provide
    Arbitrary<String> words() {
        return Arbitraries.strings().withChars("abAB").ofMaxLength(7);
    }

    @Provide
    Arbitrary<List<String>> candidates() {
        return words().list().ofMaxSize(12);
    }

    @Property(tries = 3000)
    void theHintIsTheFirstClosestCandidateWithinReach(@ForAll("words") String input,
                                                     @ForAll("candidates") List<String> candidates) {
        assertEquals(oracle(input, candidates), Hints.closest(input, candidates));
    }

    private static Optional<String> oracle(String input, List<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = levenshtein(input.toLowerCase(Locale.ROOT), c.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        return bestDistance <= Math.max(2, input.length() / 3) ? Optional.ofNullable(best) : Optional.empty();
    }

    private static int levenshtein(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            for (int j = 0; j <= b.length(); j++) {
                d[i][j] = i == 0 ? j : j == 0 ? i : Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1),
                        d[i - 1][j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
        }
        return d[a.length()][b.length()];
    }
}
