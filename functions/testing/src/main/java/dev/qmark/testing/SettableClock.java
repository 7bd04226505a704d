package dev.qmark.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The one clock tests and the benchmark move by hand (set, or advance), so that leases and
 * deadlines run out when they say and not when the machine does. Always UTC, as Qmark's clocks are.
 */
public final class SettableClock extends Clock {

    private volatile Instant now;

    public SettableClock(Instant now) {
        this.now = now;
    }

    public void set(Instant instant) {
        now = instant;
    }

    public void advance(Duration by) {
        now = now.plus(by);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** The same clock: it stays in UTC (nothing of Qmark's asks for another zone). */
    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
