package dev.qmark.core.deadline;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The clock a deadline runs on: either every moment ({@link WallClockCalendar}) or only an owner's
 * or route's business hours ({@link BusinessHoursCalendar}).
 *
 * <p>"Working time" is the set of moments the calendar counts. Every answer is exact to the
 * nanosecond, and the three arithmetic methods agree with each other: for any {@code x} and any
 * {@code w > 0},
 * <ul>
 *   <li>{@code workingTimeBetween(x, plusWorkingTime(x, w)) == w},</li>
 *   <li>{@code minusWorkingTime(plusWorkingTime(x, w), w) == nextWorkingMoment(x)}.</li>
 * </ul>
 */
public interface DeadlineCalendar {

    /**
     * The deadline: the earliest moment by which {@code working} of working time has passed since
     * {@code start}. It may be the very end of a working stretch (18:00 sharp: "by close of
     * business"), never a later morning. Zero gives {@code start}.
     *
     * @throws IllegalArgumentException for a negative duration, or one that takes more than
     *                                  {@value BusinessHoursCalendar#MAX_YEARS} years of calendar time
     */
    Instant plusWorkingTime(Instant start, Duration working);

    /**
     * The latest moment that still leaves {@code working} of working time before {@code end}, as
     * for "1 hour before the deadline". For a positive duration the result is always a working
     * moment (a stretch's first moment rather than the previous evening's close). Zero gives
     * {@code end}.
     *
     * @throws IllegalArgumentException for a negative duration, or one that takes more than
     *                                  {@value BusinessHoursCalendar#MAX_YEARS} years of calendar time
     */
    Instant minusWorkingTime(Instant end, Duration working);

    /**
     * The working time in [from, to). Negative when {@code to} is before {@code from}, so "time left"
     * of an overdue item reads as the working time it is overdue by.
     */
    Duration workingTimeBetween(Instant from, Instant to);

    /** Whether the moment is working time. Stretches are half-open: 09:00 is working, 18:00 is not. */
    boolean isWorking(Instant at);

    /** {@code at} itself when it is working time, else the start of the next working stretch. */
    Instant nextWorkingMoment(Instant at);

    /** The zone the calendar's hours are given in, and in which its times are best shown. */
    ZoneId zone();
}
