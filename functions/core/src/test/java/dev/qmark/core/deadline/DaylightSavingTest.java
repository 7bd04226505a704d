package dev.qmark.core.deadline;

import static dev.qmark.core.deadline.Calendars.BERLIN;
import static dev.qmark.core.deadline.Calendars.NEW_YORK;
import static dev.qmark.core.deadline.Calendars.at;
import static dev.qmark.core.deadline.Calendars.calendar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * DST changes: Europe/Berlin goes forward 2026-03-29 02:00 -> 03:00 and back 2026-10-25 03:00 -> 02:00;
 * America/New_York forward 2026-03-08 02:00 -> 03:00 and back 2026-11-01 02:00 -> 01:00.
 * A range always counts the real time that passes in it.
 */
class DaylightSavingTest {

    /** The working time of one local date, midnight to midnight. */
    private static Duration workingTimeOn(BusinessHoursCalendar calendar, String date) {
        ZoneId zone = calendar.zone();
        LocalDate day = LocalDate.parse(date);
        return calendar.workingTimeBetween(day.atStartOfDay(zone).toInstant(),
                day.plusDays(1).atStartOfDay(zone).toInstant());
    }

    @ParameterizedTest(name = "{0} {1} {2} on {3} = {4}")
    @CsvSource(textBlock = """
            # zone,           days,     range,       date,       working time
            # A whole day is as long as the day really is.
            Europe/Berlin,    everyday, 00:00-24:00, 2026-03-28, PT24H
            Europe/Berlin,    everyday, 00:00-24:00, 2026-03-29, PT23H
            Europe/Berlin,    everyday, 00:00-24:00, 2026-10-25, PT25H
            America/New_York, everyday, 00:00-24:00, 2026-03-08, PT23H
            America/New_York, everyday, 00:00-24:00, 2026-11-01, PT25H
            # A Sunday-only 24h calendar: the same on the days of change.
            Europe/Berlin,    sun,      00:00-24:00, 2026-03-29, PT23H
            Europe/Berlin,    sun,      00:00-24:00, 2026-10-25, PT25H
            # A night range around the change: 01:00-02:00 and 03:00-04:00 in spring; in autumn the hour 02-03 runs twice.
            Europe/Berlin,    everyday, 01:00-04:00, 2026-03-28, PT3H
            Europe/Berlin,    everyday, 01:00-04:00, 2026-03-29, PT2H
            Europe/Berlin,    everyday, 01:00-04:00, 2026-10-25, PT4H
            America/New_York, everyday, 00:00-03:00, 2026-03-08, PT2H
            America/New_York, everyday, 00:00-03:00, 2026-11-01, PT4H
            # A range that ends in the spring gap stops at the jump; one that starts in it starts at 03:00.
            Europe/Berlin,    everyday, 01:00-02:30, 2026-03-29, PT1H
            Europe/Berlin,    everyday, 02:30-05:00, 2026-03-29, PT2H
            # A range wholly inside the gap never happens.
            Europe/Berlin,    everyday, 02:00-03:00, 2026-03-29, PT0S
            # A range wholly inside the repeated hour happens twice.
            Europe/Berlin,    everyday, 02:00-02:45, 2026-10-25, PT1H30M
            America/New_York, everyday, 01:00-01:30, 2026-11-01, PT1H
            # Office hours far from the change are untouched by it.
            Europe/Berlin,    everyday, 09:00-17:00, 2026-03-29, PT8H
            Europe/Berlin,    everyday, 09:00-17:00, 2026-10-25, PT8H
            America/New_York, everyday, 09:00-17:00, 2026-11-01, PT8H
            """)
    void aRangeCountsTheRealTimeInIt(ZoneId zone, String days, String range, String date, Duration expected) {
        assertEquals(expected, workingTimeOn(calendar(zone, days, range), date));
    }

    @Test
    void officeHoursAcrossTheSpringChange() {
        BusinessHoursCalendar office = calendar(BERLIN, "mon-fri", "09:00-17:00");
        Instant friday = at(BERLIN, "2026-03-27T16:00");
        Instant due = office.plusWorkingTime(friday, Duration.ofHours(2));
        assertEquals(at(BERLIN, "2026-03-30T10:00"), due);
        // 65 hours of real time, not 66: the weekend lost an hour but working time did not.
        assertEquals(Duration.ofHours(65), Duration.between(friday, due));
        assertEquals(friday, office.minusWorkingTime(due, Duration.ofHours(2)));
    }

    @Test
    void officeHoursAcrossTheAutumnChange() {
        BusinessHoursCalendar office = calendar(NEW_YORK, "mon-fri", "09:00-17:00");
        Instant friday = at(NEW_YORK, "2026-10-30T16:00");
        Instant due = office.plusWorkingTime(friday, Duration.ofHours(2));
        assertEquals(at(NEW_YORK, "2026-11-02T10:00"), due);
        assertEquals(Duration.ofHours(67), Duration.between(friday, due));
    }

    @Test
    void aTwentyFourHourCalendarIsTheWallClock() {
        BusinessHoursCalendar always = calendar(BERLIN, "everyday", "00:00-24:00");
        Instant saturdayNoon = at(BERLIN, "2026-03-28T12:00");
        // 24 hours of real time later the clock reads 13:00.
        assertEquals(at(BERLIN, "2026-03-29T13:00"), always.plusWorkingTime(saturdayNoon, Duration.ofHours(24)));
        Instant autumn = at(NEW_YORK, "2026-10-31T12:00");
        assertEquals(at(NEW_YORK, "2026-11-01T11:00"),
                calendar(NEW_YORK, "everyday", "00:00-24:00").plusWorkingTime(autumn, Duration.ofHours(24)));
    }

    @Test
    void aSundayOnlyCalendarOnTheShortSunday() {
        BusinessHoursCalendar sundays = calendar(BERLIN, "sun", "00:00-24:00");
        Instant saturday = at(BERLIN, "2026-03-28T10:00");
        // That Sunday has 23 hours: they end at midnight, and the 24th hour is next Sunday's first.
        assertEquals(at(BERLIN, "2026-03-30T00:00"), sundays.plusWorkingTime(saturday, Duration.ofHours(23)));
        assertEquals(at(BERLIN, "2026-04-05T01:00"), sundays.plusWorkingTime(saturday, Duration.ofHours(24)));
        assertEquals(at(BERLIN, "2026-03-29T00:00"), sundays.minusWorkingTime(
                at(BERLIN, "2026-03-30T00:00"), Duration.ofHours(23)));
    }

    @Test
    void theRepeatedHourIsWorkedTwice() {
        BusinessHoursCalendar twice = calendar(BERLIN, "everyday", "02:00-02:45");
        Instant firstPass = at("2026-10-25T02:00+02:00");
        Instant secondPass = at("2026-10-25T02:00+01:00");
        assertTrue(twice.isWorking(at("2026-10-25T02:30+02:00")));
        assertFalse(twice.isWorking(at("2026-10-25T02:50+02:00")));
        assertTrue(twice.isWorking(at("2026-10-25T02:10+01:00")));
        assertFalse(twice.isWorking(at("2026-10-25T02:50+01:00")));
        Instant due = twice.plusWorkingTime(firstPass, Duration.ofHours(1));
        assertEquals(at("2026-10-25T02:15+01:00"), due);
        assertEquals(firstPass, twice.minusWorkingTime(due, Duration.ofHours(1)));
        assertEquals(secondPass, twice.nextWorkingMoment(at("2026-10-25T02:45+02:00")));
    }

    @Test
    void aRangeInTheGapStartsWhenTheClockJumps() {
        BusinessHoursCalendar early = calendar(BERLIN, "sun", "02:30-05:00");
        Instant saturday = at(BERLIN, "2026-03-28T12:00");
        assertEquals(at(BERLIN, "2026-03-29T03:00"), early.nextWorkingMoment(saturday));
        assertFalse(early.isWorking(at("2026-03-29T01:59:59+01:00")));
        assertTrue(early.isWorking(at("2026-03-29T03:00+02:00")));
    }

    @Test
    void aChangeAtMidnightSplitsTheDayRightThere() {
        // Chile goes back from Sunday 00:00 to Saturday 23:00, so Saturday's last hour runs twice.
        ZoneId santiago = ZoneId.of("America/Santiago");
        BusinessHoursCalendar edges = new BusinessHoursCalendar(santiago, WorkingHoursSpec.parse(java.util.Map.of(
                "everyday", java.util.List.of("00:00-01:00", "23:00-24:00"))), java.util.Set.of());
        ZonedDateTime change = ZonedDateTime.ofInstant(
                santiago.getRules().nextTransition(at(santiago, "2026-03-01T00:00")).getInstant(), santiago);
        assertEquals(LocalDate.parse("2026-04-04"), change.toLocalDate());
        assertEquals(Duration.ofHours(3), edges.workingTimeBetween(
                at(santiago, "2026-04-04T22:00"), at(santiago, "2026-04-05T02:00")));
        assertEquals(Duration.ofHours(25), workingTimeOn(calendar(santiago, "sat", "00:00-24:00"), "2026-04-04"));
        // ...and forward from Sunday 00:00 to 01:00 in September: that Sunday starts at 01:00.
        assertEquals(Duration.ofHours(23), workingTimeOn(calendar(santiago, "sun", "00:00-24:00"), "2026-09-06"));
        assertEquals(Duration.ZERO, workingTimeOn(calendar(santiago, "sun", "00:00-01:00"), "2026-09-06"));
    }

    @Test
    void aDayThatNeverHappenedHasNoWorkingTime() {
        // Samoa skipped Friday 2011-12-30 to move across the date line.
        ZoneId apia = ZoneId.of("Pacific/Apia");
        BusinessHoursCalendar fridays = calendar(apia, "fri", "09:00-17:00");
        Instant thursday = at(apia, "2011-12-29T12:00");
        assertEquals(at(apia, "2012-01-06T10:00"), fridays.plusWorkingTime(thursday, Duration.ofHours(1)));
        BusinessHoursCalendar always = calendar(apia, "everyday", "00:00-24:00");
        Instant saturday = at(apia, "2011-12-31T00:00");
        assertEquals(Duration.between(thursday, saturday), always.workingTimeBetween(thursday, saturday));
        assertEquals(Duration.ofHours(12), Duration.between(thursday, saturday));
    }
}
