package dev.qmark.mail;

import jakarta.mail.internet.MailDateFormat;

import java.text.ParsePosition;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.TimeZone;

/**
 * Reads a Date header. Jakarta Mail's lenient RFC 822/5322 parser does the work (obsolete zones,
 * comments like {@code (KST)}, missing weekday); a date it cannot read becomes null, never an error.
 */
final class MailDates {

    /** Real dates are ~40 characters; a longer value is junk or an attack on the parser. */
    private static final int MAX_LENGTH = 200;

    private MailDates() {
    }

    /** The instant in a Date header value, or null. */
    static Instant parse(String value) {
        if (value == null || value.isBlank() || value.length() > MAX_LENGTH) {
            return null;
        }
        String text = value.strip();
        try {
            MailDateFormat format = new MailDateFormat(); // not thread-safe: one per call
            format.setTimeZone(TimeZone.getTimeZone("UTC")); // a date without a zone is read as UTC
            Date date = format.parse(text, new ParsePosition(0));
            if (date != null) {
                return date.toInstant();
            }
        } catch (RuntimeException e) {
            // fall through to the strict formatter
        }
        try {
            return ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
