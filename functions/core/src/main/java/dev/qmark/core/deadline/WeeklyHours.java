package dev.qmark.core.deadline;

import java.time.DayOfWeek;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The working hours of an ordinary week: for each day its ranges, sorted and checked not to overlap.
 * A day that is missing or has no ranges is closed.
 */
final class WeeklyHours {

    private final Map<DayOfWeek, List<TimeRange>> byDay = new EnumMap<>(DayOfWeek.class);
    private final Duration weekLength;

    /** @throws IllegalArgumentException when two ranges of a day overlap */
    WeeklyHours(Map<DayOfWeek, List<TimeRange>> hours) {
        Objects.requireNonNull(hours, "hours");
        Duration total = Duration.ZERO;
        for (DayOfWeek day : DayOfWeek.values()) {
            List<TimeRange> ranges = sortedDisjoint("of " + day.name().toLowerCase(Locale.ROOT),
                    hours.getOrDefault(day, List.of()));
            byDay.put(day, ranges);
            for (TimeRange range : ranges) {
                total = total.plus(range.length());
            }
        }
        this.weekLength = total;
    }

    /**
     * The ranges sorted by start; {@code which} says whose they are in the error message.
     * Overlaps are refused rather than merged: two ranges that overlap are almost always a typo
     * (09:00-13:00 meant as 09:00-12:00), and merging would hide it.
     */
    static List<TimeRange> sortedDisjoint(String which, List<TimeRange> ranges) {
        List<TimeRange> sorted = new ArrayList<>(ranges);
        sorted.forEach(r -> Objects.requireNonNull(r, "a time range " + which));
        sorted.sort(Comparator.comparing(TimeRange::start));
        for (int i = 1; i < sorted.size(); i++) {
            TimeRange before = sorted.get(i - 1);
            TimeRange after = sorted.get(i);
            if (before.overlaps(after)) {
                throw new IllegalArgumentException("working hours " + which + ": " + before + " and " + after
                        + " overlap");
            }
        }
        return List.copyOf(sorted);
    }

    List<TimeRange> on(DayOfWeek day) {
        return byDay.get(day);
    }

    /** The working time of a week without holidays or change of UTC offset. */
    Duration weekLength() {
        return weekLength;
    }

    Map<DayOfWeek, List<TimeRange>> asMap() {
        Map<DayOfWeek, List<TimeRange>> copy = new EnumMap<>(DayOfWeek.class);
        byDay.forEach((day, ranges) -> {
            if (!ranges.isEmpty()) {
                copy.put(day, ranges);
            }
        });
        return Collections.unmodifiableMap(copy);
    }
}
