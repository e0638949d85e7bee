package org.iamlab.engine.condition;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.OptionalLong;

/**
 * Dates as the Date condition operators read them: ISO 8601 (a date, or a date and time with an optional
 * offset; no offset means UTC) or seconds since the epoch (IAM User Guide, "Date condition operators").
 */
public final class DateValue {

    private DateValue() {
    }

    /** Milliseconds since the epoch, or empty when {@code text} is not a date. */
    public static OptionalLong parse(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return OptionalLong.empty();
        }
        if (t.chars().allMatch(c -> c >= '0' && c <= '9')) {
            if (t.length() > 12) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(Long.parseLong(t) * 1000);
        }
        try {
            try {
                return OptionalLong.of(OffsetDateTime.parse(t).toInstant().toEpochMilli());
            } catch (DateTimeParseException notWithOffset) {
                // fall through to the forms without an offset
            }
            try {
                return OptionalLong.of(LocalDateTime.parse(t).toInstant(ZoneOffset.UTC).toEpochMilli());
            } catch (DateTimeParseException notLocalDateTime) {
                // fall through
            }
            try {
                return OptionalLong.of(LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli());
            } catch (DateTimeParseException notDate) {
                return OptionalLong.empty();
            }
        } catch (ArithmeticException beyondEpochMillis) {
            // java.time reads years up to +-999,999,999, far beyond what epoch milliseconds can hold
            return OptionalLong.empty();
        }
    }

    /** The ISO 8601 form of {@code epochMillis} in UTC, as {@code aws:CurrentTime} carries it. */
    public static String format(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).toString();
    }
}
