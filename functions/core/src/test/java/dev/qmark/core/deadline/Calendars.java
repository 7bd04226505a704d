package dev.qmark.core.deadline;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Calendars and time helpers the deadline tests share. */
final class Calendars {

    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    /** Christmas 2026 (a Friday) and 추석 2026 (Thursday 24 to Saturday 26 September). */
    static final Set<LocalDate> SEOUL_HOLIDAYS = Set.of(
            LocalDate.parse("2026-12-25"),
            LocalDate.parse("2026-09-24"), LocalDate.parse("2026-09-25"), LocalDate.parse("2026-09-26"));

    /** A Seoul office: Monday to Friday 09:00-18:00 with lunch 12:00-13:00. */
    static final BusinessHoursCalendar SEOUL_OFFICE = new BusinessHoursCalendar(SEOUL,
            hours("mon-fri", "09:00-12:00", "13:00-18:00"), SEOUL_HOLIDAYS);

    private Calendars() {
    }

    /** Hours for one key, parsed as the configuration would be. */
    static Map<DayOfWeek, List<TimeRange>> hours(String days, String... ranges) {
        Map<String, List<String>> spec = new LinkedHashMap<>();
        spec.put(days, List.of(ranges));
        return WorkingHoursSpec.parse(spec);
    }

    static BusinessHoursCalendar calendar(ZoneId zone, String days, String... ranges) {
        return new BusinessHoursCalendar(zone, hours(days, ranges), Set.of());
    }

    /** A wall-clock time in a zone, e.g. {@code at(SEOUL, "2026-11-20T17:30")}; the earlier offset in an overlap. */
    static Instant at(ZoneId zone, String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }

    /** A wall-clock time with an explicit offset, for the hour that a fall-back runs twice. */
    static Instant at(String offsetDateTime) {
        return java.time.OffsetDateTime.parse(offsetDateTime).toInstant();
    }
}
