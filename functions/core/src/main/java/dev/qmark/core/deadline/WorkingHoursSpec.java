package dev.qmark.core.deadline;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Working hours as the configuration writes them, for example
 * <pre>
 *   mon-fri: [09:00-12:00, 13:00-18:00]
 *   sat:     [10:00-14:00]
 * </pre>
 * Day keys: a day ({@code mon} ... {@code sun}, or the full English name), a span {@code mon-fri}
 * (it may wrap round the week end: {@code sun-thu}), a list {@code mon,wed,fri} of either, or
 * {@code everyday}. Ranges are {@code HH:MM-HH:MM}; {@code 24:00} may end one. Days no key names
 * are closed; a key with an empty list closes its days explicitly.
 *
 * <p>Every error is an {@link IllegalArgumentException} that quotes the text at fault.
 */
public final class WorkingHoursSpec {

    private static final Pattern RANGE = Pattern.compile("(\\d{1,2}):(\\d{2})\\s*[-\u2013]\\s*(\\d{1,2}):(\\d{2})");
    private static final Map<String, DayOfWeek> DAY_NAMES = dayNames();

    private WorkingHoursSpec() {
    }

    /**
     * The ranges per day. Keys are read in the map's order (keep it: a LinkedHashMap, as YAML gives),
     * and a later key may not name a day an earlier one gave: {@code mon-fri} then {@code fri} is
     * refused, because which of the two the writer meant is a guess.
     */
    public static Map<DayOfWeek, List<TimeRange>> parse(Map<String, List<String>> spec) {
        Objects.requireNonNull(spec, "spec");
        Map<DayOfWeek, List<TimeRange>> hours = new EnumMap<>(DayOfWeek.class);
        Map<DayOfWeek, String> givenBy = new EnumMap<>(DayOfWeek.class);
        for (Map.Entry<String, List<String>> entry : spec.entrySet()) {
            String key = entry.getKey();
            Set<DayOfWeek> days = days(key);
            List<TimeRange> ranges = ranges(key, entry.getValue());
            for (DayOfWeek day : days) {
                String earlier = givenBy.putIfAbsent(day, key);
                if (earlier != null) {
                    throw new IllegalArgumentException("working hours '" + key + "' give " + name(day)
                            + " again; '" + earlier + "' already did");
                }
                hours.put(day, ranges);
            }
        }
        return hours;
    }

    /** The days a key names. */
    public static Set<DayOfWeek> days(String key) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("working hours need a day key such as 'mon-fri', not '" + key + "'");
        }
        String text = key.trim().toLowerCase(Locale.ROOT);
        if (text.equals("everyday")) {
            return EnumSet.allOf(DayOfWeek.class);
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String item : text.split(",", -1)) {
            String[] ends = item.split("-", -1);
            if (ends.length > 2) {
                throw new IllegalArgumentException("working hours '" + key + "': '" + item.trim()
                        + "' is not a day or a span of days like mon-fri");
            }
            DayOfWeek first = day(key, ends[0]);
            DayOfWeek last = ends.length == 2 ? day(key, ends[1]) : first;
            // A span walks forward through the week and may wrap: sun-thu is Sunday to Thursday.
            for (DayOfWeek day = first; ; day = day.plus(1)) {
                if (!days.add(day)) {
                    throw new IllegalArgumentException("working hours '" + key + "' name " + name(day) + " twice");
                }
                if (day == last) {
                    break;
                }
            }
        }
        return days;
    }

    /** One range such as {@code 09:00-12:00} or {@code 22:00-24:00}. */
    public static TimeRange range(String text) {
        Matcher m = text == null ? null : RANGE.matcher(text.trim());
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a time range like 09:00-18:00");
        }
        LocalTime start = time(text, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), false);
        LocalTime end = time(text, Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), true);
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("the time range '" + text.trim() + "' ends before it starts"
                    + " (a range cannot cross midnight: write 22:00-24:00 and 00:00-06:00 on the next day)");
        }
        return new TimeRange(start, end);
    }

    private static List<TimeRange> ranges(String key, List<String> texts) {
        if (texts == null) {
            throw new IllegalArgumentException("working hours '" + key + "' have no list of ranges"
                    + " (write [] to close those days)");
        }
        List<TimeRange> ranges = new ArrayList<>();
        for (String text : texts) {
            try {
                ranges.add(range(text));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("working hours '" + key + "': " + e.getMessage(), e);
            }
        }
        return WeeklyHours.sortedDisjoint("'" + key + "'", ranges);
    }

    private static LocalTime time(String text, int hour, int minute, boolean isEnd) {
        if (minute > 59 || hour > 24 || (hour == 24 && (minute != 0 || !isEnd))) {
            throw new IllegalArgumentException("'" + text.trim() + "' has a time that does not exist"
                    + " (00:00 to 23:59, and 24:00 only as an end)");
        }
        return hour == 24 ? TimeRange.MIDNIGHT_END : LocalTime.of(hour, minute);
    }

    private static DayOfWeek day(String key, String text) {
        DayOfWeek day = DAY_NAMES.get(text.trim());
        if (day == null) {
            throw new IllegalArgumentException("working hours '" + key + "': '" + text.trim()
                    + "' is not a day (mon, tue, wed, thu, fri, sat, sun, or everyday)");
        }
        return day;
    }

    private static String name(DayOfWeek day) {
        return day.name().toLowerCase(Locale.ROOT);
    }

    private static Map<String, DayOfWeek> dayNames() {
        Map<String, DayOfWeek> names = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            names.put(name(day).substring(0, 3), day);
            names.put(name(day), day);
        }
        return Map.copyOf(names);
    }
}
