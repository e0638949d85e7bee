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
        if (isDigits(t, 0, t.length())) {
            if (t.length() > 12) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(Long.parseLong(t) * 1000);
        }
        if (isPlainUtc(t)) {
            return plainUtc(t);
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

    /**
     * Whether {@code t} is {@code YYYY-MM-DDThh:mm:ssZ}, the form of {@code aws:CurrentTime} and of nearly every
     * date in a policy, which is read here without java.time's general parser (the slowest part of reading a
     * policy with a date condition).
     */
    private static boolean isPlainUtc(String t) {
        return t.length() == 20 && t.charAt(4) == '-' && t.charAt(7) == '-' && t.charAt(10) == 'T'
                && t.charAt(13) == ':' && t.charAt(16) == ':' && t.charAt(19) == 'Z' && isDigits(t, 0, 4)
                && isDigits(t, 5, 7) && isDigits(t, 8, 10) && isDigits(t, 11, 13) && isDigits(t, 14, 16)
                && isDigits(t, 17, 19);
    }

    /** As {@link OffsetDateTime#parse} reads the plain form: a date that does not exist is no date. */
    private static OptionalLong plainUtc(String t) {
        try {
            LocalDateTime time = LocalDateTime.of(number(t, 0, 4), number(t, 5, 7), number(t, 8, 10),
                    number(t, 11, 13), number(t, 14, 16), number(t, 17, 19));
            return OptionalLong.of(time.toEpochSecond(ZoneOffset.UTC) * 1000);
        } catch (java.time.DateTimeException noSuchTime) {
            return OptionalLong.empty();
        }
    }

    private static int number(String t, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            n = n * 10 + (t.charAt(i) - '0');
        }
        return n;
    }

    private static boolean isDigits(String t, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** The ISO 8601 form of {@code epochMillis} in UTC, as {@code aws:CurrentTime} carries it. */
    public static String format(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).toString();
    }
}
