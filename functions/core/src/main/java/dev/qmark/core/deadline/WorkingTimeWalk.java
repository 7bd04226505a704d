package dev.qmark.core.deadline;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Walks a {@link BusinessHoursCalendar}'s working stretches forward or backward from an instant,
 * adding up working time until a budget is spent or a limit is reached.
 *
 * <p>The walk goes one {@link SteadyOffset} at a time, and within it one local date at a time:
 * each range of the date becomes the instants it names under that offset, cut to the stretch.
 * A DST change therefore ends one stretch and starts the next, and a range that the change cuts
 * (a gap) or runs twice through (an overlap) counts exactly the real time it covers.
 *
 * <p>Whole weeks inside one stretch with no holiday all have the calendar's ordinary week length,
 * so they are skipped in one step: a deadline years away costs a few dozen steps per DST stretch
 * and holiday, not one per day.
 */
final class WorkingTimeWalk {

    private final BusinessHoursCalendar calendar;
    private final Duration weekLength;
    /** Working time still to pass before stopping; null to walk to the limit. */
    private Duration left;
    private Duration worked = Duration.ZERO;

    private WorkingTimeWalk(BusinessHoursCalendar calendar, Duration budget) {
        this.calendar = calendar;
        this.weekLength = calendar.weeklyHours().weekLength();
        this.left = budget;
    }

    /** The earliest instant after {@code from} at which {@code budget} has passed, or null if {@code limit} comes first. */
    static Instant forwardSpending(BusinessHoursCalendar calendar, Instant from, Duration budget, Instant limit) {
        return new WorkingTimeWalk(calendar, budget).forward(from, limit);
    }

    /** The latest instant before {@code end} that leaves {@code budget} before it, or null if {@code limit} comes first. */
    static Instant backwardSpending(BusinessHoursCalendar calendar, Instant end, Duration budget, Instant limit) {
        return new WorkingTimeWalk(calendar, budget).backward(end, limit);
    }

    /** The working time in [from, to). */
    static Duration between(BusinessHoursCalendar calendar, Instant from, Instant to) {
        WorkingTimeWalk walk = new WorkingTimeWalk(calendar, null);
        walk.forward(from, to);
        return walk.worked;
    }

    private Instant forward(Instant from, Instant limit) {
        Instant x = from;
        while (x.isBefore(limit)) {
            SteadyOffset stretch = SteadyOffset.around(calendar.rules(), x);
            Instant stop = earlier(stretch.end(), limit);
            LocalDate day = stretch.dateOf(x);
            while (stretch.startOf(day).isBefore(stop)) {
                Instant dayStart = stretch.startOf(day);
                if (!dayStart.isBefore(x)) {
                    long weeks = Math.min(Math.min(
                            Duration.between(dayStart, stop).toDays() / 7,
                            regularWeeksFrom(day)),
                            weeksWithinBudget());
                    if (weeks > 0) {
                        spendWeeks(weeks);
                        day = day.plusWeeks(weeks);
                        continue;
                    }
                }
                for (TimeRange range : calendar.rangesOn(day)) {
                    Instant a = later(stretch.instantOf(range.startOn(day)), x);
                    Instant b = earlier(stretch.instantOf(range.endOn(day)), stop);
                    if (a.isBefore(b)) {
                        Duration length = Duration.between(a, b);
                        if (left != null && length.compareTo(left) >= 0) {
                            return a.plus(left);
                        }
                        spend(length);
                    }
                }
                day = day.plusDays(1);
            }
            x = stop;
        }
        return null;
    }

    private Instant backward(Instant end, Instant limit) {
        Instant x = end;
        while (x.isAfter(limit)) {
            Instant justBefore = x.minusNanos(1);
            SteadyOffset stretch = SteadyOffset.around(calendar.rules(), justBefore);
            Instant stop = later(stretch.start(), limit);
            LocalDate day = stretch.dateOf(justBefore);
            while (stretch.startOf(day.plusDays(1)).isAfter(stop)) {
                Instant dayEnd = stretch.startOf(day.plusDays(1));
                if (!dayEnd.isAfter(x)) {
                    long weeks = Math.min(Math.min(
                            Duration.between(stop, dayEnd).toDays() / 7,
                            regularWeeksUntil(day)),
                            weeksWithinBudget());
                    if (weeks > 0) {
                        spendWeeks(weeks);
                        day = day.minusWeeks(weeks);
                        continue;
                    }
                }
                List<TimeRange> ranges = calendar.rangesOn(day);
                for (int i = ranges.size() - 1; i >= 0; i--) {
                    TimeRange range = ranges.get(i);
                    Instant a = later(stretch.instantOf(range.startOn(day)), stop);
                    Instant b = earlier(stretch.instantOf(range.endOn(day)), x);
                    if (a.isBefore(b)) {
                        Duration length = Duration.between(a, b);
                        if (left != null && length.compareTo(left) >= 0) {
                            return b.minus(left);
                        }
                        spend(length);
                    }
                }
                day = day.minusDays(1);
            }
            x = stop;
        }
        return null;
    }

    /** How many whole weeks starting at {@code day} have no holiday. */
    private long regularWeeksFrom(LocalDate day) {
        LocalDate holiday = calendar.holidays().ceiling(day);
        return holiday == null ? Long.MAX_VALUE : ChronoUnit.DAYS.between(day, holiday) / 7;
    }

    /** How many whole weeks ending with {@code day} have no holiday. */
    private long regularWeeksUntil(LocalDate day) {
        LocalDate holiday = calendar.holidays().floor(day);
        return holiday == null ? Long.MAX_VALUE : ChronoUnit.DAYS.between(holiday, day) / 7;
    }

    /**
     * Whole weeks that fit strictly inside what is left, so the exact stopping point is always
     * found by the day-by-day walk.
     */
    private long weeksWithinBudget() {
        return left == null ? Long.MAX_VALUE : left.minusNanos(1).dividedBy(weekLength);
    }

    private void spendWeeks(long weeks) {
        spend(weekLength.multipliedBy(weeks));
    }

    private void spend(Duration length) {
        worked = worked.plus(length);
        if (left != null) {
            left = left.minus(length);
        }
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
