package dev.qmark.core.deadline;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Working time is an owner's or route's business hours: weekly ranges in a time zone, split shifts
 * allowed (09:00-12:00 and 13:00-18:00), days without ranges closed, holidays closed all day.
 *
 * <p>Precisely: a moment is working time when, read on the wall clock of {@code zone}, its date is
 * not a holiday and its time of day lies in one of that weekday's ranges. Everything follows from
 * that rule, DST included:
 * <ul>
 *   <li>a range counts the real time that passes in it: 00:00-24:00 on the Sunday the clocks go
 *       forward in Europe/Berlin is 23 hours, on the Sunday they go back 25 hours;</li>
 *   <li>local times the clocks skip never happen, so a range 01:00-02:30 on the spring-forward
 *       night is one hour (01:00-02:00, then the clock reads 03:00);</li>
 *   <li>local times the clocks run twice count twice, so a range 02:00-02:45 on the fall-back night
 *       is two stretches of 45 minutes.</li>
 * </ul>
 *
 * <p>Deadlines far away stay cheap: see {@link WorkingTimeWalk}. Walks are still bounded to
 * {@value #MAX_YEARS} years of calendar time, beyond which a deadline means nothing.
 */
public final class BusinessHoursCalendar implements DeadlineCalendar {

    /** How far a deadline or reminder may lie from its starting point, in calendar years. */
    public static final int MAX_YEARS = 1000;
    private static final Duration MAX_SPAN = Duration.ofDays(366L * MAX_YEARS);

    private final ZoneId zone;
    private final ZoneRules rules;
    private final WeeklyHours hours;
    private final NavigableSet<LocalDate> holidays;

    /**
     * @param hours    ranges per weekday; missing days are closed; ranges of a day may touch but not overlap
     * @param holidays dates (in {@code zone}) closed all day
     * @throws IllegalArgumentException when ranges overlap, or when no day has any working time
     *                                  (a deadline could then never be reached)
     */
    public BusinessHoursCalendar(ZoneId zone, Map<DayOfWeek, List<TimeRange>> hours, Set<LocalDate> holidays) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.rules = zone.getRules();
        this.hours = new WeeklyHours(hours);
        Objects.requireNonNull(holidays, "holidays").forEach(h -> Objects.requireNonNull(h, "a holiday"));
        this.holidays = Collections.unmodifiableNavigableSet(new TreeSet<>(holidays));
        if (this.hours.weekLength().isZero()) {
            throw new IllegalArgumentException("the working hours give no working time on any day of the week;"
                    + " a deadline could never be reached");
        }
    }

    @Override
    public Instant plusWorkingTime(Instant start, Duration working) {
        Objects.requireNonNull(start, "start");
        if (WallClockCalendar.requireNotNegative(working).isZero()) {
            return start;
        }
        Instant due = WorkingTimeWalk.forwardSpending(this, start, working, start.plus(MAX_SPAN));
        if (due == null) {
            throw tooFar(working);
        }
        return due;
    }

    @Override
    public Instant minusWorkingTime(Instant end, Duration working) {
        Objects.requireNonNull(end, "end");
        if (WallClockCalendar.requireNotNegative(working).isZero()) {
            return end;
        }
        Instant start = WorkingTimeWalk.backwardSpending(this, end, working, end.minus(MAX_SPAN));
        if (start == null) {
            throw tooFar(working);
        }
        return start;
    }

    @Override
    public Duration workingTimeBetween(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            return WorkingTimeWalk.between(this, to, from).negated();
        }
        return WorkingTimeWalk.between(this, from, to);
    }

    @Override
    public boolean isWorking(Instant at) {
        LocalDateTime local = LocalDateTime.ofInstant(Objects.requireNonNull(at, "at"), zone);
        return rangesOn(local.toLocalDate()).stream().anyMatch(r -> r.contains(local.toLocalTime()));
    }

    @Override
    public Instant nextWorkingMoment(Instant at) {
        if (isWorking(at)) {
            return at;
        }
        // The first working nanosecond ends one nanosecond after the next stretch starts.
        return plusWorkingTime(at, Duration.ofNanos(1)).minusNanos(1);
    }

    @Override
    public ZoneId zone() {
        return zone;
    }

    /** The weekly ranges, without closed days. */
    public Map<DayOfWeek, List<TimeRange>> hours() {
        return hours.asMap();
    }

    public NavigableSet<LocalDate> holidays() {
        return holidays;
    }

    /** The ranges that apply on a local date: none on a holiday. */
    List<TimeRange> rangesOn(LocalDate date) {
        return holidays.contains(date) ? List.of() : hours.on(date.getDayOfWeek());
    }

    ZoneRules rules() {
        return rules;
    }

    WeeklyHours weeklyHours() {
        return hours;
    }

    private IllegalArgumentException tooFar(Duration working) {
        return new IllegalArgumentException(working + " of working time lies more than " + MAX_YEARS
                + " years away in this calendar");
    }

    @Override
    public String toString() {
        return "BusinessHoursCalendar[" + zone + " " + hours.asMap() + ", " + holidays.size() + " holidays]";
    }
}
