package dev.qmark.core.deadline;

import static dev.qmark.core.deadline.Calendars.BERLIN;
import static dev.qmark.core.deadline.Calendars.SEOUL;
import static dev.qmark.core.deadline.Calendars.SEOUL_OFFICE;
import static dev.qmark.core.deadline.Calendars.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Deadlines far away compute in a blink, and absurd ones fail fast instead of hanging. */
class FarDeadlineTest {

    /** Each of these takes well under half a second here; a hang would take forever. */
    private static final Duration BLINK = Duration.ofSeconds(3);

    @Test
    void ninetyDaysOfWorkingTime() {
        assertTimeoutPreemptively(BLINK, () -> {
            Instant asked = at(SEOUL, "2026-01-05T09:00");
            Duration working = Duration.ofDays(90);
            Instant due = SEOUL_OFFICE.plusWorkingTime(asked, working);
            // 2160 h at 40 h a week is 54 weeks, to Monday 2027-01-18 09:00; three of the holidays
            // fall on working days (추석's Saturday does not), which adds three days.
            assertEquals(at(SEOUL, "2027-01-20T18:00"), due);
            assertEquals(working, SEOUL_OFFICE.workingTimeBetween(asked, due));
            assertEquals(asked, SEOUL_OFFICE.minusWorkingTime(due, working));
        });
    }

    @Test
    void twoHundredYearsOfDstChangesAndHolidays() {
        Set<LocalDate> holidays = new HashSet<>();
        for (int year = 2026; year < 2226; year++) {
            holidays.add(LocalDate.of(year, 1, 1));
            holidays.add(LocalDate.of(year, 5, 1));
            holidays.add(LocalDate.of(year, 12, 25));
        }
        BusinessHoursCalendar office = new BusinessHoursCalendar(BERLIN,
                Calendars.hours("mon-fri", "09:00-12:00", "13:00-17:00"), holidays);
        assertTimeoutPreemptively(BLINK, () -> {
            Instant start = at(BERLIN, "2026-03-02T09:00");
            Duration working = Duration.ofHours(35L * 52 * 200);
            Instant due = office.plusWorkingTime(start, working);
            assertTrue(due.isAfter(at(BERLIN, "2225-01-01T00:00")), due.toString());
            assertEquals(working, office.workingTimeBetween(start, due));
            assertEquals(start, office.minusWorkingTime(due, working));
        });
    }

    @Test
    void aDeadlineBeyondAThousandYearsIsRefusedQuickly() {
        // One minute a week: a thousand hours is over a thousand years away.
        BusinessHoursCalendar scarce = Calendars.calendar(BERLIN, "sun", "12:00-12:01");
        assertTimeoutPreemptively(BLINK, () -> {
            Instant now = at(BERLIN, "2026-01-01T00:00");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> scarce.plusWorkingTime(now, Duration.ofHours(1000)));
            assertTrue(e.getMessage().contains("more than 1000 years"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> scarce.minusWorkingTime(now, Duration.ofHours(1000)));
            // Within reach it still answers: 100 hours of minutes is 6000 Sundays.
            Instant due = scarce.plusWorkingTime(now, Duration.ofHours(100));
            assertEquals(Duration.ofHours(100), scarce.workingTimeBetween(now, due));
        });
    }

    @Test
    void aLongHolidayListIsWalkedOnce() {
        // Every Monday for forty years is a holiday: the walk must still step over them quickly.
        Set<LocalDate> mondays = new HashSet<>();
        for (LocalDate d = LocalDate.parse("2026-01-05"); d.getYear() < 2066; d = d.plusWeeks(1)) {
            mondays.add(d);
        }
        BusinessHoursCalendar office = new BusinessHoursCalendar(SEOUL,
                Calendars.hours("mon-fri", "09:00-17:00"), mondays);
        assertTimeoutPreemptively(BLINK, () -> {
            Instant start = at(SEOUL, "2026-01-05T09:00");
            Duration working = Duration.ofHours(32L * 52 * 50);
            Instant due = office.plusWorkingTime(start, working);
            // Forty years of four-day weeks, then five-day weeks once the Monday holidays end.
            assertTrue(due.isAfter(at(SEOUL, "2066-01-01T00:00")), due.toString());
            assertEquals(working, office.workingTimeBetween(start, due));
            // The start is a holiday Monday: counting back lands on Tuesday's opening.
            assertEquals(at(SEOUL, "2026-01-06T09:00"), office.minusWorkingTime(due, working));
        });
    }
}
