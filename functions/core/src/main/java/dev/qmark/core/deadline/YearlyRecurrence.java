package dev.qmark.core.deadline;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An RRULE that repeats every year (or every INTERVAL years), as holiday files use them:
 * the same date ({@code FREQ=YEARLY}), a weekday of a month ({@code BYMONTH=11;BYDAY=4TH},
 * {@code BYMONTH=5;BYDAY=-1MO}) or days of months ({@code BYMONTHDAY}); ended by COUNT or UNTIL.
 *
 * <p>Other frequencies and the rarer parts (BYSETPOS, BYWEEKNO, BYYEARDAY, BYHOUR...) are refused
 * rather than ignored: a holiday silently missing would put a deadline on it.
 */
final class YearlyRecurrence {

    /** How many years a rule may span before it is taken for a typo (DTSTART in year 0002). */
    private static final int MAX_SPAN_YEARS = 5000;
    private static final Pattern WEEKDAY_NUM = Pattern.compile("([+-]?\\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)");
    private static final Map<String, DayOfWeek> WEEKDAYS = Map.of("MO", DayOfWeek.MONDAY, "TU", DayOfWeek.TUESDAY,
            "WE", DayOfWeek.WEDNESDAY, "TH", DayOfWeek.THURSDAY, "FR", DayOfWeek.FRIDAY,
            "SA", DayOfWeek.SATURDAY, "SU", DayOfWeek.SUNDAY);

    /** A BYDAY item: a weekday, and which one of its scope (month or year) counting from the end when negative; 0 for all. */
    private record WeekdayNum(int ordinal, DayOfWeek day) {
    }

    private final IcsLine line;
    private int interval = 1;
    private Integer count;
    private IcsTime until;
    private final List<Integer> byMonth = new ArrayList<>();
    private final List<Integer> byMonthDay = new ArrayList<>();
    private final List<WeekdayNum> byDay = new ArrayList<>();

    private YearlyRecurrence(IcsLine line) {
        this.line = line;
    }

    /** @param eventZone the zone of a floating UNTIL date-time */
    static YearlyRecurrence parse(IcsLine line, ZoneId eventZone) {
        YearlyRecurrence rule = new YearlyRecurrence(line);
        String frequency = null;
        for (String part : line.value().trim().split(";")) {
            int equals = part.indexOf('=');
            if (equals <= 0) {
                throw rule.fail("'" + part + "' is not a NAME=value part");
            }
            String name = part.substring(0, equals).trim().toUpperCase(Locale.ROOT);
            String value = part.substring(equals + 1).trim().toUpperCase(Locale.ROOT);
            switch (name) {
                case "FREQ" -> frequency = value;
                case "INTERVAL" -> rule.interval = rule.positive(name, value);
                case "COUNT" -> rule.count = rule.positive(name, value);
                case "UNTIL" -> rule.until = rule.until(value, eventZone);
                case "BYMONTH" -> rule.numbers(name, value, 1, 12, false, rule.byMonth);
                case "BYMONTHDAY" -> rule.numbers(name, value, 1, 31, true, rule.byMonthDay);
                case "BYDAY" -> rule.weekdays(value);
                case "WKST" -> {
                    // Only matters for weekly rules and BYWEEKNO, neither of which is taken.
                }
                default -> throw rule.fail("the part " + name + " is not supported in holiday rules"
                        + " (FREQ=YEARLY with BYMONTH, BYDAY, BYMONTHDAY, INTERVAL, COUNT or UNTIL)");
            }
        }
        if (!"YEARLY".equals(frequency)) {
            throw rule.fail("only yearly rules (FREQ=YEARLY) are supported for holidays");
        }
        if (rule.count != null && rule.until != null) {
            throw rule.fail("COUNT and UNTIL may not both be given");
        }
        if (!rule.byMonthDay.isEmpty() && rule.byDay.stream().anyMatch(d -> d.ordinal() != 0)) {
            throw rule.fail("BYDAY with a number (like 4TH) together with BYMONTHDAY is not supported");
        }
        return rule;
    }

    /**
     * The start dates of the occurrences after {@code first} (which is always the first occurrence
     * and counts towards COUNT, as RFC 5545 says), up to the end of {@code lastYear}.
     *
     * @param timeOfDay the start time of a timed event, to compare with an UNTIL date-time; null for all-day events
     */
    List<LocalDate> after(LocalDate first, LocalTime timeOfDay, ZoneId eventZone, Year lastYear) {
        if (lastYear.getValue() - first.getYear() > MAX_SPAN_YEARS) {
            throw fail("DTSTART in " + first.getYear() + " is too far back to expand the rule from");
        }
        List<LocalDate> dates = new ArrayList<>();
        int occurrences = 1;
        for (int year = first.getYear(); year <= lastYear.getValue(); year += interval) {
            for (LocalDate date : candidates(year, first)) {
                if (!date.isAfter(first)) {
                    continue;
                }
                if ((count != null && occurrences >= count) || isAfterUntil(date, timeOfDay, eventZone)) {
                    return dates;
                }
                dates.add(date);
                occurrences++;
            }
        }
        return dates;
    }

    /** The dates the BY parts give in a year, sorted. */
    private TreeSet<LocalDate> candidates(int year, LocalDate first) {
        TreeSet<LocalDate> dates = new TreeSet<>();
        if (!byMonthDay.isEmpty()) {
            for (int month : byMonth.isEmpty() ? allMonths() : byMonth) {
                YearMonth ym = YearMonth.of(year, month);
                for (int monthDay : byMonthDay) {
                    int day = monthDay > 0 ? monthDay : ym.lengthOfMonth() + monthDay + 1;
                    if (day >= 1 && day <= ym.lengthOfMonth()) {
                        LocalDate date = ym.atDay(day);
                        if (byDay.isEmpty() || byDay.stream().anyMatch(d -> d.day() == date.getDayOfWeek())) {
                            dates.add(date);
                        }
                    }
                }
            }
        } else if (!byDay.isEmpty()) {
            if (byMonth.isEmpty()) {
                addWeekdays(dates, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
            } else {
                for (int month : byMonth) {
                    YearMonth ym = YearMonth.of(year, month);
                    addWeekdays(dates, ym.atDay(1), ym.atEndOfMonth());
                }
            }
        } else {
            // The plain yearly rule: DTSTART's day, in DTSTART's month or in each BYMONTH;
            // a day the month lacks (29 February in 2027) has no occurrence that year.
            for (int month : byMonth.isEmpty() ? List.of(first.getMonthValue()) : byMonth) {
                YearMonth ym = YearMonth.of(year, month);
                if (first.getDayOfMonth() <= ym.lengthOfMonth()) {
                    dates.add(ym.atDay(first.getDayOfMonth()));
                }
            }
        }
        return dates;
    }

    /** The BYDAY weekdays between two dates (a month or a year): all of them, or the n-th. */
    private void addWeekdays(TreeSet<LocalDate> dates, LocalDate from, LocalDate to) {
        for (WeekdayNum weekday : byDay) {
            List<LocalDate> matching = new ArrayList<>();
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                if (d.getDayOfWeek() == weekday.day()) {
                    matching.add(d);
                }
            }
            if (weekday.ordinal() == 0) {
                dates.addAll(matching);
            } else {
                int index = weekday.ordinal() > 0 ? weekday.ordinal() - 1 : matching.size() + weekday.ordinal();
                if (index >= 0 && index < matching.size()) {
                    dates.add(matching.get(index));
                }
            }
        }
    }

    private boolean isAfterUntil(LocalDate date, LocalTime timeOfDay, ZoneId eventZone) {
        if (until == null) {
            return false;
        }
        if (until.isDate()) {
            return date.isAfter(until.date());
        }
        Instant limit = until.dateTime().toInstant();
        if (timeOfDay == null) {
            return date.isAfter(until.dateTime().withZoneSameInstant(eventZone).toLocalDate());
        }
        return ZonedDateTime.of(date, timeOfDay, eventZone).toInstant().isAfter(limit);
    }

    private IcsTime until(String value, ZoneId eventZone) {
        try {
            return IcsTime.parse(line, value, eventZone);
        } catch (IllegalArgumentException e) {
            throw fail("UNTIL '" + value + "' is not a date (YYYYMMDD) or a date-time (YYYYMMDDTHHMMSSZ)");
        }
    }

    private int positive(String name, String value) {
        try {
            int number = Integer.parseInt(value);
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // Falls through to the message below.
        }
        throw fail(name + " '" + value + "' must be a whole number above zero");
    }

    private void numbers(String name, String value, int min, int max, boolean negativeToo, List<Integer> into) {
        for (String item : value.split(",")) {
            try {
                int number = Integer.parseInt(item.trim());
                int size = Math.abs(number);
                if (size >= min && size <= max && (number > 0 || negativeToo)) {
                    into.add(number);
                    continue;
                }
            } catch (NumberFormatException e) {
                // Falls through to the message below.
            }
            throw fail(name + " '" + item.trim() + "' is not a number from " + min + " to " + max
                    + (negativeToo ? " (or -" + max + " to -1, counting from the end)" : ""));
        }
    }

    private void weekdays(String value) {
        for (String item : value.split(",")) {
            Matcher m = WEEKDAY_NUM.matcher(item.trim());
            int ordinal = m.matches() && m.group(1) != null ? Integer.parseInt(m.group(1)) : 0;
            if (!m.matches() || Math.abs(ordinal) > 53 || (m.group(1) != null && ordinal == 0)) {
                throw fail("BYDAY '" + item.trim() + "' is not a weekday like MO, 4TH or -1MO");
            }
            byDay.add(new WeekdayNum(ordinal, WEEKDAYS.get(m.group(2))));
        }
    }

    private static List<Integer> allMonths() {
        return Arrays.stream(Month.values()).map(Month::getValue).toList();
    }

    private IllegalArgumentException fail(String message) {
        return IcsLine.fail(line.number(), "RRULE '" + line.value().trim() + "': " + message);
    }
}
