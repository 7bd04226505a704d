package dev.qmark.core.deadline;

import static dev.qmark.core.deadline.Calendars.BERLIN;
import static dev.qmark.core.deadline.Calendars.SEOUL;
import static dev.qmark.core.deadline.Calendars.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** No calendar set: every moment counts, and the same message gets a different deadline than in office hours. */
class WallClockCalendarTest {

    @Test
    void plainInstantArithmetic() {
        WallClockCalendar clock = new WallClockCalendar(SEOUL);
        Instant friday = at(SEOUL, "2026-11-20T17:30");
        assertEquals(at(SEOUL, "2026-11-20T21:30"), clock.plusWorkingTime(friday, Duration.ofHours(4)));
        assertEquals(at(SEOUL, "2026-11-20T13:30"), clock.minusWorkingTime(friday, Duration.ofHours(4)));
        assertEquals(Duration.ofHours(64), clock.workingTimeBetween(friday, at(SEOUL, "2026-11-23T09:30")));
        assertEquals(Duration.ofHours(-1), clock.workingTimeBetween(friday, friday.minusSeconds(3600)));
        assertTrue(clock.isWorking(at(SEOUL, "2026-11-22T03:00")));
        assertEquals(friday, clock.nextWorkingMoment(friday));
        assertEquals(SEOUL, clock.zone());
        assertEquals(ZoneOffset.UTC, WallClockCalendar.UTC.zone());
    }

    @Test
    void theDstNightIsJustTime() {
        // 24 h after Saturday noon in Berlin is Sunday 13:00 on the clock, as in the 24 h business calendar.
        Instant saturday = at(BERLIN, "2026-03-28T12:00");
        assertEquals(at(BERLIN, "2026-03-29T13:00"), WallClockCalendar.UTC.plusWorkingTime(saturday, Duration.ofHours(24)));
    }

    @Test
    void wallClockAndBusinessHoursDisagreeAboutTheWeekend() {
        Instant friday = at(SEOUL, "2026-11-20T17:30");
        Instant wall = new WallClockCalendar(SEOUL).plusWorkingTime(friday, Duration.ofHours(4));
        Instant office = Calendars.SEOUL_OFFICE.plusWorkingTime(friday, Duration.ofHours(4));
        assertNotEquals(wall, office);
        assertEquals(at(SEOUL, "2026-11-23T13:30"), office);
    }

    @Test
    void negativeWorkingTimeIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> WallClockCalendar.UTC.plusWorkingTime(Instant.EPOCH, Duration.ofMinutes(-1)));
        assertThrows(IllegalArgumentException.class,
                () -> WallClockCalendar.UTC.minusWorkingTime(Instant.EPOCH, Duration.ofMinutes(-1)));
        assertThrows(NullPointerException.class, () -> new WallClockCalendar(null));
    }
}
