package org.iamlab.engine.world;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them: {@code 90m}, {@code 1h}, {@code 1h30m}, {@code 2 hours}, {@code 3600s}. */
public final class Durations {

    private static final Pattern PART = Pattern.compile("(\\d+)\\s*(d|days?|h|hours?|m|min|minutes?|s|sec|seconds?)");

    private Durations() {
    }

    /** Parses {@code text}, or explains what it expected. */
    public static Duration parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.matches("\\d+")) {
            return Duration.ofSeconds(Long.parseLong(t));
        }
        Matcher m = PART.matcher(t);
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.find()) {
            if (!t.substring(end, m.start()).isBlank()) {
                break;
            }
            long n = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2).charAt(0)) {
                case 'd' -> Duration.ofDays(n);
                case 'h' -> Duration.ofHours(n);
                case 'm' -> Duration.ofMinutes(n);
                default -> Duration.ofSeconds(n);
            });
            end = m.end();
        }
        if (end == 0 || !t.substring(end).isBlank()) {
            throw WorldException.invalid("`" + text + "` is not a duration",
                    "write it like `15m`, `1h`, `1h30m`, `12h` or a number of seconds");
        }
        return total;
    }

    /** {@code 1h30m}, {@code 15m}, {@code 45s}. */
    public static String words(Duration d) {
        long s = d.toSeconds();
        StringBuilder out = new StringBuilder();
        if (s >= 3600) {
            out.append(s / 3600).append('h');
            s %= 3600;
        }
        if (s >= 60) {
            out.append(s / 60).append('m');
            s %= 60;
        }
        if (s > 0 || out.length() == 0) {
            out.append(s).append('s');
        }
        return out.toString();
    }
}
