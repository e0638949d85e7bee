package org.iamlab.engine.condition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * Properties of the Date condition operators' values (IAM User Guide, "Date condition operators"): ISO 8601
 * dates (midnight UTC), date-times with {@code Z}, with an offset, with fractional seconds or without an offset
 * (UTC), and epoch seconds. The text is rendered field by field with {@link String#format}; the expected instant
 * comes from {@link OffsetDateTime#of}, never from parsing.
 */
class DateValueProperties {

    /** A written date with the epoch milliseconds it stands for. */
    record Written(String form, String text, long millis) {
        @Override
        public String toString() {
            return text + " (" + millis + " ms)";
        }
    }

    @Provide
    Arbitrary<LocalDateTime> dateTimes() {
        return Combinators.combine(Arbitraries.integers().between(1, 9999), Arbitraries.integers().between(1, 12),
                        Arbitraries.integers().between(1, 31), Arbitraries.integers().between(0, 23),
                        Arbitraries.integers().between(0, 59), Arbitraries.integers().between(0, 59),
                        Arbitraries.integers().between(0, 999_999_999))
                .as((y, mo, d, h, mi, s, n) -> LocalDateTime.of(y, mo, Math.min(d, LocalDate.of(y, mo, 1)
                        .lengthOfMonth()), h, mi, s, n));
    }

    @Provide
    Arbitrary<ZoneOffset> offsets() {
        return Arbitraries.integers().between(-18 * 60, 18 * 60).map(m -> ZoneOffset.ofTotalSeconds(m * 60));
    }

    /** Every form of date the operators accept, each with its own expected instant. */
    @Provide
    Arbitrary<Written> written() {
        return Arbitraries.oneOf(dateOnly(), withZ(), withOffset(), withoutOffset(), epochSeconds());
    }

    Arbitrary<Written> dateOnly() {
        return dateTimes().map(t -> {
            LocalDate d = t.toLocalDate();
            return new Written("date", String.format("%04d-%02d-%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth()),
                    OffsetDateTime.of(d.atStartOfDay(), ZoneOffset.UTC).toInstant().toEpochMilli());
        });
    }

    /** {@code hh:mm}, {@code hh:mm:ss} or {@code hh:mm:ss.f} with 1 to 9 fraction digits, and the time it holds. */
    private static String clock(LocalDateTime t, int precision) {
        String date = String.format("%04d-%02d-%02dT%02d:%02d", t.getYear(), t.getMonthValue(), t.getDayOfMonth(),
                t.getHour(), t.getMinute());
        if (precision < 0) {
            return date;
        }
        String seconds = String.format(":%02d", t.getSecond());
        if (precision == 0) {
            return date + seconds;
        }
        return date + seconds + "." + String.format("%09d", t.getNano()).substring(0, precision);
    }

    /** The local date-time that {@link #clock} wrote (truncated to what it wrote). */
    private static LocalDateTime truncated(LocalDateTime t, int precision) {
        if (precision < 0) {
            return t.withSecond(0).withNano(0);
        }
        if (precision == 0) {
            return t.withNano(0);
        }
        int keep = (int) Math.pow(10, 9 - precision);
        return t.withNano(t.getNano() / keep * keep);
    }

    private Arbitrary<Written> zoned(String form, String zoneText, boolean utc) {
        return Combinators.combine(dateTimes(), Arbitraries.integers().between(-1, 9), offsets())
                .as((t, precision, offset) -> {
                    ZoneOffset zone = utc ? ZoneOffset.UTC : offset;
                    String suffix = zoneText != null ? zoneText : offsetText(offset);
                    return new Written(form, clock(t, precision) + suffix,
                            OffsetDateTime.of(truncated(t, precision), zone).toInstant().toEpochMilli());
                });
    }

    static String offsetText(ZoneOffset offset) {
        int minutes = offset.getTotalSeconds() / 60;
        return String.format("%s%02d:%02d", minutes < 0 ? "-" : "+", Math.abs(minutes) / 60, Math.abs(minutes) % 60);
    }

    Arbitrary<Written> withZ() {
        return zoned("Z", "Z", true);
    }

    Arbitrary<Written> withOffset() {
        return zoned("offset", null, false);
    }

    Arbitrary<Written> withoutOffset() {
        return zoned("no offset", "", true);
    }

    Arbitrary<Written> epochSeconds() {
        return Arbitraries.longs().between(0, 999_999_999_999L).map(s -> new Written("epoch", Long.toString(s), s * 1000));
    }

    @Property(tries = 3000)
    @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
    void everyFormReadsAsTheInstantItNames(@ForAll("written") Written w) {
        Statistics.label("form").collect(w.form());
        Statistics.label("form").coverage(check -> {
            for (String form : List.of("date", "Z", "offset", "no offset", "epoch")) {
                check.check(form).percentage(p -> p > 10);
            }
        });
        assertEquals(OptionalLong.of(w.millis()), DateValue.parse(w.text()), w.text());
        assertEquals(OptionalLong.of(w.millis()), ConditionValues.date(w.text()), "ConditionValues.date is DateValue");
    }

    @Property(tries = 2000)
    void aDateAloneIsMidnightUtc(@ForAll("dateTimes") LocalDateTime t) {
        String date = String.format("%04d-%02d-%02d", t.getYear(), t.getMonthValue(), t.getDayOfMonth());
        OptionalLong parsed = DateValue.parse(date);
        assertEquals(DateValue.parse(date + "T00:00:00Z"), parsed);
        assertEquals(DateValue.parse(date + "T00:00"), parsed);
        assertEquals(0, parsed.getAsLong() % 86_400_000L, "midnight UTC is a whole number of days since the epoch");
    }

    @Property(tries = 2000)
    void aDateTimeWithoutAnOffsetIsUtc(@ForAll("dateTimes") LocalDateTime t,
                                       @ForAll @IntRange(min = -1, max = 9) int precision) {
        String local = clock(t, precision);
        OptionalLong parsed = DateValue.parse(local);
        assertTrue(parsed.isPresent(), local);
        assertEquals(DateValue.parse(local + "Z"), parsed);
        assertEquals(DateValue.parse(local + "+00:00"), parsed);
    }

    @Property(tries = 2000)
    void anOffsetShiftsTheInstantByExactlyTheOffset(@ForAll("dateTimes") LocalDateTime t,
                                                    @ForAll("offsets") ZoneOffset offset) {
        String local = clock(t, 0);
        long utc = DateValue.parse(local + "Z").orElseThrow();
        long shifted = DateValue.parse(local + offsetText(offset)).orElseThrow();
        assertEquals(utc - offset.getTotalSeconds() * 1000L, shifted, () -> local + offsetText(offset));
    }

    @Property(tries = 2000)
    void epochSecondsAreSecondsSinceTheEpoch(@ForAll @LongRange(min = 0, max = 999_999_999_999L) long seconds,
                                             @ForAll @IntRange(min = 0, max = 3) int zeros) {
        String text = "0".repeat(Math.max(0, Math.min(zeros, 12 - Long.toString(seconds).length())))
                + seconds;
        assertEquals(OptionalLong.of(seconds * 1000), DateValue.parse(text), text);
        if (seconds < 253_402_300_800L) { // before year 10000
            String iso = java.time.Instant.ofEpochSecond(seconds).toString();
            assertEquals(DateValue.parse(iso), DateValue.parse(text), () -> text + " is " + iso);
        }
    }

    @Property(tries = 3000)
    @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
    void orderIsPreserved(@ForAll("nearby") Written a, @ForAll("nearby") Written b) {
        long pa = DateValue.parse(a.text()).orElseThrow();
        long pb = DateValue.parse(b.text()).orElseThrow();
        Statistics.label("order").collect(Long.signum(Long.compare(a.millis(), b.millis())));
        Statistics.label("order").coverage(check -> {
            check.check(-1).percentage(p -> p > 30);
            check.check(1).percentage(p -> p > 30);
        });
        assertEquals(Long.signum(Long.compare(a.millis(), b.millis())), Long.signum(Long.compare(pa, pb)),
                () -> a + " vs " + b);
    }

    /** Dates close to each other (within a day or two), so that the order is decided by the small print. */
    @Provide
    Arbitrary<Written> nearby() {
        Arbitrary<LocalDateTime> base = Arbitraries.of(LocalDateTime.of(2026, 6, 1, 0, 0),
                LocalDateTime.of(2024, 2, 29, 23, 59, 59), LocalDateTime.of(1970, 1, 1, 0, 0));
        return Combinators.combine(base, Arbitraries.longs().between(-172_800_000L, 172_800_000L),
                        Arbitraries.integers().between(-1, 9), offsets(), Arbitraries.of(true, false))
                .as((t, deltaMillis, precision, offset, withOffset) -> {
                    LocalDateTime local = t.plusNanos(deltaMillis * 1_000_000L + Math.floorMod(deltaMillis, 7) * 1000);
                    ZoneOffset zone = withOffset ? offset : ZoneOffset.UTC;
                    String suffix = withOffset ? offsetText(offset) : "Z";
                    return new Written("nearby", clock(local, precision) + suffix,
                            OffsetDateTime.of(truncated(local, precision), zone).toInstant().toEpochMilli());
                });
    }

    @Property(tries = 2000)
    void surroundingWhitespaceIsIgnored(@ForAll("written") Written w, @ForAll("blanks") String before,
                                        @ForAll("blanks") String after) {
        assertEquals(OptionalLong.of(w.millis()), DateValue.parse(before + w.text() + after));
    }

    @Provide
    Arbitrary<String> blanks() {
        return Arbitraries.strings().withChars(" \t\n").ofMaxLength(3);
    }

    @Example
    void notDatesAreRejected() {
        for (String bad : List.of("", " ", "yesterday", "2026-13-01", "2026-02-30", "2025-02-29", "2026-1-1",
                "2026-06-01T24:00:01Z", "2026-06-01T12:60Z", "2026-06-01T12:00:00.1234567890Z", "2026-06-01T",
                "2026-06-01Z", "2026-06-01T12:00:00+19:00", "1234567890123", "-1", "12.5", "0x10",
                "\u0661\u0662\u0663", "２０２６-06-01")) {
            assertTrue(DateValue.parse(bad).isEmpty(), () -> "`" + bad + "` is not a date");
        }
    }

    @Property(tries = 2000)
    void readingNeverFailsWithAnException(@ForAll("dateLikeText") String text) {
        OptionalLong parsed = DateValue.parse(text);
        Statistics.label("a date").collect(parsed.isPresent());
        if (parsed.isPresent() && text.strip().chars().allMatch(c -> c >= '0' && c <= '9')) {
            assertEquals(Long.parseLong(text.strip()) * 1000, parsed.getAsLong());
        }
    }

    /** Text near the grammar, including years far beyond what epoch milliseconds can hold. */
    @Provide
    Arbitrary<String> dateLikeText() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("0123456789-+:.TZtz ").ofMaxLength(30),
                Combinators.combine(Arbitraries.of("+", "-", ""),
                                Arbitraries.integers().between(10_000, 999_999_999), written())
                        .as((sign, year, w) -> sign + year + w.text().substring(Math.min(4, w.text().length()))),
                Arbitraries.strings().ofMaxLength(20));
    }

    @Example
    void yearsBeyondEpochMillisecondsAreNotDatesRatherThanAnError() {
        for (String huge : List.of("+999999999-12-31T23:59:59Z", "+999999999-12-31", "-999999999-01-01T00:00",
                "+300000000-01-01T00:00:00+01:00")) {
            assertTrue(DateValue.parse(huge).isEmpty(), huge);
        }
        assertEquals(OptionalLong.of(OffsetDateTime.of(100_000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC).toInstant()
                .toEpochMilli()), DateValue.parse("+100000-01-01"), "a large year that fits still reads");
    }

    /**
     * The common form {@code YYYY-MM-DDThh:mm:ssZ} is read without java.time's parser; over every field value up
     * to one past its range (February 30th, hour 24, second 60), it reads the dates java.time's ISO parser reads,
     * as the same instant, and refuses the rest.
     */
    @Property
    void thePlainUtcFormReadsAsJavaTimeReadsIt(@ForAll @IntRange(min = 0, max = 9999) int year,
                                               @ForAll @IntRange(min = 0, max = 13) int month,
                                               @ForAll @IntRange(min = 0, max = 32) int day,
                                               @ForAll @IntRange(min = 0, max = 24) int hour,
                                               @ForAll @IntRange(min = 0, max = 60) int minute,
                                               @ForAll @IntRange(min = 0, max = 60) int second) {
        String text = String.format("%04d-%02d-%02dT%02d:%02d:%02dZ", year, month, day, hour, minute, second);
        OptionalLong expected;
        try {
            expected = OptionalLong.of(OffsetDateTime.parse(text).toInstant().toEpochMilli());
        } catch (java.time.format.DateTimeParseException noSuchTime) {
            expected = OptionalLong.empty();
        }
        assertEquals(expected, DateValue.parse(text), text);
    }
}
