package org.iamlab.engine.condition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * Properties of the Numeric condition operators' values (IAM User Guide, "Numeric condition operators"):
 * integers and decimals compare by value, so {@code 10} equals {@code 10.0}. The oracle is
 * {@link BigDecimal#compareTo} on numbers built from their parts, never from the text under test.
 */
class NumericValueProperties {

    private static BigDecimal read(String text) {
        return ConditionValues.number(text).orElseThrow(() -> new AssertionError("`" + text + "` is a number"));
    }

    @Provide
    Arbitrary<BigInteger> integers() {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(-20, 20).map(BigInteger::valueOf),
                Arbitraries.longs().map(BigInteger::valueOf),
                Arbitraries.bigIntegers().between(BigInteger.TEN.pow(40).negate(), BigInteger.TEN.pow(40)));
    }

    /** Decimals as an unscaled integer and a scale, so that nearby values with different scales are common. */
    @Provide
    Arbitrary<BigDecimal> decimals() {
        return Combinators.combine(Arbitraries.oneOf(Arbitraries.integers().between(-2000, 2000)
                                .map(BigInteger::valueOf), integers()),
                        Arbitraries.integers().between(-3, 12))
                .as(BigDecimal::new);
    }

    @Property(tries = 2000)
    void integersReadAsTheirValue(@ForAll("integers") BigInteger n) {
        assertEquals(0, read(n.toString()).compareTo(new BigDecimal(n)), n::toString);
    }

    @Property(tries = 2000)
    void integersCompareAsBigDecimals(@ForAll("integers") BigInteger a, @ForAll("integers") BigInteger b) {
        assertEquals(Integer.signum(a.compareTo(b)), Integer.signum(read(a.toString()).compareTo(read(b.toString()))));
    }

    @Property(tries = 2000)
    void decimalsCompareAsBigDecimals(@ForAll("decimals") BigDecimal a, @ForAll("decimals") BigDecimal b) {
        int expected = Integer.signum(a.compareTo(b));
        Statistics.label("order").collect(expected);
        assertEquals(expected, Integer.signum(read(a.toPlainString()).compareTo(read(b.toPlainString()))),
                () -> a.toPlainString() + " vs " + b.toPlainString());
    }

    @Property(tries = 2000)
    void trailingZerosDoNotChangeTheValue(@ForAll("integers") BigInteger n,
                                          @ForAll @IntRange(min = 1, max = 6) int zeros) {
        // 10 equals 10.0
        String integer = n.toString();
        assertEquals(0, read(integer).compareTo(read(integer + "." + "0".repeat(zeros))), integer);
        assertEquals(0, read(integer + ".5").compareTo(read(integer + ".5" + "0".repeat(zeros))), integer + ".5");
    }

    @Property(tries = 2000)
    void everySpellingOfADecimalReadsAsTheSameValue(@ForAll("decimals") BigDecimal d) {
        net.jqwik.api.Assume.that(d.toPlainString().length() <= 64);
        for (String spelling : List.of(d.toPlainString(), d.toString(), d.toEngineeringString(),
                d.stripTrailingZeros().toPlainString())) {
            if (spelling.length() <= 64) {
                assertEquals(0, read(spelling).compareTo(d), spelling);
            }
        }
    }

    @Property(tries = 2000)
    void surroundingWhitespaceIsIgnored(@ForAll("decimals") BigDecimal d, @ForAll("blanks") String before,
                                        @ForAll("blanks") String after) {
        net.jqwik.api.Assume.that(d.toPlainString().length() <= 64);
        assertEquals(0, read(before + d.toPlainString() + after).compareTo(d));
    }

    @Provide
    Arbitrary<String> blanks() {
        return Arbitraries.strings().withChars(" \t\n").ofMaxLength(3);
    }

    /** The decimal grammar, written independently of {@link BigDecimal}'s parser. */
    private static final Pattern NUMBER = Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?");

    @Property(tries = 3000)
    void exactlyTheDecimalGrammarReadsAsANumber(@ForAll("numberLikeText") String text) {
        boolean expected = NUMBER.matcher(text.strip()).matches();
        Statistics.label("a number").collect(expected);
        Statistics.label("a number").coverage(check -> {
            check.check(true).percentage(p -> p > 20);
            check.check(false).percentage(p -> p > 20);
        });
        assertEquals(expected, ConditionValues.number(text).isPresent(), () -> "`" + text + "`");
    }

    @Provide
    Arbitrary<String> numberLikeText() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("0123456789.eE+-").ofMaxLength(8),
                Arbitraries.strings().withChars("0123456789").ofMinLength(1).ofMaxLength(10),
                Arbitraries.strings().withChars("0123456789.x \u0661\u0662\uff11").ofMaxLength(6),
                decimals().map(BigDecimal::toString).filter(t -> t.length() <= 64));
    }

    @Example
    void notNumbersAreRejected() {
        for (String bad : List.of("", " ", "ten", "1.2.3", "--1", "+-1", "0x1F", "1e", "1e+", ".", "e5", "1_000",
                "1,000", "NaN", "Infinity", "\u0661\u0660", "\uff11\uff10", "1".repeat(65), "1e99999999999")) {
            assertTrue(ConditionValues.number(bad).isEmpty(), () -> "`" + bad + "` is not a number");
        }
    }
}
