package org.iamlab.engine.arn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import org.iamlab.engine.pattern.VariableSource;

/**
 * Properties of ARNs and ARN patterns (IAM User Guide, "IAM JSON policy elements: Resource"): an ARN has six
 * colon-separated segments, the resource segment may itself hold {@code :} and {@code /}; a pattern matches
 * segment by segment, case-sensitively, so a wildcard never reaches across a colon of the first five segments.
 * The oracle splits pattern and ARN itself and matches each segment with a regex.
 */
class ArnPatternProperties {

    private static final int SEGMENTS = 6;

    // ---- generators ------------------------------------------------------------------------------------

    /** A colon-free segment; {@code nonEmpty} for partition and service. */
    private static Arbitrary<String> segment(String chars, boolean nonEmpty) {
        return Arbitraries.strings().withChars(chars).ofMinLength(nonEmpty ? 1 : 0).ofMaxLength(4);
    }

    /** ARNs as records, from a small alphabet so that patterns often meet them. */
    @Provide
    Arbitrary<Arn> arns() {
        return Combinators.combine(segment("ab", true), segment("ab", true), segment("ab", false),
                        segment("ab", false), Arbitraries.strings().withChars("ab/:").ofMaxLength(8))
                .as(Arn::new);
    }

    /** ARNs whose segments use every character a policy might, `$`, `{`, `}`, `*`, `?` and spaces included. */
    @Provide
    Arbitrary<Arn> wildArns() {
        String chars = "aZ0-._ $}{*?/";
        return Combinators.combine(segment(chars, true), segment(chars, true), segment(chars, false),
                        segment(chars, false), Arbitraries.strings().withChars(chars + ":").ofMaxLength(12))
                .as(Arn::new);
    }

    /** ARN patterns over the same alphabet as {@link #arns()}, with wildcards in every segment. */
    @Provide
    Arbitrary<String> patterns() {
        Arbitrary<String> seg = Arbitraries.strings().withChars("ab*?").ofMaxLength(3);
        return Combinators.combine(seg, seg, seg, seg, Arbitraries.strings().withChars("ab/:*?").ofMaxLength(6))
                .as((p, s, r, a, res) -> "arn:" + p + ":" + s + ":" + r + ":" + a + ":" + res);
    }

    /** A pattern with an ARN it may match: a random ARN, or one built from the pattern's own segments. */
    @Provide
    Arbitrary<Tuple2<String, Arn>> patternsWithArns() {
        Arbitrary<Tuple2<String, Arn>> derived = Combinators.combine(patterns(), Arbitraries.of("", "a", "b", "ab"),
                        Arbitraries.of("", "b", "/", ":"))
                .as((pattern, fill, single) -> {
                    String[] s = splitSix(pattern);
                    String[] filled = new String[SEGMENTS];
                    for (int i = 1; i < SEGMENTS; i++) {
                        String f = i == SEGMENTS - 1 ? fill + single : fill;
                        String one = single.isEmpty() || (i < SEGMENTS - 1 && single.equals(":")) ? "a" : single;
                        filled[i] = s[i].replace("*", f).replace("?", one);
                        if (i <= 2 && filled[i].isEmpty()) {
                            filled[i] = "a";
                        }
                    }
                    return Tuple.of(pattern, new Arn(filled[1], filled[2], filled[3], filled[4], filled[5]));
                });
        return Arbitraries.oneOf(derived, Combinators.combine(patterns(), arns()).as(Tuple::of));
    }

    // ---- the oracle ------------------------------------------------------------------------------------

    /** Splits at the first five colons; the sixth part keeps the rest. */
    static String[] splitSix(String text) {
        String[] parts = new String[SEGMENTS];
        int start = 0;
        for (int i = 0; i < SEGMENTS - 1; i++) {
            int colon = text.indexOf(':', start);
            parts[i] = text.substring(start, colon);
            start = colon + 1;
        }
        parts[SEGMENTS - 1] = text.substring(start);
        return parts;
    }

    static Pattern wildcardRegex(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    static boolean oracle(String pattern, String arn) {
        String[] p = splitSix(pattern);
        String[] a = splitSix(arn);
        for (int i = 0; i < SEGMENTS; i++) {
            if (!wildcardRegex(p[i]).matcher(a[i]).matches()) {
                return false;
            }
        }
        return true;
    }

    private static boolean matches(String pattern, boolean variables, String arn, VariableSource source) {
        return ArnPattern.compile(pattern, variables).matches(arn, Arn.parse(arn).orElse(null), source);
    }

    // ---- Arn.parse ---------------------------------------------------------------------------------------

    @Property(tries = 2000)
    void anArnRoundTripsThroughItsText(@ForAll("wildArns") Arn arn) {
        String text = arn.toString();
        assertEquals(Optional.of(arn), Arn.parse(text), text);
        for (int i = 1; i < SEGMENTS; i++) {
            assertEquals(List.of(arn.partition(), arn.service(), arn.region(), arn.account(), arn.resource()).get(i - 1),
                    arn.segment(i));
        }
    }

    @Property(tries = 2000)
    void anyTextWithSixSegmentsParsesAndPrintsBackUnchanged(@ForAll("arnLikeTexts") String text) {
        Optional<Arn> arn = Arn.parse(text);
        String[] parts = text.split(":", SEGMENTS);
        boolean shaped = text.startsWith("arn:") && parts.length == SEGMENTS
                && !parts[1].isEmpty() && !parts[2].isEmpty();
        Statistics.label("is an ARN").collect(shaped);
        assertEquals(shaped, arn.isPresent(), text);
        arn.ifPresent(a -> {
            assertEquals(text, a.toString());
            assertEquals(parts[5], a.resource(), "the resource keeps every colon after the fifth");
        });
    }

    @Provide
    Arbitrary<String> arnLikeTexts() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("a:/").ofMaxLength(12).map(s -> "arn:" + s),
                Arbitraries.strings().withChars("arn:/").ofMaxLength(14),
                wildArns().map(Arn::toString));
    }

    // ---- ArnPattern ----------------------------------------------------------------------------------------

    @Property(tries = 2000)
    void aPatternEqualToTheArnMatchesIt(@ForAll("wildArns") Arn arn) {
        String text = arn.toString();
        // Literally, whatever characters it holds (with variables off `${...}` is plain text, colons and all).
        assertTrue(matches(text, false, text, VariableSource.NONE), text);
        if (!text.contains("${")) {
            assertTrue(matches(text, true, text, VariableSource.NONE), text);
        }
    }

    @Example
    void aColonInsideDollarBracesIsASegmentBreakWhenVariablesAreOff() {
        String arn = "arn:aws:s3:${x:y}::bucket";
        assertTrue(matches(arn, false, arn, VariableSource.NONE));
        assertFalse(matches(arn, false, "arn:aws:s3:${x:y}::other", VariableSource.NONE));
        // With variables on, `${x:y}` is a variable whose key holds a colon: it stays in the region segment.
        assertTrue(matches(arn, true, "arn:aws:s3:eu-west-1::bucket", key -> key.equals("x:y") ? "eu-west-1" : null));
        assertFalse(matches(arn, true, arn, VariableSource.NONE), "an unresolved variable matches nothing");
    }

    @Property(tries = 3000)
    @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
    void matchingIsSegmentBySegmentLikeTheOracle(@ForAll("patternsWithArns") Tuple2<String, Arn> t) {
        String pattern = t.get1();
        String arn = t.get2().toString();
        boolean expected = oracle(pattern, arn);
        Statistics.label("matches").collect(expected);
        Statistics.label("matches").coverage(check -> {
            check.check(true).percentage(p -> p > 20);
            check.check(false).percentage(p -> p > 20);
        });
        assertEquals(expected, matches(pattern, true, arn, VariableSource.NONE), () -> pattern + " vs " + arn);
        assertEquals(expected, matches(pattern, false, arn, VariableSource.NONE), () -> pattern + " vs " + arn);
    }

    @Property(tries = 2000)
    void wildcardInFirstFiveSegmentsNeverCrossesAColon(@ForAll("arns") Arn arn,
                                                       @ForAll @IntRange(min = 1, max = 4) int segment,
                                                       @ForAll("wildcardSegments") String wildcard) {
        String[] parts = {"arn", arn.partition(), arn.service(), arn.region(), arn.account(), arn.resource()};
        List<String> pattern = new ArrayList<>(List.of(parts));
        pattern.set(segment, wildcard);
        List<String> stretched = new ArrayList<>(List.of(parts));
        stretched.set(segment, "a:" + parts[segment]);
        String patternText = String.join(":", pattern);
        String arnText = String.join(":", stretched);
        // The stretched ARN's segments shift right by one, and its resource gains a colon the pattern's
        // literal resource does not have: only a wildcard crossing a colon could match it.
        assertFalse(matches(patternText, true, arnText, VariableSource.NONE), () -> patternText + " vs " + arnText);
        String unstretched = String.join(":", parts);
        assertEquals(oracle(patternText, unstretched), matches(patternText, true, unstretched, VariableSource.NONE));
    }

    @Provide
    Arbitrary<String> wildcardSegments() {
        return Arbitraries.of("*", "**", "a*", "*a*", "*b", "?*", "*?");
    }

    @Property(tries = 2000)
    void theResourceSegmentMayContainColonsAndSlashes(@ForAll("arns") Arn arn,
                                                      @ForAll("resourceTails") String tail) {
        Arn longer = new Arn(arn.partition(), arn.service(), arn.region(), arn.account(), arn.resource() + tail);
        String prefix = "arn:" + arn.partition() + ":" + arn.service() + ":" + arn.region() + ":" + arn.account() + ":";
        assertTrue(matches(prefix + arn.resource() + "*", true, longer.toString(), VariableSource.NONE));
        assertTrue(matches(prefix + "*", true, longer.toString(), VariableSource.NONE));
        assertTrue(matches(prefix + longer.resource(), true, longer.toString(), VariableSource.NONE));
        assertEquals(tail.isEmpty(), matches(prefix + arn.resource(), true, longer.toString(), VariableSource.NONE));
    }

    @Provide
    Arbitrary<String> resourceTails() {
        return Arbitraries.strings().withChars("a:/").ofMaxLength(6);
    }

    @Property(tries = 2000)
    void matchingIsCaseSensitive(@ForAll("arns") Arn arn, @ForAll @IntRange(min = 1, max = 5) int segment) {
        String[] parts = {"arn", arn.partition(), arn.service(), arn.region(), arn.account(), arn.resource()};
        String original = String.join(":", parts);
        int letter = -1;
        for (int i = 0; i < parts[segment].length(); i++) {
            if (Character.isLetter(parts[segment].charAt(i))) {
                letter = i;
                break;
            }
        }
        net.jqwik.api.Assume.that(letter >= 0);
        String s = parts[segment];
        parts[segment] = s.substring(0, letter) + Character.toUpperCase(s.charAt(letter)) + s.substring(letter + 1);
        String upper = String.join(":", parts);
        assertFalse(matches(upper, true, original, VariableSource.NONE), () -> upper + " vs " + original);
        assertFalse(matches(original, true, upper, VariableSource.NONE), () -> original + " vs " + upper);
    }

    @Property(tries = 2000)
    void aLoneStarMatchesEverything(@ForAll("arnLikeTexts") String text, @ForAll boolean variables) {
        ArnPattern star = ArnPattern.compile("*", variables);
        assertTrue(star.matchesEverything());
        assertTrue(star.matches(text, Arn.parse(text).orElse(null), VariableSource.NONE), text);
    }

    @Property(tries = 2000)
    void aSegmentPatternNeverMatchesTextThatIsNotAnArn(@ForAll("arnLikeTexts") String text) {
        net.jqwik.api.Assume.that(Arn.parse(text).isEmpty());
        assertFalse(matches("arn:*:*:*:*:*", true, text, VariableSource.NONE), text);
        assertTrue(matches("arn:*:*:*:*:*", true, "arn:a:b:::", VariableSource.NONE));
    }

    @Property(tries = 2000)
    void variablesResolveFromTheVariableSource(@ForAll("userNames") String user,
                                               @ForAll("userNames") String other,
                                               @ForAll("resourceTails") String rest) {
        String pattern = "arn:aws:s3:::home/${aws:username}/*";
        VariableSource source = key -> key.equals("aws:username") ? user : null;
        String arn = "arn:aws:s3:::home/" + other + "/" + rest;
        boolean expected = Pattern.compile("home/" + Pattern.quote(user) + "/.*", Pattern.DOTALL)
                .matcher("home/" + other + "/" + rest).matches();
        Statistics.label("same user").collect(user.equals(other));
        assertEquals(expected, matches(pattern, true, arn, source), () -> user + " vs " + arn);
        assertTrue(matches(pattern, true, "arn:aws:s3:::home/" + user + "/" + rest, source));
        assertFalse(matches(pattern, true, arn, VariableSource.NONE), "an unresolved variable matches nothing");
        assertFalse(matches(pattern, false, "arn:aws:s3:::home/" + user + "/" + rest, source),
                "without 2012-10-17, `${aws:username}` is literal text...");
        assertTrue(matches(pattern, false, "arn:aws:s3:::home/${aws:username}/" + rest, source), "...matching itself");
    }

    @Provide
    Arbitrary<String> userNames() {
        // a user name's `*` and `?` must match only themselves
        return Arbitraries.strings().withChars("ab*?").ofMinLength(1).ofMaxLength(3);
    }

    @Property(tries = 2000)
    void aVariableWithAColonInItsKeyStaysInsideItsSegment(@ForAll("accounts") String account,
                                                          @ForAll("accounts") String requestAccount,
                                                          @ForAll("resourceTails") String user) {
        String pattern = "arn:aws:iam::${aws:PrincipalAccount}:user/*";
        VariableSource source = key -> key.equals("aws:principalaccount") ? requestAccount : null;
        ArnPattern compiled = ArnPattern.compile(pattern, true);
        assertTrue(compiled.hasVariables());
        String arn = "arn:aws:iam::" + account + ":user/" + user;
        assertEquals(account.equals(requestAccount), compiled.matches(arn, Arn.parse(arn).orElseThrow(), source),
                () -> arn + " with aws:PrincipalAccount " + requestAccount);
    }

    @Provide
    Arbitrary<String> accounts() {
        return Arbitraries.of("111122223333", "444455556666", "*", "1111?2223333");
    }
}
