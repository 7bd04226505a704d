package dev.qmark.core.deadline;

import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Holidays from an iCalendar file (RFC 5545), such as a public-holiday calendar exported from a
 * calendar program: every date that a VEVENT covers is a holiday.
 *
 * <ul>
 *   <li>All-day events ({@code DTSTART;VALUE=DATE:20261225}) cover their dates; DTEND is exclusive,
 *       so 추석 from 20260924 to 20260927 is three days. DURATION (P3D) works too.</li>
 *   <li>Timed events cover each date, in the calendar's zone, that they touch. A TZID that names a
 *       known zone is honoured; an unknown one (Outlook's "Korea Standard Time") and a floating
 *       time are read in the calendar's zone; {@code Z} is UTC.</li>
 *   <li>RRULE with FREQ=YEARLY (see {@link YearlyRecurrence}), RDATE and EXDATE are honoured;
 *       cancelled events (STATUS:CANCELLED) close nothing.</li>
 *   <li>Folded lines are unfolded; other components (VTIMEZONE, VTODO, VALARM...) and unknown
 *       properties are ignored.</li>
 * </ul>
 * Malformed input gives an {@link IllegalArgumentException} naming the line.
 */
public final class IcsHolidays {

    /** How many years past this one an open-ended yearly rule is expanded. */
    public static final int EXPAND_YEARS = 10;

    private IcsHolidays() {
    }

    /**
     * The holidays of an iCalendar text. Open-ended yearly rules are expanded through
     * {@value #EXPAND_YEARS} years after the current year, so a calendar built from them should be
     * rebuilt at least that often (every deployment or cold start does).
     */
    public static NavigableSet<LocalDate> parse(String icsText, ZoneId zone) {
        return parse(icsText, zone, Year.now(zone).plusYears(EXPAND_YEARS));
    }

    /**
     * The holidays of an iCalendar text, expanding recurring events through {@code lastYear};
     * dates given outright (DTSTART, RDATE) are kept even when they lie beyond it.
     */
    public static NavigableSet<LocalDate> parse(String icsText, ZoneId zone, Year lastYear) {
        Objects.requireNonNull(icsText, "icsText");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(lastYear, "lastYear");
        List<IcsLine> lines = IcsLine.read(icsText);
        if (lines.isEmpty()) {
            throw IcsLine.fail(1, "the text is empty; an iCalendar file starts with BEGIN:VCALENDAR");
        }
        NavigableSet<LocalDate> holidays = new TreeSet<>();
        Deque<IcsLine> open = new ArrayDeque<>();
        IcsEvent event = null;
        for (IcsLine line : lines) {
            switch (line.name()) {
                case "BEGIN" -> {
                    String component = component(line);
                    if (open.isEmpty() && !component.equals("VCALENDAR")) {
                        throw IcsLine.fail(line.number(), "expected BEGIN:VCALENDAR, found BEGIN:" + line.value().trim());
                    }
                    if (component.equals("VEVENT") && open.size() == 1) {
                        event = new IcsEvent(line.number(), zone);
                    }
                    open.push(line);
                }
                case "END" -> {
                    if (open.isEmpty()) {
                        throw IcsLine.fail(line.number(), "END:" + line.value().trim() + " without a BEGIN");
                    }
                    IcsLine begun = open.pop();
                    if (!component(begun).equals(component(line))) {
                        throw IcsLine.fail(line.number(), "END:" + line.value().trim() + " does not close BEGIN:"
                                + begun.value().trim() + " of line " + begun.number());
                    }
                    if (event != null && open.size() == 1) {
                        holidays.addAll(event.dates(lastYear));
                        event = null;
                    }
                }
                default -> {
                    if (open.isEmpty()) {
                        throw IcsLine.fail(line.number(), line.name() + " outside BEGIN:VCALENDAR ... END:VCALENDAR");
                    }
                    // Only the event's own properties: not those of an alarm inside it.
                    if (event != null && open.size() == 2) {
                        event.accept(line);
                    }
                }
            }
        }
        if (!open.isEmpty()) {
            IcsLine begun = open.peek();
            throw IcsLine.fail(begun.number(), "BEGIN:" + begun.value().trim() + " is never closed by END:"
                    + begun.value().trim());
        }
        return Collections.unmodifiableNavigableSet(holidays);
    }

    private static String component(IcsLine line) {
        return line.value().trim().toUpperCase(Locale.ROOT);
    }
}
