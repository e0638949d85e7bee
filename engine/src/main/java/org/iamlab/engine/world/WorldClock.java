package org.iamlab.engine.world;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The world's clock: it stands still until it is moved, so that a lesson's output is the same every time.
 * {@code aws:CurrentTime} and the expiry of temporary credentials are read from it.
 */
public final class WorldClock extends Clock {

    /** Where a new world's clock starts: Monday 5 January 2026, 09:00 UTC. */
    public static final Instant DEFAULT_START = Instant.parse("2026-01-05T09:00:00Z");

    private volatile Instant now;

    public WorldClock(Instant start) {
        this.now = Objects.requireNonNull(start, "start");
    }

    /** Moves the clock forward by {@code duration} (never back). */
    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw WorldException.invalid("the clock only moves forward, not by " + duration, null);
        }
        now = now.plus(duration);
    }

    /** Sets the clock to {@code instant}. */
    public void set(Instant instant) {
        now = Objects.requireNonNull(instant, "instant");
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }
}
