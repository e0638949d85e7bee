package org.iamlab.engine.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.iamlab.engine.policy.ActionElement;
import org.iamlab.engine.policy.StringList;

/**
 * Properties of a statement's Action element (IAM User Guide, "IAM JSON policy elements: Action"): an action
 * matches when any listed pattern matches it, case-insensitively, with {@code *} and {@code ?} as wildcards,
 * and the pattern reported (for the trace) is one that matches. The matcher groups patterns by service and by
 * shape, with short and long lists of names held differently; the oracle tries every pattern as a regex.
 */
class ActionMatcherProperties {

    private static final Principal CALLER = Principal.parse("arn:aws:iam::111122223333:user/alice");

    /** Patterns over two services and a small alphabet, so that long lists repeat names and often match. */
    @Provide
    Arbitrary<String> patterns() {
        Arbitrary<String> service = Arbitraries.of("s3", "S3", "sqs", "s?s", "*");
        Arbitrary<String> name = Arbitraries.strings().withChars("aB*?").ofMinLength(1).ofMaxLength(3);
        return Combinators.combine(service, name).as((s, n) -> s + ":" + n);
    }

    @Provide
    Arbitrary<String> actions() {
        Arbitrary<String> service = Arbitraries.of("s3", "sqs", "sns");
        Arbitrary<String> name = Arbitraries.strings().withChars("aAbB").ofMinLength(1).ofMaxLength(3);
        return Combinators.combine(service, name).as((s, n) -> s + ":" + n);
    }

    @Property(tries = 2000)
    void anActionMatchesExactlyWhenOneOfItsPatternsDoes(
            @ForAll("actions") String action,
            @ForAll("listsOfPatterns") List<String> patterns) {
        ActionMatcher matcher = new ActionMatcher(new ActionElement(false, StringList.array(patterns)));
        PreparedRequest request = new PreparedRequest(new Request(CALLER, action, "*", null, Map.of()), 0, false);
        String hit = matcher.match(request, matcher.patternsFor(request.service()));
        boolean expected = patterns.stream().anyMatch(p -> regex(p).matcher(action.toLowerCase(Locale.ROOT)).matches());
        assertEquals(expected, hit != null, () -> action + " against " + patterns + " gave " + hit);
        if (hit != null) {
            assertEquals(true, regex(hit).matcher(action.toLowerCase(Locale.ROOT)).matches(), hit + " does not match");
        }
    }

    @Provide
    Arbitrary<List<String>> listsOfPatterns() {
        // Up to 20 patterns: lists of exact names both below and above the size at which they are hashed.
        return patterns().list().ofMinSize(1).ofMaxSize(20);
    }

    private static Pattern regex(String pattern) {
        StringBuilder out = new StringBuilder();
        for (char c : pattern.toLowerCase(Locale.ROOT).toCharArray()) {
            out.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(out.toString(), Pattern.DOTALL);
    }
}
