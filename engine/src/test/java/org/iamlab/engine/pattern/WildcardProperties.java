package org.iamlab.engine.pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * Properties of IAM wildcard matching ({@code *} any run of characters, {@code ?} exactly one), checked
 * against an independent oracle: a {@link java.util.regex.Pattern} built from the pattern, with every literal
 * character quoted. Small alphabets make patterns and inputs meet often, so both outcomes are exercised.
 *
 * <p>A {@code ?} stands for one UTF-16 {@code char}; the generators stay inside the Basic Multilingual Plane,
 * where that is one character.
 */
class WildcardProperties {

    /** The regex oracle: {@code *} is {@code .*}, {@code ?} is {@code .}, every other character is quoted. */
    static Pattern oracle(String pattern, int flags) {
        StringBuilder regex = new StringBuilder();
        char previous = 0;
        for (char c : pattern.toCharArray()) {
            if (c == '*' && previous == '*') {
                continue; // `.*.*` means `.*`, and only backtracks more
            }
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
            previous = c;
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL | flags);
    }

    static boolean oracleMatches(String pattern, String input) {
        return oracle(pattern, 0).matcher(input).matches();
    }

    /** A string that {@code pattern} describes: each {@code *} filled with a run, each {@code ?} with a char. */
    static Arbitrary<String> instanceOf(String pattern, String alphabet) {
        Arbitrary<String> runs = Arbitraries.strings().withChars(alphabet).ofMaxLength(4);
        Arbitrary<Character> chars = Arbitraries.of(alphabet.toCharArray());
        return Combinators.combine(runs.list().ofSize(pattern.length()), chars.list().ofSize(pattern.length()))
                .as((fills, singles) -> {
                    StringBuilder out = new StringBuilder();
                    for (int i = 0; i < pattern.length(); i++) {
                        char c = pattern.charAt(i);
                        if (c == '*') {
                            out.append(fills.get(i));
                        } else if (c == '?') {
                            out.append(singles.get(i));
                        } else {
                            out.append(c);
                        }
                    }
                    return out.toString();
                });
    }

    private static final String ALPHABET = "ab:/-";

    @Provide
    Arbitrary<String> patterns() {
        return Arbitraries.strings().withChars(ALPHABET + "**??").ofMaxLength(10);
    }

    @Provide
    Arbitrary<String> inputs() {
        return Arbitraries.strings().withChars(ALPHABET + "*?").ofMaxLength(12);
    }

    /** Any text of the Basic Multilingual Plane without surrogates, wildcard characters included. */
    @Provide
    Arbitrary<String> anyText() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('\u0000', '\ud7ff').withCharRange('\ue000', '\uffff')
                        .ofMaxLength(30),
                Arbitraries.strings().withChars("ab*?$\\.^[](){}|+").ofMaxLength(12));
    }

    @Provide
    Arbitrary<String> literalText() {
        return anyText().map(s -> s.replace("*", "").replace("?", ""));
    }

    /** A pattern and a string it describes. */
    @Provide
    Arbitrary<Tuple2<String, String>> patternsWithInstances() {
        return patterns().flatMap(p -> instanceOf(p, ALPHABET + "*?").map(s -> Tuple.of(p, s)));
    }

    /** A pattern with a string that it may or may not match: an instance, a mutated instance or any string. */
    @Provide
    Arbitrary<Tuple2<String, String>> patternsWithCandidates() {
        Arbitrary<Tuple2<String, String>> mutated = patternsWithInstances().flatMap(t -> Combinators.combine(
                Arbitraries.integers().between(0, 12), Arbitraries.of(ALPHABET.toCharArray()))
                .as((at, c) -> {
                    String s = t.get2();
                    int i = Math.min(at, s.length());
                    String changed = i < s.length() && at % 2 == 0
                            ? s.substring(0, i) + c + s.substring(i + 1)
                            : s.substring(0, i) + c + s.substring(i);
                    return Tuple.of(t.get1(), changed);
                }));
        return Arbitraries.oneOf(patternsWithInstances(), mutated,
                Combinators.combine(patterns(), inputs()).as(Tuple::of));
    }

    @Property(tries = 2000)
    void everyStringMatchesItselfAsALiteralPattern(@ForAll("anyText") String text) {
        Wildcard literal = Wildcard.literal(text, false);
        assertTrue(literal.isLiteral(), "a literal pattern has no wildcard");
        assertTrue(literal.matches(text), () -> "`" + text + "` as a literal");
        // Compiled with its wildcards live, a string still matches itself: `*` and `?` match themselves too.
        assertTrue(Wildcard.compile(text, false).matches(text), () -> "`" + text + "` as a pattern");
    }

    @Property(tries = 2000)
    void aLiteralPatternMatchesOnlyTheIdenticalString(@ForAll("tinyStrings") String pattern,
                                                       @ForAll("tinyStrings") String input) {
        Statistics.label("identical").collect(pattern.equals(input));
        assertEquals(pattern.equals(input), Wildcard.literal(pattern, false).matches(input));
    }

    @Provide
    Arbitrary<String> tinyStrings() {
        return Arbitraries.strings().withChars("a*?").ofMaxLength(3);
    }

    @Property(tries = 2000)
    void wildcardCharactersInALiteralPatternAreNotWildcards(@ForAll("inputs") String input) {
        assertEquals(input.equals("*"), Wildcard.literal("*", false).matches(input));
        assertEquals(input.equals("?"), Wildcard.literal("?", false).matches(input));
        assertEquals(input.equals("a*b"), Wildcard.literal("a*b", false).matches(input));
    }

    @Property(tries = 2000)
    void aLoneStarMatchesEverything(@ForAll("anyText") String input) {
        Wildcard star = Wildcard.compile("*", false);
        assertTrue(star.matchesEverything());
        assertTrue(star.matches(input));
        assertTrue(Wildcard.compile("*", true).matches(input.toLowerCase(Locale.ROOT)));
        assertTrue(Wildcard.compile("***", false).matches(input), "a run of stars is a star");
    }

    @Property(tries = 2000)
    void onlyTheLoneStarIsReportedAsMatchingEverything(@ForAll("patterns") String pattern) {
        assertEquals(pattern.equals("*"), Wildcard.compile(pattern, false).matchesEverything());
    }

    @Property(tries = 2000)
    void aPatternIsLiteralExactlyWhenItHasNoWildcard(@ForAll("patterns") String pattern) {
        boolean hasWildcard = pattern.indexOf('*') >= 0 || pattern.indexOf('?') >= 0;
        assertEquals(!hasWildcard, Wildcard.compile(pattern, false).isLiteral());
    }

    @Property(tries = 2000)
    void prefixStarMatchesExactlyTheStringsThatStartWithThePrefix(@ForAll("prefixesWithInputs")
                                                                   Tuple2<String, String> t) {
        String prefix = t.get1();
        String input = t.get2();
        Statistics.label("starts with prefix").collect(input.startsWith(prefix));
        assertEquals(input.startsWith(prefix), Wildcard.compile(prefix + "*", false).matches(input));
        // The general matcher (two stars defeat the prefix fast path) agrees with the fast path.
        assertEquals(input.startsWith(prefix), Wildcard.compile(prefix + "**", false).matches(input));
    }

    @Provide
    Arbitrary<Tuple2<String, String>> prefixesWithInputs() {
        Arbitrary<String> prefixes = Arbitraries.strings().withChars(ALPHABET).ofMaxLength(5);
        Arbitrary<String> rest = Arbitraries.strings().withChars(ALPHABET + "*?").ofMaxLength(5);
        return Arbitraries.oneOf(
                Combinators.combine(prefixes, rest).as((p, r) -> Tuple.of(p, p + r)),
                Combinators.combine(prefixes, inputs()).as(Tuple::of));
    }

    @Property(tries = 3000)
    void matchingAgreesWithTheRegexOracle(@ForAll("patternsWithCandidates") Tuple2<String, String> t) {
        String pattern = t.get1();
        String input = t.get2();
        boolean expected = oracleMatches(pattern, input);
        Statistics.label("matches").collect(expected);
        assertEquals(expected, Wildcard.compile(pattern, false).matches(input),
                () -> "`" + pattern + "` against `" + input + "`");
    }

    @Property(tries = 2000)
    void aPatternMatchesEveryStringItDescribes(@ForAll("patternsWithInstances") Tuple2<String, String> t) {
        assertTrue(Wildcard.compile(t.get1(), false).matches(t.get2()),
                () -> "`" + t.get1() + "` against `" + t.get2() + "`");
    }

    @Property(tries = 2000)
    void insertingAStarNeverRemovesAMatch(@ForAll("patternsWithCandidates") Tuple2<String, String> t,
                                          @ForAll @IntRange(min = 0, max = 10) int at) {
        String pattern = t.get1();
        String input = t.get2();
        int i = Math.min(at, pattern.length());
        String widened = pattern.substring(0, i) + "*" + pattern.substring(i);
        boolean before = Wildcard.compile(pattern, false).matches(input);
        boolean after = Wildcard.compile(widened, false).matches(input);
        Statistics.label("matched before").collect(before);
        assertTrue(!before || after, () -> "`" + pattern + "` matches `" + input + "` but `" + widened + "` does not");
        assertEquals(oracleMatches(widened, input), after);
    }

    @Property(tries = 2000)
    void aRunOfQuestionMarksMatchesExactlyThatManyCharacters(@ForAll @IntRange(min = 0, max = 6) int n,
                                                            @ForAll("inputs") String input) {
        assertEquals(input.length() == n, Wildcard.compile("?".repeat(n), false).matches(input));
    }

    @Property(tries = 2000)
    void aQuestionMarkMatchesExactlyOneCharacterInItsPlace(@ForAll("literalInputsWithPositions")
                                                           Tuple2<String, Integer> t,
                                                           @ForAll("inputs") String other,
                                                           @ForAll char replacement) {
        String word = t.get1();
        int at = t.get2();
        String pattern = word.substring(0, at) + "?" + word.substring(at + 1);
        Wildcard w = Wildcard.compile(pattern, false);
        assertTrue(w.matches(word));
        String swapped = word.substring(0, at) + replacement + word.substring(at + 1);
        assertTrue(w.matches(swapped), "any character fills the ?");
        assertFalse(w.matches(word.substring(0, at) + word.substring(at + 1)), "? is not optional");
        assertFalse(w.matches(word.substring(0, at) + "xy" + word.substring(at + 1)), "? is one character");
        boolean expected = other.length() == word.length() && other.startsWith(word.substring(0, at))
                && other.substring(at + 1).equals(word.substring(at + 1));
        assertEquals(expected, w.matches(other));
    }

    @Provide
    Arbitrary<Tuple2<String, Integer>> literalInputsWithPositions() {
        return Arbitraries.strings().withChars(ALPHABET).ofMinLength(1).ofMaxLength(8)
                .flatMap(s -> Arbitraries.integers().between(0, s.length() - 1).map(i -> Tuple.of(s, i)));
    }

    /** Mixed-case letters, including Latin-1 letters whose lower case is a single char. */
    @Provide
    Arbitrary<Tuple2<String, String>> mixedCasePatternsWithCandidates() {
        String letters = "aAbBsS3:-éÉ";
        Arbitrary<String> pats = Arbitraries.strings().withChars(letters + "*?").ofMaxLength(8);
        Arbitrary<String> withInstance = pats.flatMap(p -> instanceOf(p, letters).map(s -> p + "\u0000" + s));
        return Arbitraries.oneOf(withInstance,
                        Combinators.combine(pats, Arbitraries.strings().withChars(letters).ofMaxLength(8))
                                .as((p, s) -> p + "\u0000" + s))
                .map(joined -> {
                    int cut = joined.indexOf('\u0000');
                    return Tuple.of(joined.substring(0, cut), flipCase(joined.substring(cut + 1)));
                });
    }

    private static String flipCase(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            out.append(i % 2 == 0 ? Character.toUpperCase(c) : c);
        }
        return out.toString();
    }

    @Property(tries = 2000)
    void ignoringCaseEqualsTheLowerCaseOracle(@ForAll("mixedCasePatternsWithCandidates") Tuple2<String, String> t) {
        String pattern = t.get1();
        String input = t.get2();
        String lowerInput = input.toLowerCase(Locale.ROOT);
        boolean expected = oracle(pattern.toLowerCase(Locale.ROOT), 0).matcher(lowerInput).matches();
        Statistics.label("matches").collect(expected);
        assertEquals(expected, Wildcard.compile(pattern, true).matches(lowerInput),
                () -> "`" + pattern + "` ignoring case against `" + input + "`");
        // A second, case-folding oracle on the original text agrees.
        assertEquals(expected, oracle(pattern, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                .matcher(input).matches());
    }

    @Property(tries = 2000)
    void aCaseSensitivePatternDistinguishesCase(@ForAll("literalInputsWithPositions") Tuple2<String, Integer> t) {
        String lower = t.get1().replace(':', 'a').replace('/', 'b').replace('-', 'a');
        String upper = lower.toUpperCase(Locale.ROOT);
        assertFalse(Wildcard.compile(lower, false).matches(upper));
        assertFalse(Wildcard.compile(lower + "*", false).matches(upper));
        assertTrue(Wildcard.compile(upper, true).matches(lower), "ignoring case, the pattern's case is folded");
    }

    @Property(tries = 2000)
    void callerDecidedWildcardsMatchTheirCharactersLiterally(@ForAll("patternsWithCandidates")
                                                            Tuple2<String, String> t,
                                                            @ForAll("maskSeeds") List<Boolean> mask) {
        String pattern = t.get1();
        String input = t.get2();
        char[] chars = pattern.toCharArray();
        boolean[] wild = new boolean[chars.length];
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < chars.length; i++) {
            wild[i] = (chars[i] == '*' || chars[i] == '?') && mask.get(i % mask.size());
            regex.append(!wild[i] ? Pattern.quote(String.valueOf(chars[i])) : chars[i] == '*' ? ".*" : ".");
        }
        boolean expected = Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(input).matches();
        assertEquals(expected, Wildcard.of(pattern, chars, wild, false).matches(input),
                () -> "`" + pattern + "` with wildcards " + java.util.Arrays.toString(wild) + " against `" + input + "`");
    }

    @Provide
    Arbitrary<List<Boolean>> maskSeeds() {
        return Arbitraries.of(true, false).list().ofMinSize(1).ofMaxSize(10);
    }
}
