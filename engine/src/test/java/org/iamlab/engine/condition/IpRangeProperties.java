package org.iamlab.engine.condition;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
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

/**
 * Properties of the IpAddress / NotIpAddress operands (IAM User Guide, "IP address condition operators"): IPv4
 * and IPv6 literals in every legal spelling, CIDR ranges from {@code /0} to the full length, and IPv4 never
 * matching IPv6. Addresses are checked against {@link InetAddress#getByName}, given only generated literals
 * (never host names, so no lookup happens); ranges against a {@link BigInteger} mask.
 */
class IpRangeProperties {

    /** An address as bytes with one of its spellings. */
    record Literal(byte[] bytes, String text) {
        @Override
        public String toString() {
            return text;
        }
    }

    // ---- generators ------------------------------------------------------------------------------------

    @Provide
    Arbitrary<byte[]> ipv4Bytes() {
        return Arbitraries.bytes().array(byte[].class).ofSize(4);
    }

    /** 16 bytes, with runs of zero groups common enough for every kind of `::` compression. */
    @Provide
    Arbitrary<byte[]> ipv6Bytes() {
        Arbitrary<Integer> group = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.just(0)),
                Tuple.of(1, Arbitraries.integers().between(1, 0xFF)),
                Tuple.of(4, Arbitraries.integers().between(0, 0xFFFF)));
        return group.list().ofSize(8).map(groups -> {
            byte[] bytes = new byte[16];
            for (int i = 0; i < 8; i++) {
                bytes[2 * i] = (byte) (groups.get(i) >> 8);
                bytes[2 * i + 1] = (byte) (int) groups.get(i);
            }
            return bytes;
        });
    }

    @Provide
    Arbitrary<Literal> ipv4() {
        return ipv4Bytes().map(b -> new Literal(b, dotted(b, 0)));
    }

    static String dotted(byte[] b, int from) {
        return (b[from] & 0xFF) + "." + (b[from + 1] & 0xFF) + "." + (b[from + 2] & 0xFF) + "." + (b[from + 3] & 0xFF);
    }

    /**
     * IPv6 spellings: full or shortest groups, upper, lower or mixed case hex, any run of zero groups (not only
     * the longest) compressed to `::`, and the last 32 bits as an embedded dotted IPv4.
     */
    @Provide
    Arbitrary<Literal> ipv6() {
        return Combinators.combine(ipv6Bytes(), Arbitraries.of(true, false), Arbitraries.of(true, false),
                Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 1000))
                .as((bytes, padded, embedded, casing, runChoice) -> new Literal(bytes,
                        spell(bytes, padded, embedded, casing, runChoice)));
    }

    static String spell(byte[] bytes, boolean padded, boolean embedded, int casing, int runChoice) {
        int hexGroups = embedded ? 6 : 8;
        List<String> units = new ArrayList<>();
        for (int i = 0; i < hexGroups; i++) {
            int g = ((bytes[2 * i] & 0xFF) << 8) | (bytes[2 * i + 1] & 0xFF);
            String hex = padded ? String.format("%04x", g) : Integer.toHexString(g);
            units.add(casing == 0 ? hex : casing == 1 ? hex.toUpperCase(Locale.ROOT) : mixCase(hex, i));
        }
        // every run of consecutive zero groups, plus "no compression"
        List<int[]> runs = new ArrayList<>();
        runs.add(null);
        for (int start = 0; start < hexGroups; start++) {
            for (int end = start; end < hexGroups && isZero(bytes, end); end++) {
                runs.add(new int[] {start, end + 1});
            }
        }
        int[] run = runs.get(runChoice % runs.size());
        String tailV4 = embedded ? dotted(bytes, 12) : null;
        if (run == null) {
            List<String> all = new ArrayList<>(units);
            if (tailV4 != null) {
                all.add(tailV4);
            }
            return String.join(":", all);
        }
        List<String> head = units.subList(0, run[0]);
        List<String> tail = new ArrayList<>(units.subList(run[1], hexGroups));
        if (tailV4 != null) {
            tail.add(tailV4);
        }
        return String.join(":", head) + "::" + String.join(":", tail);
    }

    private static boolean isZero(byte[] bytes, int group) {
        return bytes[2 * group] == 0 && bytes[2 * group + 1] == 0;
    }

    private static String mixCase(String hex, int seed) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < hex.length(); i++) {
            char c = hex.charAt(i);
            out.append((i + seed) % 2 == 0 ? Character.toUpperCase(c) : c);
        }
        return out.toString();
    }

    @Provide
    Arbitrary<Literal> anyAddress() {
        return Arbitraries.oneOf(ipv4(), ipv6());
    }

    // ---- oracles ---------------------------------------------------------------------------------------

    /** The JDK's reading of a literal, with its IPv4-mapped IPv6 shortcut undone (`::ffff:a.b.c.d` stays IPv6). */
    static byte[] jdk(String literal) {
        try {
            byte[] bytes = InetAddress.getByName(literal).getAddress();
            InetAddress address = InetAddress.getByAddress(bytes);
            if (literal.indexOf(':') >= 0 && address instanceof Inet4Address) {
                byte[] mapped = new byte[16];
                mapped[10] = (byte) 0xFF;
                mapped[11] = (byte) 0xFF;
                System.arraycopy(bytes, 0, mapped, 12, 4);
                return mapped;
            }
            return bytes;
        } catch (UnknownHostException e) {
            throw new AssertionError("the generator produced `" + literal + "`, which the JDK rejects", e);
        }
    }

    /** Whether {@code address} shares the first {@code prefix} bits of {@code network}. */
    static boolean maskOracle(byte[] network, int prefix, byte[] address) {
        int bits = network.length * 8;
        BigInteger n = new BigInteger(1, network).shiftRight(bits - prefix);
        BigInteger a = new BigInteger(1, address).shiftRight(bits - prefix);
        return n.equals(a);
    }

    // ---- properties ------------------------------------------------------------------------------------

    @Property(tries = 2000)
    void ipv4LiteralsReadAsTheJdkReadsThem(@ForAll("ipv4") Literal literal) {
        assertArrayEquals(jdk(literal.text()), IpRange.parseAddress(literal.text()), literal.text());
        assertArrayEquals(literal.bytes(), IpRange.parseAddress(literal.text()));
    }

    @Property(tries = 3000)
    @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
    void ipv6LiteralsInEverySpellingReadAsTheJdkReadsThem(@ForAll("ipv6") Literal literal) {
        Statistics.label("compressed").collect(literal.text().contains("::"));
        Statistics.label("compressed").coverage(check -> check.check(true).percentage(p -> p > 30));
        Statistics.label("embedded IPv4").collect(literal.text().contains("."));
        Statistics.label("embedded IPv4").coverage(check -> check.check(true).percentage(p -> p > 20));
        byte[] ours = IpRange.parseAddress(literal.text());
        assertArrayEquals(jdk(literal.text()), ours, literal.text());
        assertArrayEquals(literal.bytes(), ours, literal.text());
    }

    @Example
    void theClassicSpellingsReadAsExpected() {
        assertArrayEquals(jdk("::ffff:1.2.3.4"), IpRange.parseAddress("::ffff:1.2.3.4"));
        assertArrayEquals(new byte[16], IpRange.parseAddress("::"));
        assertArrayEquals(jdk("::1"), IpRange.parseAddress("::1"));
        assertArrayEquals(jdk("2001:DB8::aBcD"), IpRange.parseAddress("2001:DB8::aBcD"));
        assertArrayEquals(jdk("1:2:3:4:5:6:7::"), IpRange.parseAddress("1:2:3:4:5:6:7::"));
        assertArrayEquals(jdk("1::3:4:5:6:7:8"), IpRange.parseAddress("1::3:4:5:6:7:8"), "`::` for one group");
    }

    @Property(tries = 3000)
    @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
    void containsAgreesWithTheBitMaskForIpv4Ranges(@ForAll("ipv4Ranges") Tuple2<Literal, Integer> range,
                                                   @ForAll("ipv4") Literal random,
                                                   @ForAll boolean inside,
                                                   @ForAll("ipv4") Literal hostBits) {
        checkRange(range, random, inside, hostBits);
    }

    @Property(tries = 3000)
    @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
    void containsAgreesWithTheBitMaskForIpv6Ranges(@ForAll("ipv6Ranges") Tuple2<Literal, Integer> range,
                                                   @ForAll("ipv6") Literal random,
                                                   @ForAll boolean inside,
                                                   @ForAll("ipv6") Literal hostBits) {
        checkRange(range, random, inside, hostBits);
    }

    /**
     * Checks one address against one range: half the time an address built from the network's first
     * {@code prefix} bits and random host bits (mostly inside), half the time a random one (mostly outside).
     */
    private static void checkRange(Tuple2<Literal, Integer> range, Literal random, boolean inside, Literal hostBits) {
        Literal network = range.get1();
        int prefix = range.get2();
        byte[] address = random.bytes();
        if (inside) {
            BigInteger hostMask = BigInteger.ONE.shiftLeft(address.length * 8 - prefix).subtract(BigInteger.ONE);
            BigInteger value = new BigInteger(1, network.bytes()).andNot(hostMask)
                    .or(new BigInteger(1, hostBits.bytes()).and(hostMask));
            address = toBytes(value, address.length);
        }
        String addressText = address.length == 4 ? dotted(address, 0) : spell(address, false, false, 0, 1);
        boolean expected = maskOracle(network.bytes(), prefix, address);
        Statistics.label("in range").collect(expected);
        Statistics.label("in range").coverage(check -> {
            check.check(true).percentage(p -> p > 30);
            check.check(false).percentage(p -> p > 10);
        });
        String cidr = network.text() + "/" + prefix;
        IpRange parsed = IpRange.parse(cidr).orElseThrow(() -> new AssertionError("`" + cidr + "` is a CIDR block"));
        assertEquals(expected, parsed.contains(addressText), () -> cidr + " contains " + addressText);
    }

    private static byte[] toBytes(BigInteger value, int length) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[length];
        int copy = Math.min(raw.length, length);
        System.arraycopy(raw, raw.length - copy, out, length - copy, copy);
        return out;
    }

    @Provide
    Arbitrary<Tuple2<Literal, Integer>> ipv4Ranges() {
        return Combinators.combine(ipv4(), Arbitraries.integers().between(0, 32)).as(Tuple::of);
    }

    @Provide
    Arbitrary<Tuple2<Literal, Integer>> ipv6Ranges() {
        return Combinators.combine(ipv6(), Arbitraries.integers().between(0, 128)).as(Tuple::of);
    }

    @Property(tries = 2000)
    void aSingleAddressIsARangeOfExactlyItself(@ForAll("anyAddress") Literal range, @ForAll("anyAddress") Literal other,
                                               @ForAll @IntRange(min = 0, max = 127) int flipBit,
                                               @ForAll boolean flip) {
        byte[] bytes = range.bytes().clone();
        if (flip) {
            int bit = flipBit % (bytes.length * 8);
            bytes[bit / 8] ^= (byte) (0x80 >> (bit % 8));
        }
        IpRange single = IpRange.parse(range.text()).orElseThrow();
        String candidate = bytes.length == 4 ? dotted(bytes, 0) : spell(bytes, true, false, 1, 0);
        assertEquals(!flip, single.contains(candidate), () -> range.text() + " contains " + candidate);
        assertEquals(Arrays.equals(range.bytes(), other.bytes()), single.contains(other.text()));
        String full = range.text() + "/" + range.bytes().length * 8;
        assertEquals(single.contains(other.text()), IpRange.parse(full).orElseThrow().contains(other.text()),
                () -> range.text() + " is " + full);
    }

    @Property(tries = 2000)
    void ipv4NeverMatchesAnIpv6RangeNorTheOtherWayRound(@ForAll("ipv4") Literal v4, @ForAll("ipv6") Literal v6,
                                                        @ForAll @IntRange(min = 0, max = 32) int prefix4,
                                                        @ForAll @IntRange(min = 0, max = 128) int prefix6) {
        assertFalse(IpRange.parse(v6.text() + "/" + prefix6).orElseThrow().contains(v4.text()));
        assertFalse(IpRange.parse(v4.text() + "/" + prefix4).orElseThrow().contains(v6.text()));
        assertFalse(IpRange.parse("::/0").orElseThrow().contains(v4.text()), "not even ::/0");
        assertFalse(IpRange.parse("::ffff:0:0/96").orElseThrow().contains(v4.text()), "not even the mapped block");
        assertFalse(IpRange.parse("0.0.0.0/0").orElseThrow().contains(v6.text()), "0.0.0.0/0 holds only IPv4");
        assertFalse(IpRange.parse("0.0.0.0/0").orElseThrow().contains("::ffff:" + v4.text()),
                "an IPv4-mapped IPv6 address is IPv6");
        assertTrue(IpRange.parse("0.0.0.0/0").orElseThrow().contains(v4.text()));
        assertTrue(IpRange.parse("::/0").orElseThrow().contains(v6.text()));
    }

    @Example
    void malformedAddressesAndRangesAreRejected() {
        for (String bad : List.of("1.2.3", "256.0.0.1", "1.2.3.4.5", "1..2.3", "1.2.3.-4", "+1.2.3.4", "0x1.2.3.4",
                "1.2.3.4/33", "1.2.3.4/", "1.2.3.4/-1", "1.2.3.4/1a", "1:2::3::4", "1::2::3", ":::", "1:::2",
                "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", ":1:2:3:4:5:6:7", "1:2:3:4:5:6:7:", "12345::", "g::",
                "::/129", "::1/1000", "1.2.3.4::", "1.2.3.4:5::", "::1.2.3", "::256.1.1.1", "1:2:3:4:5:6:7:1.2.3.4",
                "::ＦＦ", "١.٢.٣.٤", "1.2.3.4/٣٢", "", " ", "/24", "localhost", "1.2.3.4 /24")) {
            assertTrue(IpRange.parse(bad).isEmpty(), () -> "`" + bad + "` is not an address or CIDR block");
        }
    }

    @Property(tries = 2000)
    void corruptedLiteralsAreRejected(@ForAll("corrupted") String bad) {
        assertNull(IpRange.parseAddress(bad), bad);
        assertTrue(IpRange.parse(bad).isEmpty(), bad);
        assertTrue(IpRange.parse(bad + "/8").isEmpty(), bad);
        assertFalse(IpRange.parse("0.0.0.0/0").orElseThrow().contains(bad), bad);
        assertFalse(IpRange.parse("::/0").orElseThrow().contains(bad), bad);
    }

    /** Valid literals broken in one of the ways a learner might break them. */
    @Provide
    Arbitrary<String> corrupted() {
        Arbitrary<String> v4 = ipv4().map(Literal::text);
        Arbitrary<String> v6 = ipv6().map(Literal::text);
        return Arbitraries.oneOf(
                v4.map(t -> t.substring(0, t.lastIndexOf('.'))),                      // three octets
                v4.map(t -> t + ".1"),                                                // five octets
                Combinators.combine(v4, Arbitraries.integers().between(256, 999))      // an octet too large
                        .as((t, n) -> n + t.substring(t.indexOf('.'))),
                v4.map(t -> t.replaceFirst("\\.", "..")),                            // an empty octet
                v4.map(t -> t.replace('1', '\u0661')).filter(t -> t.indexOf('\u0661') >= 0), // Arabic-Indic digits
                v6.map(t -> t.contains("::") ? t + "::1" : "1::" + t.substring(t.indexOf(':') + 1) + "::"), // two ::
                v6.filter(t -> !t.contains("::") && !t.contains(".")).map(t -> t + ":1"),          // nine groups
                v6.filter(t -> !t.contains("::") && !t.contains(".")).map(t -> t.substring(t.indexOf(':') + 1)), // seven
                v6.map(t -> "12345:" + t),                                           // a five-digit group
                v6.map(t -> t.replaceFirst("[0-9a-fA-F]", "g")).filter(t -> t.contains("g")), // not hex
                v6.map(t -> t.replaceFirst("[0-9]", "\uff11")).filter(t -> t.contains("\uff11")), // fullwidth digit
                v4.map(t -> t + "::"),                                               // IPv4 before ::
                v4.map(t -> "1:" + t + "::1"),
                v6.filter(t -> t.contains(".")).map(t -> t.substring(0, t.lastIndexOf('.'))),      // short IPv4 tail
                v6.filter(t -> !t.startsWith("::")).map(t -> ":" + t),                // a lone leading colon
                Arbitraries.strings().withChars("0123456789.:abcdefABCDEFg").ofMaxLength(20)
                        .filter(t -> !(t.isEmpty() ? false : validByConstruction(t))));
    }

    /** Random text counts as corrupt only when no spelling rule accepts it; checked by regex, not the JDK. */
    private static boolean validByConstruction(String t) {
        String octet = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9]|0[0-9]{1,2})";
        String v4 = octet + "(\\." + octet + "){3}";
        if (t.matches(v4)) {
            return true;
        }
        if (t.indexOf(':') < 0) {
            return false;
        }
        // IPv6: at most one `::`, groups of 1 to 4 hex digits, an optional dotted IPv4 at the end.
        String h = "[0-9a-fA-F]{1,4}";
        String body = t.matches(".*" + v4 + "$") ? t.replaceFirst(v4 + "$", "0:0") : t;
        if (body.matches("(" + h + ":){7}" + h)) {
            return true;
        }
        if (body.indexOf("::") < 0 || body.indexOf("::") != body.lastIndexOf("::")) {
            return false;
        }
        String[] sides = body.split("::", -1);
        int groups = 0;
        for (String side : sides) {
            if (!side.isEmpty()) {
                if (!side.matches(h + "(:" + h + ")*")) {
                    return false;
                }
                groups += side.split(":").length;
            }
        }
        return groups <= 7 && !t.matches(".*" + v4 + ".*::.*");
    }

    @Property(tries = 2000)
    void prefixLengthsBeyondTheAddressAreRejected(@ForAll("ipv4") Literal v4, @ForAll("ipv6") Literal v6,
                                                  @ForAll @IntRange(min = 33, max = 999) int tooLong4,
                                                  @ForAll @IntRange(min = 129, max = 999) int tooLong6) {
        assertTrue(IpRange.parse(v4.text() + "/" + tooLong4).isEmpty());
        assertTrue(IpRange.parse(v6.text() + "/" + tooLong6).isEmpty());
        assertTrue(IpRange.parse(v4.text() + "/32").isPresent());
        assertTrue(IpRange.parse(v6.text() + "/128").isPresent());
    }

    @Property(tries = 2000)
    void aRangeIsReadTheSameWhateverSpellingOfItsNetwork(@ForAll("ipv6Bytes") byte[] network,
                                                        @ForAll @IntRange(min = 0, max = 128) int prefix,
                                                        @ForAll("ipv6") Literal address,
                                                        @ForAll @IntRange(min = 0, max = 1000) int run) {
        boolean reference = IpRange.parse(spell(network, true, false, 0, 0) + "/" + prefix).orElseThrow()
                .contains(address.text());
        for (boolean embedded : new boolean[] {true, false}) {
            String text = spell(network, false, embedded, 2, run) + "/" + prefix;
            assertEquals(reference, IpRange.parse(text).orElseThrow().contains(address.text()),
                    () -> text + " contains " + address.text());
        }
        assertEquals(maskOracle(network, prefix, address.bytes()), reference);
        assertTrue(Arrays.equals(network, IpRange.parseAddress(spell(network, true, true, 1, run))));
    }
}
