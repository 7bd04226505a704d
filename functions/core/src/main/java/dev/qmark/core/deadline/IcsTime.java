package dev.qmark.core.deadline;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An iCalendar DATE ({@code 20261225}) or DATE-TIME ({@code 20261225T090000}, with {@code Z} for UTC),
 * exactly one of which is set.
 */
record IcsTime(LocalDate date, ZonedDateTime dateTime) {

    private static final Pattern DATE = Pattern.compile("\\d{8}");
    private static final Pattern DATE_TIME = Pattern.compile("\\d{8}T\\d{6}Z?");
    private static final Pattern WEEKS = Pattern.compile("([+-]?)P(\\d+)W");
    private static final DateTimeFormatter BASIC_DATE_TIME = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss")
            .withResolverStyle(ResolverStyle.STRICT);

    boolean isDate() {
        return date != null;
    }

    /** The property's value, or one of its comma-separated values. */
    static IcsTime parse(IcsLine line, String value, ZoneId defaultZone) {
        String text = value.trim();
        try {
            if (DATE.matcher(text).matches()) {
                return new IcsTime(LocalDate.parse(text, DateTimeFormatter.BASIC_ISO_DATE), null);
            }
            if (DATE_TIME.matcher(text).matches() && !"DATE".equalsIgnoreCase(line.param("VALUE"))) {
                boolean utc = text.endsWith("Z");
                LocalDateTime local = LocalDateTime.parse(utc ? text.substring(0, text.length() - 1) : text,
                        BASIC_DATE_TIME);
                return new IcsTime(null, local.atZone(utc ? ZoneOffset.UTC : zone(line, defaultZone)));
            }
        } catch (DateTimeParseException e) {
            // Same message as for a malformed value below: the digits name no real date.
        }
        throw IcsLine.fail(line.number(), line.name() + " '" + text + "' is not a date (YYYYMMDD)"
                + " or a date-time (YYYYMMDDTHHMMSS)");
    }

    /** Every value of a property that may list several (EXDATE, RDATE). */
    static List<IcsTime> parseList(IcsLine line, ZoneId defaultZone) {
        return Arrays.stream(line.value().split(","))
                .map(v -> parse(line, v, defaultZone)).toList();
    }

    /** The zone a date-time is in: its TZID when that names a zone Java knows, else the default. */
    static ZoneId zone(IcsLine line, ZoneId defaultZone) {
        String tzid = line.param("TZID");
        if (tzid == null || tzid.isBlank()) {
            return defaultZone;
        }
        try {
            // A leading "/" marks a globally unique id (RFC 5545 3.2.19); Olson names follow it in practice.
            return ZoneId.of(tzid.startsWith("/") ? tzid.substring(1) : tzid);
        } catch (DateTimeException e) {
            // Outlook writes its own names ("Korea Standard Time") defined by a VTIMEZONE we do not read:
            // the calendar's own zone is the best guess for a holiday file.
            return defaultZone;
        }
    }

    /** An iCalendar DURATION ({@code P1D}, {@code PT12H}, {@code P1W}, {@code P1DT2H}). */
    static Duration duration(IcsLine line) {
        String text = line.value().trim();
        try {
            Matcher weeks = WEEKS.matcher(text);
            Duration duration = weeks.matches()
                    ? Duration.ofDays(7 * Long.parseLong(weeks.group(2)) * (weeks.group(1).equals("-") ? -1 : 1))
                    : Duration.parse(text.startsWith("+") ? text.substring(1) : text);
            if (!duration.isNegative()) {
                return duration;
            }
        } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
            // Falls through to the message below.
        }
        throw IcsLine.fail(line.number(), "DURATION '" + text + "' is not a positive duration like P1D or PT8H");
    }
}
