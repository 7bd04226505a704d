package dev.qmark.core.deadline;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Every moment counts, nights, weekends and holidays too: plain instant arithmetic, so a deadline
 * 4 hours after 23:00 is 03:00. The default when a route or owner sets no business hours.
 *
 * @param zone only where times are shown; it changes no arithmetic
 */
public record WallClockCalendar(ZoneId zone) implements DeadlineCalendar {

    public static final WallClockCalendar UTC = new WallClockCalendar(ZoneOffset.UTC);

    public WallClockCalendar {
        Objects.requireNonNull(zone, "zone");
    }

    @Override
    public Instant plusWorkingTime(Instant start, Duration working) {
        return start.plus(requireNotNegative(working));
    }

    @Override
    public Instant minusWorkingTime(Instant end, Duration working) {
        return end.minus(requireNotNegative(working));
    }

    @Override
    public Duration workingTimeBetween(Instant from, Instant to) {
        return Duration.between(from, to);
    }

    @Override
    public boolean isWorking(Instant at) {
        Objects.requireNonNull(at, "at");
        return true;
    }

    @Override
    public Instant nextWorkingMoment(Instant at) {
        return Objects.requireNonNull(at, "at");
    }

    static Duration requireNotNegative(Duration working) {
        Objects.requireNonNull(working, "working");
        if (working.isNegative()) {
            throw new IllegalArgumentException("working time must not be negative: " + working);
        }
        return working;
    }
}
