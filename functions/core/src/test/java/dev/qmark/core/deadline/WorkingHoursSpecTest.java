package dev.qmark.core.deadline;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkingHoursSpecTest {

    @Test
    void splitShiftsOnWeekdaysAndAShortSaturday() {
        Map<String, List<String>> spec = new LinkedHashMap<>();
        spec.put("mon-fri", List.of("13:00-18:00", "09:00-12:00"));
        spec.put("sat", List.of("10:00-14:00"));
        Map<DayOfWeek, List<TimeRange>> hours = WorkingHoursSpec.parse(spec);

        List<TimeRange> weekday = List.of(range(9, 0, 12, 0), range(13, 0, 18, 0));
        assertEquals(Map.of(MONDAY, weekday, TUESDAY, weekday, WEDNESDAY, weekday, THURSDAY, weekday,
                FRIDAY, weekday, SATURDAY, List.of(range(10, 0, 14, 0))), hours);
        assertEquals("[09:00-12:00, 13:00-18:00]", hours.get(MONDAY).toString());
    }

    @Test
    void twentyFourHundredEndsTheDay() {
        TimeRange allDay = WorkingHoursSpec.range("00:00-24:00");
        assertEquals(LocalTime.MIDNIGHT, allDay.start());
        assertEquals(TimeRange.MIDNIGHT_END, allDay.end());
        assertTrue(allDay.endsAtMidnight());
        assertEquals(java.time.Duration.ofHours(24), allDay.length());
        assertEquals("00:00-24:00", allDay.toString());
        assertTrue(allDay.contains(LocalTime.of(23, 59, 59, 999_999_999)));
    }

    @Test
    void anEmptyListClosesTheDays() {
        Map<String, List<String>> spec = new LinkedHashMap<>();
        spec.put("mon-fri", List.of("09:00-17:00"));
        spec.put("sat,sun", List.of());
        Map<DayOfWeek, List<TimeRange>> hours = WorkingHoursSpec.parse(spec);
        assertEquals(List.of(), hours.get(SUNDAY));
        assertEquals(List.of(range(9, 0, 17, 0)), hours.get(FRIDAY));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            mon-fri        | MONDAY TUESDAY WEDNESDAY THURSDAY FRIDAY
            sat            | SATURDAY
            sun            | SUNDAY
            mon,wed,fri    | MONDAY WEDNESDAY FRIDAY
            ' Mon, Wed '   | MONDAY WEDNESDAY
            everyday       | MONDAY TUESDAY WEDNESDAY THURSDAY FRIDAY SATURDAY SUNDAY
            EveryDay       | MONDAY TUESDAY WEDNESDAY THURSDAY FRIDAY SATURDAY SUNDAY
            sun-thu        | SUNDAY MONDAY TUESDAY WEDNESDAY THURSDAY
            fri-mon        | FRIDAY SATURDAY SUNDAY MONDAY
            monday-tuesday | MONDAY TUESDAY
            mon-tue,sat    | MONDAY TUESDAY SATURDAY
            """)
    void dayKeys(String key, String days) {
        Set<DayOfWeek> expected = EnumSet.noneOf(DayOfWeek.class);
        for (String day : days.split(" ")) {
            expected.add(DayOfWeek.valueOf(day));
        }
        assertEquals(expected, WorkingHoursSpec.days(key));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            09:00-12:00   | 09:00-12:00
            9:00-12:00    | 09:00-12:00
            ' 13:00 - 18:30 ' | 13:00-18:30
            22:00-24:00   | 22:00-24:00
            00:00-24:00   | 00:00-24:00
            08:15–16:45   | 08:15-16:45
            """)
    void rangeTexts(String text, String parsed) {
        assertEquals(parsed, WorkingHoursSpec.range(text).toString());
    }

    @ParameterizedTest(name = "[{0}] {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # key        | range        | the message must say
            mon-fry      | 09:00-17:00  | working hours 'mon-fry': 'fry' is not a day
            montag       | 09:00-17:00  | 'montag' is not a day
            ''           | 09:00-17:00  | working hours need a day key such as 'mon-fri', not ''
            mon-wed-fri  | 09:00-17:00  | 'mon-wed-fri' is not a day or a span of days
            mon,         | 09:00-17:00  | working hours 'mon,': '' is not a day
            mon,mon      | 09:00-17:00  | working hours 'mon,mon' name monday twice
            mon-fri,wed  | 09:00-17:00  | working hours 'mon-fri,wed' name wednesday twice
            mon-fri      | 9-17         | working hours 'mon-fri': '9-17' is not a time range like 09:00-18:00
            mon-fri      | 09:00        | '09:00' is not a time range
            mon-fri      | 09:00-17:00x | '09:00-17:00x' is not a time range
            mon-fri      | 18:00-09:00  | the time range '18:00-09:00' ends before it starts
            mon-fri      | 09:00-09:00  | the time range '09:00-09:00' ends before it starts
            mon-fri      | 22:00-00:00  | write 22:00-24:00 and 00:00-06:00
            mon-fri      | 25:00-26:00  | '25:00-26:00' has a time that does not exist
            mon-fri      | 09:60-17:00  | '09:60-17:00' has a time that does not exist
            mon-fri      | 24:00-24:00  | '24:00-24:00' has a time that does not exist
            mon-fri      | 09:00-24:30  | '09:00-24:30' has a time that does not exist
            """)
    void badTextsAreNamed(String key, String range, String message) {
        Map<String, List<String>> spec = new LinkedHashMap<>();
        spec.put(key, List.of(range));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WorkingHoursSpec.parse(spec));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void overlappingRangesAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WorkingHoursSpec.parse(
                Map.of("mon-fri", List.of("09:00-13:00", "12:00-18:00"))));
        assertEquals("working hours 'mon-fri': 09:00-13:00 and 12:00-18:00 overlap", e.getMessage());
    }

    @Test
    void aLaterKeyMayNotRedefineADay() {
        Map<String, List<String>> spec = new LinkedHashMap<>();
        spec.put("mon-fri", List.of("09:00-17:00"));
        spec.put("sat", List.of("10:00-12:00"));
        spec.put("fri", List.of("09:00-15:00"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WorkingHoursSpec.parse(spec));
        assertEquals("working hours 'fri' give friday again; 'mon-fri' already did", e.getMessage());

        Map<String, List<String>> twice = new LinkedHashMap<>();
        twice.put("everyday", List.of("00:00-24:00"));
        twice.put("sun", List.of());
        assertThrows(IllegalArgumentException.class, () -> WorkingHoursSpec.parse(twice));
    }

    @Test
    void aMissingListIsNamed() {
        Map<String, List<String>> spec = new LinkedHashMap<>();
        spec.put("sat", null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WorkingHoursSpec.parse(spec));
        assertTrue(e.getMessage().contains("'sat'"), e.getMessage());
    }

    @Test
    void timeRangesRefuseNonsenseDirectly() {
        assertThrows(IllegalArgumentException.class,
                () -> new TimeRange(LocalTime.of(18, 0), LocalTime.of(9, 0)));
        assertThrows(IllegalArgumentException.class,
                () -> new TimeRange(TimeRange.MIDNIGHT_END, TimeRange.MIDNIGHT_END));
        assertThrows(NullPointerException.class, () -> new TimeRange(null, LocalTime.NOON));
    }

    private static TimeRange range(int h1, int m1, int h2, int m2) {
        return new TimeRange(LocalTime.of(h1, m1), LocalTime.of(h2, m2));
    }
}
