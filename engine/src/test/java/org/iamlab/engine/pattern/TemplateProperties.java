package org.iamlab.engine.pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
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
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * Properties of policy-variable templates ({@code ${aws:username}}, {@code ${key, 'default'}}, the escapes
 * {@code ${*}}, {@code ${?}}, {@code ${$}}). Templates are generated as a list of pieces, each knowing its own
 * text, its regex and a string it matches, so the oracle never reads the template syntax back.
 */
class TemplateProperties {

    private static final List<String> KEYS = List.of("aws:username", "aws:PrincipalTag/team", "s3:prefix",
            "AWS:UserId", "ec2:ResourceTag/Env", "custom");

    /** One piece of a template as written, with the regex it stands for once resolved. */
    record Piece(String written, String regex, String sample, String resolved, boolean unresolved) {}

    /** A generated template with the request values it is resolved against. */
    record Case(List<Piece> pieces, Map<String, String> values) {

        String raw() {
            StringBuilder out = new StringBuilder();
            pieces.forEach(p -> out.append(p.written()));
            return out.toString();
        }

        boolean unresolved() {
            return pieces.stream().anyMatch(Piece::unresolved);
        }

        Pattern regex(int flags) {
            StringBuilder out = new StringBuilder();
            pieces.forEach(p -> out.append(p.regex()));
            return Pattern.compile(out.toString(), Pattern.DOTALL | flags);
        }

        String sample() {
            StringBuilder out = new StringBuilder();
            pieces.forEach(p -> out.append(p.sample()));
            return out.toString();
        }

        VariableSource source() {
            return key -> values.get(key);
        }
    }

    /** Values (and defaults) deliberately contain wildcard characters, which must stay literal. */
    private static Arbitrary<String> values() {
        return Arbitraries.strings().withChars("ab*?/:").ofMaxLength(5);
    }

    /** Policy text: wildcards live; no `{`, so it never opens a variable by itself. */
    private static Arbitrary<String> texts() {
        return Arbitraries.strings().withChars("ab*?/:$}").ofMinLength(1).ofMaxLength(5);
    }

    private static Piece text(String t) {
        StringBuilder regex = new StringBuilder();
        StringBuilder sample = new StringBuilder();
        for (char c : t.toCharArray()) {
            boolean repeatedStar = c == '*' && regex.toString().endsWith(".*");
            regex.append(c == '*' ? (repeatedStar ? "" : ".*") : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
            sample.append(c == '*' ? "xy" : c == '?' ? "z" : String.valueOf(c));
        }
        return new Piece(t, regex.toString(), sample.toString(), t, false);
    }

    /** A piece before the request values are known: what is written, and how to resolve it. */
    private record Spec(int kind, String text, char escaped, String pad, String key, boolean withDefault,
                        String dflt) {

        Piece resolve(Map<String, String> values) {
            if (kind == 0) {
                return TemplateProperties.text(text);
            }
            if (kind == 1) {
                String c = String.valueOf(escaped);
                return new Piece("${" + pad + c + pad + "}", Pattern.quote(c), c, c, false);
            }
            String value = values.get(key.toLowerCase(Locale.ROOT));
            String written = "${" + pad + key + (withDefault ? pad + "," + pad + "'" + dflt + "'" : "") + pad + "}";
            String filled = value != null ? value : withDefault ? dflt : null;
            return filled == null
                    ? new Piece(written, "", "", null, true)
                    : new Piece(written, Pattern.quote(filled), filled, filled, false);
        }
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<Map<String, String>> requests = Combinators.combine(
                Arbitraries.of(true, false).list().ofSize(KEYS.size()), values().list().ofSize(KEYS.size()))
                .as((present, vals) -> {
                    Map<String, String> m = new HashMap<>();
                    for (int i = 0; i < KEYS.size(); i++) {
                        if (present.get(i)) {
                            m.put(KEYS.get(i).toLowerCase(Locale.ROOT), vals.get(i));
                        }
                    }
                    return m;
                });
        Arbitrary<Spec> specs = Combinators.combine(
                Arbitraries.frequency(Tuple.of(3, 0), Tuple.of(1, 1),
                        Tuple.of(3, 2)),
                texts(), Arbitraries.of('*', '?', '$'), Arbitraries.of("", " ", "  "), Arbitraries.of(KEYS),
                Arbitraries.of(true, false), values())
                .as(Spec::new);
        return Combinators.combine(requests, specs.list().ofMaxSize(5)).as((values, list) ->
                new Case(list.stream().map(spec -> spec.resolve(values)).toList(), values));
    }

    /** Strings that a case's template may or may not match: its sample, a mutated sample, or any string. */
    private static List<String> candidates(Case c, String noise) {
        String sample = c.sample();
        List<String> out = new ArrayList<>();
        out.add(sample);
        out.add(noise);
        if (!sample.isEmpty()) {
            int at = Math.floorMod(noise.hashCode(), sample.length());
            out.add(sample.substring(0, at) + sample.substring(at + 1));
            out.add(sample.substring(0, at) + "x" + sample.substring(at + 1));
            out.add(sample.substring(0, at) + "*" + sample.substring(at));
        }
        return out;
    }

    @Property(tries = 2000)
    @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
    void resolvedTemplatesMatchLikeTheOracle(@ForAll("cases") Case c,
                                             @ForAll("noise") String noise) {
        Template template = Template.parse(c.raw(), true);
        Wildcard pattern = template.resolvePattern(c.source(), false);
        Statistics.label("unresolved").collect(c.unresolved());
        Statistics.label("unresolved").coverage(check -> check.check(false).percentage(p -> p > 30));
        if (c.unresolved()) {
            assertNull(pattern, () -> "`" + c.raw() + "` has a variable without a value or default");
            assertNull(template.resolveText(c.source()));
            return;
        }
        assertNotNull(pattern, c::raw);
        Pattern oracle = c.regex(0);
        for (String candidate : candidates(c, noise)) {
            assertEquals(oracle.matcher(candidate).matches(), pattern.matches(candidate),
                    () -> "`" + c.raw() + "` with " + c.values() + " against `" + candidate + "`");
        }
        assertTrue(pattern.matches(c.sample()));
    }

    @Property(tries = 2000)
    void resolvedTextFillsInValuesDefaultsAndEscapes(@ForAll("cases") Case c) {
        Template template = Template.parse(c.raw(), true);
        String text = template.resolveText(c.source());
        if (c.unresolved()) {
            assertNull(text);
            return;
        }
        StringBuilder expected = new StringBuilder();
        c.pieces().forEach(p -> expected.append(p.resolved()));
        assertEquals(expected.toString(), text, c::raw);
    }

    @Property(tries = 2000)
    void aTemplateHasVariablesExactlyWhenAVariableOrEscapeIsWritten(@ForAll("cases") Case c) {
        boolean written = c.pieces().stream().anyMatch(p -> p.written().startsWith("${"));
        assertEquals(written, Template.parse(c.raw(), true).hasVariables(), c::raw);
        assertFalse(Template.parse(c.raw(), false).hasVariables(), "without 2012-10-17 there are no variables");
    }

    @Property(tries = 2000)
    void withVariablesDisabledTheTextIsLiteralPolicyText(@ForAll("cases") Case c, @ForAll("noise") String noise) {
        String raw = c.raw();
        Template template = Template.parse(raw, false);
        assertEquals(List.of(new Template.Text(raw)), template.parts());
        assertEquals(raw, template.resolveText(c.source()));
        Wildcard pattern = template.resolvePattern(c.source(), false);
        Pattern oracle = WildcardProperties.oracle(raw, 0);
        assertTrue(pattern.matches(raw), "the raw text, `${` and all, matches itself");
        assertEquals(oracle.matcher(noise).matches(), pattern.matches(noise));
    }

    @Provide
    Arbitrary<String> noise() {
        return Arbitraries.strings().withChars("ab*?/:$xyz").ofMaxLength(10);
    }

    @Property(tries = 2000)
    void aVariableValueIsNeverAWildcard(@ForAll("wildValues") String value, @ForAll("noise") String input) {
        VariableSource source = key -> key.equals("aws:username") ? value : null;
        Wildcard pattern = Template.parse("${aws:username}", true).resolvePattern(source, false);
        assertEquals(input.equals(value), pattern.matches(input), () -> "value `" + value + "` vs `" + input + "`");
        assertTrue(pattern.matches(value));
        Wildcard defaulted = Template.parse("${aws:missing, '" + value + "'}", true).resolvePattern(source, false);
        assertEquals(input.equals(value), defaulted.matches(input), "a default is literal too");
    }

    @Provide
    Arbitrary<String> wildValues() {
        return Arbitraries.strings().withChars("a*?").ofMinLength(1).ofMaxLength(4);
    }

    @Property(tries = 2000)
    void escapesAreNeverWildcards(@ForAll("noise") String input) {
        for (char c : new char[] {'*', '?', '$'}) {
            Wildcard pattern = Template.parse("a${" + c + "}b", true).resolvePattern(VariableSource.NONE, false);
            assertNotNull(pattern);
            assertEquals(input.equals("a" + c + "b"), pattern.matches(input), () -> "${" + c + "} vs `" + input + "`");
        }
    }

    @Property(tries = 2000)
    void anUnresolvedVariableMatchesNothing(@ForAll("cases") Case c) {
        Template template = Template.parse(c.raw() + "${aws:nosuchkey}", true);
        assertNull(template.resolvePattern(c.source(), false));
        assertNull(template.resolveText(c.source()));
        Template star = Template.parse("*${aws:nosuchkey}*", true);
        assertNull(star.resolvePattern(c.source(), false), "not even between stars");
    }

    @Property(tries = 2000)
    void aRequestValueTakesPrecedenceOverTheDefault(@ForAll("wildValues") String value,
                                                    @ForAll("wildValues") String dflt) {
        Template template = Template.parse("home/${aws:username, '" + dflt + "'}/", true);
        assertEquals("home/" + value + "/", template.resolveText(key -> key.equals("aws:username") ? value : null));
        assertEquals("home/" + dflt + "/", template.resolveText(VariableSource.NONE));
    }

    @Property(tries = 2000)
    void variableKeysAreLookedUpInLowerCase(@ForAll("keyCasings") String key, @ForAll("wildValues") String value) {
        List<String> asked = new ArrayList<>();
        VariableSource source = k -> {
            asked.add(k);
            return k.equals("aws:principaltag/team") ? value : null;
        };
        assertEquals(value, Template.parse("${" + key + "}", true).resolveText(source));
        assertEquals(List.of("aws:principaltag/team"), asked);
    }

    @Provide
    Arbitrary<String> keyCasings() {
        String key = "aws:PrincipalTag/team";
        return Arbitraries.of(true, false).list().ofSize(key.length()).map(flags -> {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < key.length(); i++) {
                char c = key.charAt(i);
                out.append(flags.get(i) ? Character.toUpperCase(c) : Character.toLowerCase(c));
            }
            return out.toString();
        });
    }

    @Property(tries = 2000)
    void malformedVariablesStayLiteralText(@ForAll("malformed") String body, @ForAll("noise") String input) {
        String raw = "a*${" + body + "}";
        Template template = Template.parse(raw, true);
        assertFalse(template.hasVariables(), () -> "`" + raw + "` holds no valid variable");
        assertEquals(raw, template.resolveText(VariableSource.NONE));
        Wildcard pattern = template.resolvePattern(VariableSource.NONE, false);
        assertEquals(WildcardProperties.oracle(raw, 0).matcher(input).matches(), pattern.matches(input));
        assertTrue(pattern.matches("a" + input + "${" + body + "}"));
    }

    @Provide
    Arbitrary<String> malformed() {
        return Arbitraries.oneOf(
                Arbitraries.of("", " ", "a b", "aws:user name", "key,", "key, x", "key, 'x", "key, x'", ",'x'", "\t"),
                Arbitraries.strings().withChars("ab").ofMinLength(1).ofMaxLength(3).map(s -> s + " " + s),
                Arbitraries.strings().withChars("ab").ofMinLength(1).ofMaxLength(3).map(s -> s + ", " + s));
    }

    @Property(tries = 2000)
    void ignoringCaseFoldsTextAndValuesAlike(@ForAll("mixedCases") Case c, @ForAll("mixedNoise") String noise) {
        Wildcard pattern = Template.parse(c.raw(), true).resolvePattern(c.source(), true);
        if (c.unresolved()) {
            assertNull(pattern);
            return;
        }
        Pattern oracle = c.regex(Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        for (String candidate : candidates(c, noise)) {
            String flipped = candidate.toUpperCase(Locale.ROOT);
            assertEquals(oracle.matcher(flipped).matches(), pattern.matches(flipped.toLowerCase(Locale.ROOT)),
                    () -> "`" + c.raw() + "` with " + c.values() + " against `" + flipped + "`");
        }
    }

    @Provide
    Arbitrary<Case> mixedCases() {
        return cases().map(c -> {
            List<Piece> pieces = new ArrayList<>();
            for (Piece p : c.pieces()) {
                boolean textPiece = !p.written().startsWith("${");
                pieces.add(textPiece ? text(p.written().replace('a', 'A')) : p);
            }
            return new Case(pieces, c.values());
        });
    }

    @Provide
    Arbitrary<String> mixedNoise() {
        return Arbitraries.strings().withChars("aAbB*?/:").ofMaxLength(8);
    }
}
