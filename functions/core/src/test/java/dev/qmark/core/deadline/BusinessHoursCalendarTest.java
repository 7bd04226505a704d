package dev.qmark.core.deadline;

import static dev.qmark.core.deadline.Calendars.SEOUL;
import static dev.qmark.core.deadline.Calendars.SEOUL_OFFICE;
import static dev.qmark.core.deadline.Calendars.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A Seoul office, Monday to Friday 09:00-18:00 with lunch 12:00-13:00, Christmas and 추석 off. */
class BusinessHoursCalendarTest {

    @ParameterizedTest(name = "{0} + {1} = {2}")
    @CsvSource(textBlock = """
            # asked (Seoul),     answer within, due (Seoul)
            # Friday 17:30: 30 min Friday, 3 h Monday morning, 30 min after lunch.
            2026-11-20T17:30,    PT4H,          2026-11-23T13:30
            # Saturday midnight: the clock starts Monday 09:00; 3 h to lunch, 1 h after.
            2026-11-21T00:00,    PT4H,          2026-11-23T14:00
            # Sunday evening, same.
            2026-11-22T23:59,    PT4H,          2026-11-23T14:00
            # Inside working hours, before lunch: lunch is skipped.
            2026-11-23T11:00,    PT2H,          2026-11-23T14:00
            # Asked during lunch: counts from 13:00.
            2026-11-23T12:10,    PT1H,          2026-11-23T14:00
            # Ends exactly at close of business: due 18:00 that day, not Monday morning.
            2026-11-20T14:00,    PT4H,          2026-11-20T18:00
            # Ends exactly at lunch: due 12:00.
            2026-11-23T09:00,    PT3H,          2026-11-23T12:00
            # Asked after close: next morning.
            2026-11-23T19:00,    PT30M,         2026-11-24T09:30
            # One full week of working time (5 x 8 h) from Monday 09:00: Friday 18:00.
            2026-11-23T09:00,    PT40H,         2026-11-27T18:00
            # PT24H is three working days, not one calendar day.
            2026-11-23T09:00,    PT24H,         2026-11-25T18:00
            # Christmas (Friday) skipped: 1 h Thursday, 1 h Monday.
            2026-12-24T17:00,    PT2H,          2026-12-28T10:00
            # 추석 Thursday to Saturday skipped: 2 h Wednesday, 2 h Monday.
            2026-09-23T16:00,    PT4H,          2026-09-28T11:00
            # Asked on 추석 itself: counts from Monday.
            2026-09-25T10:00,    PT1H,          2026-09-28T10:00
            """)
    void deadlines(String asked, Duration within, String due) {
        Instant askedAt = at(SEOUL, asked);
        Instant dueAt = at(SEOUL, due);
        assertEquals(dueAt, SEOUL_OFFICE.plusWorkingTime(askedAt, within));
        assertEquals(within, SEOUL_OFFICE.workingTimeBetween(askedAt, dueAt));
        assertEquals(SEOUL_OFFICE.nextWorkingMoment(askedAt), SEOUL_OFFICE.minusWorkingTime(dueAt, within));
    }

    @ParameterizedTest(name = "{1} before {0} = {2}")
    @CsvSource(textBlock = """
            # end (Seoul),       working, start (Seoul)
            # Monday 13:30 less 1 h: 30 min after lunch, 30 min before it.
            2026-11-23T13:30,    PT1H,    2026-11-23T11:30
            # Monday 09:30 less 1 h: back into Friday afternoon.
            2026-11-23T09:30,    PT1H,    2026-11-20T17:30
            # Exactly a stretch: the stretch's first moment, not the evening before.
            2026-11-23T10:00,    PT1H,    2026-11-23T09:00
            2026-11-23T14:00,    PT1H,    2026-11-23T13:00
            # From a closed time: counts back from the last close.
            2026-11-22T10:00,    PT1H,    2026-11-20T17:00
            # Across Christmas.
            2026-12-28T10:00,    PT2H,    2026-12-24T17:00
            """)
    void workingTimeBefore(String end, Duration working, String start) {
        assertEquals(at(SEOUL, start), SEOUL_OFFICE.minusWorkingTime(at(SEOUL, end), working));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(textBlock = """
            2026-11-23T08:59:59, false
            2026-11-23T09:00,    true
            2026-11-23T11:59:59, true
            2026-11-23T12:00,    false
            2026-11-23T12:59,    false
            2026-11-23T13:00,    true
            2026-11-23T17:59:59, true
            2026-11-23T18:00,    false
            2026-11-21T10:00,    false
            2026-11-22T10:00,    false
            2026-12-25T10:00,    false
            2026-09-24T10:00,    false
            """)
    void isWorking(String local, boolean working) {
        assertEquals(working, SEOUL_OFFICE.isWorking(at(SEOUL, local)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(textBlock = """
            2026-11-23T10:00, 2026-11-23T10:00
            2026-11-23T12:30, 2026-11-23T13:00
            2026-11-23T18:00, 2026-11-24T09:00
            2026-11-20T18:00, 2026-11-23T09:00
            2026-11-21T00:00, 2026-11-23T09:00
            2026-12-24T18:00, 2026-12-28T09:00
            2026-09-23T20:00, 2026-09-28T09:00
            """)
    void nextWorkingMoment(String local, String next) {
        assertEquals(at(SEOUL, next), SEOUL_OFFICE.nextWorkingMoment(at(SEOUL, local)));
    }

    @Test
    void workingTimeBetweenCountsOnlyOfficeHours() {
        assertEquals(Duration.ofHours(40),
                SEOUL_OFFICE.workingTimeBetween(at(SEOUL, "2026-11-23T00:00"), at(SEOUL, "2026-11-30T00:00")));
        // Christmas week: four days.
        assertEquals(Duration.ofHours(32),
                SEOUL_OFFICE.workingTimeBetween(at(SEOUL, "2026-12-21T00:00"), at(SEOUL, "2026-12-28T00:00")));
        assertEquals(Duration.ZERO,
                SEOUL_OFFICE.workingTimeBetween(at(SEOUL, "2026-11-21T00:00"), at(SEOUL, "2026-11-23T09:00")));
        assertEquals(Duration.ofMinutes(30),
                SEOUL_OFFICE.workingTimeBetween(at(SEOUL, "2026-11-23T11:30"), at(SEOUL, "2026-11-23T13:00")));
    }

    @Test
    void workingTimeBetweenIsNegativeWhenOverdue() {
        Instant due = at(SEOUL, "2026-11-20T17:00");
        Instant now = at(SEOUL, "2026-11-23T10:00");
        assertEquals(Duration.ofHours(-2), SEOUL_OFFICE.workingTimeBetween(now, due));
        assertEquals(Duration.ZERO, SEOUL_OFFICE.workingTimeBetween(now, now));
    }

    @Test
    void zeroWorkingTimeLeavesTheInstantAlone() {
        Instant saturday = at(SEOUL, "2026-11-21T03:00");
        assertEquals(saturday, SEOUL_OFFICE.plusWorkingTime(saturday, Duration.ZERO));
        assertEquals(saturday, SEOUL_OFFICE.minusWorkingTime(saturday, Duration.ZERO));
    }

    @Test
    void negativeWorkingTimeIsRefused() {
        Instant monday = at(SEOUL, "2026-11-23T10:00");
        assertThrows(IllegalArgumentException.class, () -> SEOUL_OFFICE.plusWorkingTime(monday, Duration.ofHours(-1)));
        assertThrows(IllegalArgumentException.class, () -> SEOUL_OFFICE.minusWorkingTime(monday, Duration.ofHours(-1)));
    }

    @Test
    void touchingRangesActAsOne() {
        BusinessHoursCalendar touching = Calendars.calendar(SEOUL, "mon-fri", "13:00-18:00", "09:00-13:00");
        assertEquals(at(SEOUL, "2026-11-23T15:00"),
                touching.plusWorkingTime(at(SEOUL, "2026-11-23T11:00"), Duration.ofHours(4)));
        assertTrue(touching.isWorking(at(SEOUL, "2026-11-23T13:00")));
    }

    @Test
    void nightShiftAcrossMidnightIsTwoRanges() {
        BusinessHoursCalendar nights = new BusinessHoursCalendar(SEOUL, WorkingHoursSpec.parse(Map.of(
                "everyday", List.of("00:00-06:00", "22:00-24:00"))), Set.of());
        assertEquals(at(SEOUL, "2026-11-24T02:00"),
                nights.plusWorkingTime(at(SEOUL, "2026-11-23T21:00"), Duration.ofHours(4)));
        assertEquals(Duration.ofHours(8),
                nights.workingTimeBetween(at(SEOUL, "2026-11-23T12:00"), at(SEOUL, "2026-11-24T12:00")));
        assertTrue(nights.isWorking(at(SEOUL, "2026-11-23T23:59:59.999")));
        assertTrue(nights.isWorking(at(SEOUL, "2026-11-24T00:00")));
        assertFalse(nights.isWorking(at(SEOUL, "2026-11-24T06:00")));
    }

    @Test
    void aCalendarWithNoWorkingTimeIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BusinessHoursCalendar(SEOUL, Map.of(), Set.of()));
        assertTrue(e.getMessage().contains("no working time"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new BusinessHoursCalendar(SEOUL,
                Map.of(DayOfWeek.MONDAY, List.of()), Set.of()));
    }

    @Test
    void overlappingRangesAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BusinessHoursCalendar(SEOUL, Map.of(DayOfWeek.TUESDAY, List.of(
                        new TimeRange(LocalTime.of(9, 0), LocalTime.of(13, 0)),
                        new TimeRange(LocalTime.of(12, 0), LocalTime.of(18, 0)))), Set.of()));
        assertEquals("working hours of tuesday: 09:00-13:00 and 12:00-18:00 overlap", e.getMessage());
    }

    @Test
    void holidaysCanCloseEverythingForAWhile() {
        // Closed for a whole year of holidays: the deadline waits for the first open day after.
        Set<java.time.LocalDate> year = new java.util.HashSet<>();
        for (var d = java.time.LocalDate.parse("2026-01-01"); d.getYear() == 2026; d = d.plusDays(1)) {
            year.add(d);
        }
        BusinessHoursCalendar closed = new BusinessHoursCalendar(SEOUL,
                Calendars.hours("mon-fri", "09:00-18:00"), year);
        assertEquals(at(SEOUL, "2027-01-01T10:00"),
                closed.plusWorkingTime(at(SEOUL, "2026-01-05T10:00"), Duration.ofHours(1)));
        assertEquals(at(SEOUL, "2025-12-31T17:00"),
                closed.minusWorkingTime(at(SEOUL, "2027-01-01T09:00"), Duration.ofHours(1)));
    }

    @Test
    void exposesWhatItWasBuiltFrom() {
        assertEquals(SEOUL, SEOUL_OFFICE.zone());
        assertEquals(Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY), SEOUL_OFFICE.hours().keySet());
        assertEquals(4, SEOUL_OFFICE.holidays().size());
    }
}
