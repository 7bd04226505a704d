package dev.qmark.core.deadline;

import static dev.qmark.core.deadline.Calendars.SEOUL;
import static dev.qmark.core.deadline.Calendars.SEOUL_OFFICE;
import static dev.qmark.core.deadline.Calendars.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reminders in the Seoul office (Mon-Fri 09-18, lunch 12-13, Christmas and 추석 off) unless said otherwise. */
class ReminderPlanTest {

    @ParameterizedTest(name = "{0} + {1}, rules {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # asked (Seoul)  | within | rules              | reminders (Seoul), earliest first
            # Defaults: half-way (2 h in) and 1 h before the 14:00 deadline.
            2026-11-23T09:00 | PT4H   | 50% PT1H           | 2026-11-23T11:00 2026-11-23T13:00
            # Friday 17:30, due Monday 13:30: half-way is Monday 10:30; 1 h before skips lunch to 11:30.
            2026-11-20T17:30 | PT4H   | 50% PT1H           | 2026-11-23T10:30 2026-11-23T11:30
            # Half-way falls exactly at Friday's close: it goes out Monday morning, not at 18:00.
            2026-11-20T16:00 | PT4H   | 50% PT1H           | 2026-11-23T09:00 2026-11-23T10:00
            # PT30M: an hour before is before the item came in, so only half-way survives.
            2026-11-23T10:00 | PT30M  | 50% PT1H           | 2026-11-23T10:15
            # PT2H: half-way and 1 h before are the same moment, sent once.
            2026-11-23T09:00 | PT2H   | 50% PT1H           | 2026-11-23T10:00
            # PT1H: 1 h before is the moment of asking itself: dropped.
            2026-11-23T09:00 | PT1H   | 50% PT1H           | 2026-11-23T09:30
            # Asked on Saturday: 1 h before is Monday 09:00, when the clock has not run yet: dropped too.
            2026-11-21T10:00 | PT1H   | 50% PT1H           | 2026-11-23T09:30
            # 50% and 51% of an hour are 36 s apart: one reminder.
            2026-11-23T09:00 | PT1H   | 50% 51%            | 2026-11-23T09:30
            # Rules in any order; shares and leads that meet are merged; 75% ends at lunch, so 13:00.
            2026-11-23T09:00 | PT4H   | PT3H 75% 25% PT1H  | 2026-11-23T10:00 2026-11-23T13:00
            # 추석: asked Wednesday 17:00, due Monday 12:00.
            2026-09-23T17:00 | PT4H   | 50% PT1H           | 2026-09-28T10:00 2026-09-28T11:00
            # A lead longer than the answer time: nothing from it.
            2026-11-23T09:00 | PT4H   | P1D                | ''
            """)
    void seoulOffice(String asked, Duration within, String rules, String expected) {
        Instant askedAt = at(SEOUL, asked);
        Instant dueAt = SEOUL_OFFICE.plusWorkingTime(askedAt, within);
        List<ReminderRule> parsed = Arrays.stream(rules.split(" ")).map(ReminderRule::parse).toList();
        List<Instant> reminders = ReminderPlan.times(askedAt, dueAt, parsed, SEOUL_OFFICE);
        List<Instant> want = expected.isEmpty() ? List.of()
                : Arrays.stream(expected.split(" ")).map(t -> at(SEOUL, t)).toList();
        assertEquals(want, reminders);
    }

    @Test
    void theWallClockRemindsAtNightIfThatIsWhenTimeRunsOut() {
        Instant asked = at(SEOUL, "2026-11-20T23:00");
        WallClockCalendar clock = new WallClockCalendar(SEOUL);
        Instant due = clock.plusWorkingTime(asked, Duration.ofHours(4));
        assertEquals(List.of(at(SEOUL, "2026-11-21T01:00"), at(SEOUL, "2026-11-21T02:00")),
                ReminderPlan.times(asked, due, clock));
    }

    @Test
    void nothingToRemindOfWhenTheItemIsAlreadyDue() {
        Instant now = at(SEOUL, "2026-11-23T10:00");
        assertEquals(List.of(), ReminderPlan.times(now, now, SEOUL_OFFICE));
        assertEquals(List.of(), ReminderPlan.times(now, now.minusSeconds(60), SEOUL_OFFICE));
        assertEquals(List.of(), ReminderPlan.times(now, now.plusSeconds(60), List.of(), SEOUL_OFFICE));
    }

    @Test
    void theSamePlanEveryTimeItIsComputed() {
        Instant asked = at(SEOUL, "2026-11-20T17:30");
        Instant due = SEOUL_OFFICE.plusWorkingTime(asked, Duration.ofHours(4));
        assertEquals(ReminderPlan.times(asked, due, SEOUL_OFFICE), ReminderPlan.times(asked, due, SEOUL_OFFICE));
    }

    /** The promises of the plan, over many random items, rule sets and calendars. */
    @Test
    void remindersAreAlwaysWorkingMomentsBetweenAskingAndDeadline() {
        Random random = new Random(7);
        List<DeadlineCalendar> calendars = List.of(SEOUL_OFFICE, new WallClockCalendar(SEOUL),
                Calendars.calendar(Calendars.BERLIN, "mon-fri", "08:00-12:00", "12:30-16:30"),
                Calendars.calendar(Calendars.NEW_YORK, "sun", "01:00-03:00", "20:00-24:00"));
        String[] pool = {"50%", "PT1H", "10%", "90%", "99%", "1%", "PT5M", "PT4H", "P1D", "PT30M", "33%", "PT1M"};
        Instant from = at(SEOUL, "2026-01-01T00:00");
        for (int i = 0; i < 3000; i++) {
            DeadlineCalendar calendar = calendars.get(random.nextInt(calendars.size()));
            Instant asked = from.plusSeconds(random.nextInt(730 * 24 * 3600));
            Duration within = Duration.ofMinutes(1 + random.nextInt(3 * 24 * 60));
            Instant due = calendar.plusWorkingTime(asked, within);
            List<ReminderRule> rules = Stream.generate(() -> pool[random.nextInt(pool.length)])
                    .limit(random.nextInt(5)).map(ReminderRule::parse).toList();
            List<Instant> reminders = ReminderPlan.times(asked, due, rules, calendar);
            String sample = "#" + i + " " + calendar + " asked " + asked + " within " + within + " rules " + rules
                    + " -> " + reminders;
            assertTrue(reminders.size() <= rules.size(), sample);
            Instant previous = null;
            for (Instant reminder : reminders) {
                assertTrue(calendar.isWorking(reminder), sample);
                assertTrue(reminder.isAfter(asked), sample);
                assertTrue(calendar.workingTimeBetween(asked, reminder).isPositive(), sample);
                assertTrue(reminder.isBefore(due), sample);
                if (previous != null) {
                    assertFalse(reminder.isBefore(previous.plus(ReminderPlan.MERGE_WITHIN)), sample);
                }
                previous = reminder;
            }
        }
    }

    @Test
    void defaultsGiveTwoRemindersForFourHoursAndOneForHalfAnHour() {
        Random random = new Random(11);
        List<DeadlineCalendar> calendars = List.of(SEOUL_OFFICE, WallClockCalendar.UTC,
                Calendars.calendar(Calendars.BERLIN, "everyday", "01:00-04:00"));
        Instant from = at(SEOUL, "2026-01-01T00:00");
        for (int i = 0; i < 500; i++) {
            DeadlineCalendar calendar = calendars.get(i % calendars.size());
            Instant asked = from.plusSeconds(random.nextInt(730 * 24 * 3600));
            Instant dueIn4 = calendar.plusWorkingTime(asked, Duration.ofHours(4));
            List<Instant> four = ReminderPlan.times(asked, dueIn4, calendar);
            assertEquals(2, four.size(), calendar + " " + asked + " -> " + four);
            assertEquals(Duration.ofHours(2), calendar.workingTimeBetween(asked, four.get(0)));
            assertEquals(Duration.ofHours(1), calendar.workingTimeBetween(four.get(1), dueIn4));

            Instant dueIn30 = calendar.plusWorkingTime(asked, Duration.ofMinutes(30));
            List<Instant> half = ReminderPlan.times(asked, dueIn30, calendar);
            assertEquals(1, half.size(), calendar + " " + asked + " -> " + half);
            assertEquals(Duration.ofMinutes(15), calendar.workingTimeBetween(asked, half.get(0)));
        }
    }
}
