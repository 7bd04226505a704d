package dev.qmark.core.deadline;

import static dev.qmark.core.deadline.Calendars.NEW_YORK;
import static dev.qmark.core.deadline.Calendars.SEOUL;
import static dev.qmark.core.deadline.Calendars.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class IcsHolidaysTest {

    private static final Year THROUGH_2028 = Year.of(2028);

    static String resource(String name) {
        try (InputStream in = IcsHolidaysTest.class.getResourceAsStream("/deadline/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The dates of a calendar body (the lines between BEGIN:VCALENDAR and END:VCALENDAR). */
    static Set<LocalDate> holidays(ZoneId zone, String... body) {
        return IcsHolidays.parse("BEGIN:VCALENDAR\r\n" + String.join("\r\n", body) + "\r\nEND:VCALENDAR\r\n",
                zone, THROUGH_2028);
    }

    static Set<LocalDate> dates(String spaceSeparated) {
        return Arrays.stream(spaceSeparated.trim().split("\\s+")).map(LocalDate::parse)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void koreanPublicHolidays2026And2027() {
        Set<LocalDate> holidays = IcsHolidays.parse(resource("kr-holidays-2026-2027.ics"), SEOUL, THROUGH_2028);
        assertEquals(dates("""
                2026-01-01 2026-02-16 2026-02-17 2026-02-18 2026-03-01 2026-03-02 2026-05-05 2026-05-24
                2026-05-25 2026-06-03 2026-06-06 2026-08-15 2026-08-17 2026-09-24 2026-09-25 2026-09-26
                2026-10-03 2026-10-05 2026-10-09 2026-12-25
                2027-01-01 2027-02-06 2027-02-07 2027-02-08 2027-02-09 2027-03-01 2027-05-05 2027-05-13
                2027-06-06 2027-08-15 2027-08-16 2027-09-14 2027-09-15 2027-09-16 2027-10-03 2027-10-04
                2027-10-09 2027-10-11 2027-12-25 2027-12-27
                """), holidays);
    }

    @Test
    void theKoreanFileDrivesDeadlines() {
        BusinessHoursCalendar office = new BusinessHoursCalendar(SEOUL,
                Calendars.hours("mon-fri", "09:00-12:00", "13:00-18:00"),
                IcsHolidays.parse(resource("kr-holidays-2026-2027.ics"), SEOUL, THROUGH_2028));
        // 설날 2027 runs Saturday to Tuesday (with the substitute day): Friday 17:00 + 2 h is Wednesday 10:00.
        assertEquals(at(SEOUL, "2027-02-10T10:00"),
                office.plusWorkingTime(at(SEOUL, "2027-02-05T17:00"), Duration.ofHours(2)));
        // 추석 2027 runs Tuesday to Thursday: Monday 17:00 + 2 h is Friday 10:00.
        assertEquals(at(SEOUL, "2027-09-17T10:00"),
                office.plusWorkingTime(at(SEOUL, "2027-09-13T17:00"), Duration.ofHours(2)));
        // Election day 2026 (a timed event in Asia/Seoul) is closed.
        assertFalse(office.isWorking(at(SEOUL, "2026-06-03T10:00")));
        assertTrue(office.isWorking(at(SEOUL, "2026-06-04T10:00")));
    }

    @Test
    void unitedStatesHolidaysFromYearlyRules() {
        Set<LocalDate> holidays = IcsHolidays.parse(resource("us-holidays.ics"), NEW_YORK, THROUGH_2028);
        assertEquals(dates("""
                2026-01-01 2027-01-01 2028-01-01
                2026-01-19 2027-01-18 2028-01-17
                2026-05-25 2027-05-31 2028-05-29
                2026-07-03
                2026-11-26 2027-11-25 2028-11-23
                2026-12-25 2027-12-24 2028-12-25
                """), holidays);
    }

    @Test
    void openEndedRulesStopAtTheLastYear() {
        Set<LocalDate> holidays = IcsHolidays.parse(resource("us-holidays.ics"), NEW_YORK, Year.of(2030));
        assertTrue(holidays.contains(LocalDate.parse("2030-01-01")));
        assertFalse(holidays.contains(LocalDate.parse("2031-01-01")));
        // Thanksgiving has COUNT=3 and Christmas UNTIL 2028, whatever the last year.
        assertFalse(holidays.contains(LocalDate.parse("2029-11-22")));
        assertFalse(holidays.contains(LocalDate.parse("2029-12-25")));
        // The default expands ten years past the current one.
        Set<LocalDate> byDefault = IcsHolidays.parse(resource("us-holidays.ics"), NEW_YORK);
        int lastYear = Year.now(NEW_YORK).getValue() + IcsHolidays.EXPAND_YEARS;
        assertTrue(byDefault.contains(LocalDate.of(lastYear, 1, 1)));
        assertFalse(byDefault.contains(LocalDate.of(lastYear + 1, 1, 1)));
    }

    @Test
    void allDayEventsWithAndWithoutEnd() {
        assertEquals(dates("2026-12-25"), holidays(SEOUL,
                "BEGIN:VEVENT", "DTSTART;VALUE=DATE:20261225", "END:VEVENT"));
        assertEquals(dates("2026-12-25"), holidays(SEOUL,
                "BEGIN:VEVENT", "DTSTART;VALUE=DATE:20261225", "DTEND;VALUE=DATE:20261225", "END:VEVENT"));
        assertEquals(dates("2026-12-24 2026-12-25 2026-12-26"), holidays(SEOUL,
                "BEGIN:VEVENT", "DTSTART;VALUE=DATE:20261224", "DURATION:P3D", "END:VEVENT"));
        // VALUE=DATE left out, as some programs do; a span across the new year.
        assertEquals(dates("2026-12-31 2027-01-01"), holidays(SEOUL,
                "BEGIN:VEVENT", "DTSTART:20261231", "DTEND:20270102", "END:VEVENT"));
        assertEquals(dates("2026-12-21 2026-12-22 2026-12-23 2026-12-24 2026-12-25 2026-12-26 2026-12-27"),
                holidays(SEOUL, "BEGIN:VEVENT", "DTSTART;VALUE=DATE:20261221", "DURATION:P1W", "END:VEVENT"));
    }

    @Test
    void timedEventsCloseTheDatesTheyTouchInTheCalendarsZone() {
        String[] offsite = {"BEGIN:VEVENT", "DTSTART:20260915T150000Z", "DTEND:20260916T030000Z", "END:VEVENT"};
        // 11:00 to 23:00 in New York; 00:00 to 12:00 the next day in Seoul.
        assertEquals(dates("2026-09-15"), holidays(NEW_YORK, offsite));
        assertEquals(dates("2026-09-16"), holidays(SEOUL, offsite));
        // An honoured TZID: midnight to midnight in Seoul is one day in Seoul, two in New York.
        String[] seoulDay = {"BEGIN:VEVENT", "DTSTART;TZID=Asia/Seoul:20261009T000000",
                "DTEND;TZID=Asia/Seoul:20261010T000000", "END:VEVENT"};
        assertEquals(dates("2026-10-09"), holidays(SEOUL, seoulDay));
        assertEquals(dates("2026-10-08 2026-10-09"), holidays(NEW_YORK, seoulDay));
        // An unknown TZID and a floating time are read in the calendar's zone.
        assertEquals(dates("2026-10-09"), holidays(NEW_YORK, "BEGIN:VEVENT",
                "DTSTART;TZID=Korea Standard Time:20261009T000000",
                "DTEND;TZID=Korea Standard Time:20261010T000000", "END:VEVENT"));
        assertEquals(dates("2026-10-09"), holidays(NEW_YORK, "BEGIN:VEVENT", "DTSTART:20261009T090000",
                "DURATION:PT8H", "END:VEVENT"));
        // No end: the start's date.
        assertEquals(dates("2026-10-09"), holidays(SEOUL, "BEGIN:VEVENT", "DTSTART:20261009T090000", "END:VEVENT"));
    }

    @Test
    void foldedLinesAreUnfolded() {
        assertEquals(dates("2026-12-25"), holidays(SEOUL, "BEGIN:VEVENT", "DTSTART;VALUE=DA", " TE:2026122",
                "\t5", "SUMMARY:Christmas, folded", "  twice", "END:VEVENT"));
        // Bare LF line ends, as hand-edited files have.
        assertEquals(dates("2026-12-25"), IcsHolidays.parse(
                "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:2026\n 1225\nEND:VEVENT\nEND:VCALENDAR\n",
                SEOUL, THROUGH_2028));
        // A byte-order mark and a blank line at the end.
        assertEquals(dates("2026-12-25"), IcsHolidays.parse(
                "\uFEFFBEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20261225\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n\r\n",
                SEOUL, THROUGH_2028));
    }

    @Test
    void yearlyRules() {
        assertEquals(dates("2026-01-01 2027-01-01 2028-01-01"), holidays(SEOUL,
                "BEGIN:VEVENT", "DTSTART;VALUE=DATE:20260101", "RRULE:FREQ=YEARLY", "END:VEVENT"));
        assertEquals(dates("2026-01-01 2027-01-01"), holidays(SEOUL,
                "BEGIN:VEVENT", "DTSTART;VALUE=DATE:20260101", "RRULE:FREQ=YEARLY;COUNT=2", "END:VEVENT"));
        assertEquals(dates("2026-01-01 2027-01-01"), holidays(SEOUL,
                "BEGIN:VEVENT", "DTSTART;VALUE=DATE:20260101", "RRULE:FREQ=YEARLY;UNTIL=20270101", "END:VEVENT"));
        // Every four years (an inauguration day), from a start long ago.
        assertEquals(dates("1993-01-20 1997-01-20 2001-01-20 2005-01-20 2009-01-20 2013-01-20 2017-01-20 "
                        + "2021-01-20 2025-01-20"), holidays(NEW_YORK, "BEGIN:VEVENT", "DTSTART;VALUE=DATE:19930120",
                "RRULE:FREQ=YEARLY;INTERVAL=4", "END:VEVENT"));
        // 29 February only in leap years.
        assertEquals(dates("2024-02-29 2028-02-29"), holidays(SEOUL,
                "BEGIN:VEVENT", "DTSTART;VALUE=DATE:20240229", "RRULE:FREQ=YEARLY", "END:VEVENT"));
        // The last day of each quarter's month, from BYMONTHDAY=-1.
        assertEquals(dates("2028-03-31 2028-06-30 2028-09-30 2028-12-31"), holidays(SEOUL,
                "BEGIN:VEVENT", "DTSTART;VALUE=DATE:20280331", "RRULE:FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1",
                "END:VEVENT"));
        // A multi-day event repeats whole: a three-day break each Christmas, with 2027's dropped.
        assertEquals(dates("2026-12-24 2026-12-25 2026-12-26 2028-12-24 2028-12-25 2028-12-26"), holidays(SEOUL,
                "BEGIN:VEVENT", "DTSTART;VALUE=DATE:20261224", "DTEND;VALUE=DATE:20261227", "RRULE:FREQ=YEARLY",
                "EXDATE;VALUE=DATE:20271224", "END:VEVENT"));
        // A timed rule ends at its UNTIL instant: the 2028 occurrence starts after it.
        assertEquals(dates("2026-07-04 2027-07-04"), holidays(NEW_YORK, "BEGIN:VEVENT",
                "DTSTART;TZID=America/New_York:20260704T090000", "RRULE:FREQ=YEARLY;UNTIL=20280704T120000Z",
                "END:VEVENT"));
        // The first Friday of the year (BYDAY with no BYMONTH counts in the year).
        assertEquals(dates("2026-01-02 2027-01-01 2028-01-07"), holidays(SEOUL, "BEGIN:VEVENT",
                "DTSTART;VALUE=DATE:20260102", "RRULE:FREQ=YEARLY;BYDAY=1FR", "END:VEVENT"));
    }

    @Test
    void whatIsNotAnEventIsIgnored() {
        assertEquals(dates("2026-12-25"), holidays(SEOUL,
                "VERSION:2.0", "X-WR-CALNAME:Holidays",
                "BEGIN:VTIMEZONE", "TZID:Asia/Seoul", "BEGIN:STANDARD", "DTSTART:19700101T000000",
                "TZOFFSETFROM:+0900", "TZOFFSETTO:+0900", "END:STANDARD", "END:VTIMEZONE",
                "BEGIN:VTODO", "DTSTART;VALUE=DATE:20260101", "END:VTODO",
                "BEGIN:VEVENT", "DTSTART;VALUE=DATE:20261225", "X-MICROSOFT-CDO-ALLDAYEVENT:TRUE",
                "ATTENDEE;CN=\"Kim; Lee\";ROLE=REQ-PARTICIPANT:mailto:kim@example.com",
                "BEGIN:VALARM", "TRIGGER:-P1D", "DTSTART:20260101T000000", "ACTION:DISPLAY", "END:VALARM",
                "END:VEVENT",
                "BEGIN:VEVENT", "DTSTART;VALUE=DATE:20261226", "STATUS:CANCELLED", "END:VEVENT"));
    }

    @Test
    void anEmptyCalendarHasNoHolidays() {
        assertEquals(Set.of(), holidays(SEOUL, "VERSION:2.0"));
        assertEquals(List.of(), List.copyOf(IcsHolidays.parse("BEGIN:VCALENDAR\r\nEND:VCALENDAR", SEOUL)));
    }
}
