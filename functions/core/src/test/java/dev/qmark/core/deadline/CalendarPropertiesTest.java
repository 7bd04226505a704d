package dev.qmark.core.deadline;

import static dev.qmark.core.deadline.Calendars.BERLIN;
import static dev.qmark.core.deadline.Calendars.NEW_YORK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The laws every calendar keeps, checked on many seeded random starts and durations across two
 * years of DST changes and holidays. A failure prints the seed's sample so it can be replayed.
 */
class CalendarPropertiesTest {

    private static final Instant FROM = Instant.parse("2025-10-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2027-12-01T00:00:00Z");
    private static final int SAMPLES = 400;

    static Stream<Arguments> calendars() {
        Map<String, List<String>> oddNights = new LinkedHashMap<>();
        // Ranges that DST changes cut through or run twice, and a night shift across midnight.
        oddNights.put("mon-thu", List.of("00:00-01:30", "02:15-02:45", "22:00-24:00"));
        oddNights.put("sun", List.of("00:00-24:00"));
        Map<String, List<String>> berlinOffice = new LinkedHashMap<>();
        berlinOffice.put("mon-fri", List.of("08:30-12:00", "13:00-17:30"));
        berlinOffice.put("sat", List.of("10:00-14:00"));
        Set<LocalDate> germanHolidays = Set.of(LocalDate.parse("2026-04-03"), LocalDate.parse("2026-04-06"),
                LocalDate.parse("2026-10-03"), LocalDate.parse("2026-12-24"), LocalDate.parse("2026-12-25"),
                LocalDate.parse("2026-12-26"), LocalDate.parse("2027-01-01"));
        return Stream.of(
                Arguments.of("Seoul office", Calendars.SEOUL_OFFICE),
                Arguments.of("Berlin office", new BusinessHoursCalendar(BERLIN,
                        WorkingHoursSpec.parse(berlinOffice), germanHolidays)),
                Arguments.of("Berlin around the clock", Calendars.calendar(BERLIN, "everyday", "00:00-24:00")),
                Arguments.of("New York odd nights", new BusinessHoursCalendar(NEW_YORK,
                        WorkingHoursSpec.parse(oddNights), Set.of())),
                Arguments.of("Berlin odd nights", new BusinessHoursCalendar(BERLIN,
                        WorkingHoursSpec.parse(oddNights), Set.of())),
                Arguments.of("Santiago weekend nights", Calendars.calendar(ZoneId.of("America/Santiago"),
                        "fri-sun", "00:00-01:00", "23:00-24:00")),
                Arguments.of("wall clock", new WallClockCalendar(BERLIN)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calendars")
    void plusThenBetweenGivesTheDurationBack(String name, DeadlineCalendar calendar) {
        Random random = new Random(name.hashCode());
        for (int i = 0; i < SAMPLES; i++) {
            Instant start = randomInstant(random);
            Duration working = randomDuration(random);
            Instant due = calendar.plusWorkingTime(start, working);
            String sample = name + " #" + i + ": " + start + " + " + working + " = " + due;
            assertTrue(due.isAfter(start), sample);
            assertEquals(working, calendar.workingTimeBetween(start, due), sample);
            // The deadline is the earliest such moment: the instant just before it was still working.
            assertTrue(calendar.isWorking(due.minusNanos(1)), sample);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calendars")
    void minusUndoesPlusUpToTheNextWorkingMoment(String name, DeadlineCalendar calendar) {
        Random random = new Random(name.hashCode() + 1);
        for (int i = 0; i < SAMPLES; i++) {
            Instant start = randomInstant(random);
            Duration working = randomDuration(random);
            Instant due = calendar.plusWorkingTime(start, working);
            String sample = name + " #" + i + ": " + start + " + " + working + " = " + due;
            assertEquals(calendar.nextWorkingMoment(start), calendar.minusWorkingTime(due, working), sample);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calendars")
    void minusLandsOnAWorkingMomentWithTheDurationAfterIt(String name, DeadlineCalendar calendar) {
        Random random = new Random(name.hashCode() + 2);
        for (int i = 0; i < SAMPLES; i++) {
            Instant end = randomInstant(random);
            Duration working = randomDuration(random);
            Instant start = calendar.minusWorkingTime(end, working);
            String sample = name + " #" + i + ": " + end + " - " + working + " = " + start;
            assertTrue(start.isBefore(end), sample);
            assertTrue(calendar.isWorking(start), sample);
            assertEquals(working, calendar.workingTimeBetween(start, end), sample);
            assertEquals(working.negated(), calendar.workingTimeBetween(end, start), sample);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calendars")
    void nextWorkingMomentIsTheFirstWorkingMoment(String name, DeadlineCalendar calendar) {
        Random random = new Random(name.hashCode() + 3);
        for (int i = 0; i < SAMPLES; i++) {
            Instant at = randomInstant(random);
            Instant next = calendar.nextWorkingMoment(at);
            String sample = name + " #" + i + ": " + at + " -> " + next;
            assertFalse(next.isBefore(at), sample);
            assertTrue(calendar.isWorking(next), sample);
            assertEquals(Duration.ZERO, calendar.workingTimeBetween(at, next), sample);
            assertEquals(calendar.isWorking(at), next.equals(at), sample);
        }
    }

    /**
     * An independent check of the interval arithmetic: count the working minutes one by one with
     * {@link DeadlineCalendar#isWorking}, which reads the wall clock directly. Every range and every
     * DST change here falls on a whole minute, so minutes are exact.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("calendars")
    void workingTimeBetweenAgreesWithCountingMinutes(String name, DeadlineCalendar calendar) {
        Random random = new Random(name.hashCode() + 4);
        List<Instant> starts = new java.util.ArrayList<>();
        // The DST nights themselves, and random minutes.
        for (String night : List.of("2026-03-07T20:00:00Z", "2026-03-28T20:00:00Z", "2026-10-24T20:00:00Z",
                "2026-10-31T20:00:00Z", "2026-04-03T20:00:00Z", "2026-09-05T20:00:00Z")) {
            starts.add(Instant.parse(night));
        }
        for (int i = 0; i < 60; i++) {
            starts.add(randomInstant(random).truncatedTo(java.time.temporal.ChronoUnit.MINUTES));
        }
        for (Instant from : starts) {
            int minutes = 1 + random.nextInt(3 * 24 * 60);
            long working = 0;
            for (int m = 0; m < minutes; m++) {
                if (calendar.isWorking(from.plusSeconds(60L * m))) {
                    working++;
                }
            }
            Instant to = from.plusSeconds(60L * minutes);
            assertEquals(Duration.ofMinutes(working), calendar.workingTimeBetween(from, to),
                    name + ": " + from + " to " + to);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calendars")
    void workingTimeAddsUpAcrossAnyCut(String name, DeadlineCalendar calendar) {
        Random random = new Random(name.hashCode() + 5);
        for (int i = 0; i < SAMPLES; i++) {
            Instant a = randomInstant(random);
            Instant b = a.plus(randomDuration(random));
            Instant c = b.plus(randomDuration(random));
            assertEquals(calendar.workingTimeBetween(a, c),
                    calendar.workingTimeBetween(a, b).plus(calendar.workingTimeBetween(b, c)),
                    name + " #" + i + ": " + a + " | " + b + " | " + c);
        }
    }

    @org.junit.jupiter.api.Test
    void aroundTheClockInAnyZoneIsTheWallClock() {
        Random random = new Random(42);
        for (String zone : List.of("Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "America/Santiago")) {
            BusinessHoursCalendar always = Calendars.calendar(ZoneId.of(zone), "everyday", "00:00-24:00");
            for (int i = 0; i < SAMPLES; i++) {
                Instant start = randomInstant(random);
                Duration working = randomDuration(random);
                String sample = zone + " #" + i + ": " + start + " + " + working;
                assertEquals(start.plus(working), always.plusWorkingTime(start, working), sample);
                assertEquals(start.minus(working), always.minusWorkingTime(start, working), sample);
                assertTrue(always.isWorking(start), sample);
            }
        }
    }

    private static Instant randomInstant(Random random) {
        long span = TO.getEpochSecond() - FROM.getEpochSecond();
        Instant at = FROM.plusSeconds((long) (random.nextDouble() * span));
        // Mostly whole minutes, as deadlines are; sometimes odd nanoseconds.
        return random.nextInt(4) == 0 ? at.plusNanos(random.nextInt(1_000_000_000)) : at;
    }

    private static Duration randomDuration(Random random) {
        Duration minutes = Duration.ofMinutes(1 + random.nextInt(random.nextBoolean() ? 600 : 300 * 60));
        return random.nextInt(4) == 0 ? minutes.plusNanos(random.nextInt(1_000_000_000)) : minutes;
    }
}
