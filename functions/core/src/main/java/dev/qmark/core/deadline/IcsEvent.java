package dev.qmark.core.deadline;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One VEVENT of a holiday file, read property by property; {@link #dates} gives the local dates it
 * closes. Properties a holiday does not need (SUMMARY, UID, alarms...) are ignored.
 */
final class IcsEvent {

    /** A "holiday" longer than this is a mistake in the file, not a closure. */
    private static final long MAX_DAYS = 366;

    private final int line;
    private final ZoneId zone;
    private IcsLine start;
    private IcsLine end;
    private IcsLine duration;
    private IcsLine rule;
    private final List<IcsLine> extraDates = new ArrayList<>();
    private final List<IcsLine> excludedDates = new ArrayList<>();
    private boolean cancelled;

    /**
     * @param line the line of BEGIN:VEVENT
     * @param zone the calendar's zone: date-times become dates there, and floating ones are read there
     */
    IcsEvent(int line, ZoneId zone) {
        this.line = line;
        this.zone = zone;
    }

    void accept(IcsLine property) {
        switch (property.name()) {
            case "DTSTART" -> start = once(start, property);
            case "DTEND" -> end = once(end, property);
            case "DURATION" -> duration = once(duration, property);
            case "RRULE" -> rule = once(rule, property);
            case "RDATE" -> extraDates.add(property);
            case "EXDATE" -> excludedDates.add(property);
            case "STATUS" -> cancelled = property.value().trim().equalsIgnoreCase("CANCELLED");
            default -> {
                // Not needed to know when the office is closed.
            }
        }
    }

    /** The dates in the calendar's zone on which this event (each occurrence of it) falls. */
    Set<LocalDate> dates(Year lastYear) {
        if (start == null) {
            throw IcsLine.fail(line, "the VEVENT has no DTSTART");
        }
        if (end != null && duration != null) {
            throw IcsLine.fail(end.number(), "the VEVENT has both DTEND and DURATION; give one");
        }
        Set<LocalDate> dates = new TreeSet<>();
        if (cancelled) {
            return dates;
        }
        IcsTime first = IcsTime.parse(start, start.value(), zone);
        if (first.isDate()) {
            long days = allDayLength(first.date());
            for (LocalDate occurrence : occurrences(first.date(), null, zone, lastYear)) {
                for (long d = 0; d < days; d++) {
                    dates.add(occurrence.plusDays(d));
                }
            }
        } else {
            ZonedDateTime at = first.dateTime();
            Duration length = timedLength(at);
            for (LocalDate occurrence : occurrences(at.toLocalDate(), at.toLocalTime(), at.getZone(), lastYear)) {
                Instant from = ZonedDateTime.of(occurrence, at.toLocalTime(), at.getZone()).toInstant();
                LocalDate firstDay = from.atZone(zone).toLocalDate();
                LocalDate lastDay = length.isZero() ? firstDay : from.plus(length).minusNanos(1).atZone(zone).toLocalDate();
                for (LocalDate d = firstDay; !d.isAfter(lastDay); d = d.plusDays(1)) {
                    dates.add(d);
                }
            }
        }
        return dates;
    }

    /** The start dates: DTSTART, the RRULE's further ones and RDATEs, without EXDATEs. */
    private Set<LocalDate> occurrences(LocalDate first, LocalTime timeOfDay, ZoneId eventZone, Year lastYear) {
        Set<LocalDate> starts = new TreeSet<>();
        starts.add(first);
        if (rule != null) {
            starts.addAll(YearlyRecurrence.parse(rule, eventZone).after(first, timeOfDay, eventZone, lastYear));
        }
        for (IcsLine extra : extraDates) {
            starts.addAll(localDates(extra, eventZone));
        }
        for (IcsLine excluded : excludedDates) {
            starts.removeAll(localDates(excluded, eventZone));
        }
        return starts;
    }

    private static List<LocalDate> localDates(IcsLine property, ZoneId eventZone) {
        return IcsTime.parseList(property, eventZone).stream()
                .map(t -> t.isDate() ? t.date() : t.dateTime().withZoneSameInstant(eventZone).toLocalDate())
                .toList();
    }

    /** Days an all-day event covers; DTEND is exclusive, and one equal to DTSTART still means that day. */
    private long allDayLength(LocalDate first) {
        long days = 1;
        if (end != null) {
            IcsTime last = IcsTime.parse(end, end.value(), zone);
            if (!last.isDate()) {
                throw IcsLine.fail(end.number(), "DTEND '" + end.value().trim() + "' must be a date, as DTSTART is");
            }
            days = ChronoUnit.DAYS.between(first, last.date());
            if (days < 0) {
                throw IcsLine.fail(end.number(), "DTEND '" + end.value().trim() + "' is before DTSTART");
            }
        } else if (duration != null) {
            Duration length = IcsTime.duration(duration);
            if (!length.equals(Duration.ofDays(length.toDays()))) {
                throw IcsLine.fail(duration.number(), "DURATION '" + duration.value().trim()
                        + "' of an all-day event must be whole days, like P2D");
            }
            days = length.toDays();
        }
        return checkLength(Math.max(days, 1));
    }

    private Duration timedLength(ZonedDateTime from) {
        Duration length = Duration.ZERO;
        if (end != null) {
            IcsTime last = IcsTime.parse(end, end.value(), zone);
            if (last.isDate()) {
                throw IcsLine.fail(end.number(), "DTEND '" + end.value().trim() + "' must be a date-time, as DTSTART is");
            }
            length = Duration.between(from, last.dateTime());
            if (length.isNegative()) {
                throw IcsLine.fail(end.number(), "DTEND '" + end.value().trim() + "' is before DTSTART");
            }
        } else if (duration != null) {
            length = IcsTime.duration(duration);
        }
        checkLength(length.toDays());
        return length;
    }

    private long checkLength(long days) {
        if (days > MAX_DAYS) {
            throw IcsLine.fail(line, "the VEVENT lasts " + days + " days; a holiday of more than a year is a mistake");
        }
        return days;
    }

    private static IcsLine once(IcsLine earlier, IcsLine property) {
        if (earlier != null) {
            throw IcsLine.fail(property.number(), "a second " + property.name() + " in one VEVENT (the first is on line "
                    + earlier.number() + ")");
        }
        return property;
    }
}
