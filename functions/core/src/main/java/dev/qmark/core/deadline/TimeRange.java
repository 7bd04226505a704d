package dev.qmark.core.deadline;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Objects;

/**
 * One stretch of working hours within a day, in the calendar's local time: from {@code start}
 * (inclusive) to {@code end} (exclusive), e.g. 09:00-12:00.
 *
 * <p>24:00 is written as {@link #MIDNIGHT_END} ({@link LocalTime#MAX}). {@code LocalTime} has no
 * 24:00, and 00:00 as an end would make 22:00-00:00 look like a range that ends before it starts;
 * so an end of {@code LocalTime.MAX} means "until the midnight that ends the day", exactly, not
 * 23:59:59.999999999. A range never crosses midnight: a night shift is 22:00-24:00 on one day
 * and 00:00-06:00 on the next.
 */
public record TimeRange(LocalTime start, LocalTime end) {

    /** The end that means 24:00, the midnight at the end of the day. */
    public static final LocalTime MIDNIGHT_END = LocalTime.MAX;

    public TimeRange {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (start.equals(MIDNIGHT_END)) {
            throw new IllegalArgumentException("a time range cannot start at 24:00");
        }
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("the time range " + text(start, end)
                    + " ends before it starts (a range cannot cross midnight: split it at 24:00)");
        }
    }

    /** Whether this range runs until the end of the day (24:00). */
    public boolean endsAtMidnight() {
        return end.equals(MIDNIGHT_END);
    }

    /** Whether a local time of day lies in this range. */
    public boolean contains(LocalTime time) {
        return !time.isBefore(start) && (endsAtMidnight() || time.isBefore(end));
    }

    /** Whether the two ranges share any moment; ranges that only touch (12:00 and 12:00) do not. */
    public boolean overlaps(TimeRange other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }

    /** The length on an ordinary day (one without a change of UTC offset). */
    public Duration length() {
        return Duration.between(startOn(LocalDate.EPOCH), endOn(LocalDate.EPOCH));
    }

    LocalDateTime startOn(LocalDate date) {
        return date.atTime(start);
    }

    /** The end on a date; 24:00 is the next day's 00:00. */
    LocalDateTime endOn(LocalDate date) {
        return endsAtMidnight() ? date.plusDays(1).atStartOfDay() : date.atTime(end);
    }

    /** As written in the configuration, e.g. {@code 09:00-12:00} or {@code 22:00-24:00}. */
    @Override
    public String toString() {
        return text(start, end);
    }

    private static String text(LocalTime start, LocalTime end) {
        return start + "-" + (end.equals(MIDNIGHT_END) ? "24:00" : end.toString());
    }
}
