package dev.qmark.core.mail;

import dev.qmark.mail.InboundMail;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises an out-of-office reply and the return date it names. Such a reply to a "?" is a signal,
 * not noise: the owner will not answer soon, so the question goes on (QuestionsPassedOn). Marked by
 * {@code Auto-Submitted: auto-replied} (RFC 3834), the X-Autoreply family, or the subjects Outlook,
 * Gmail and Korean clients write ("Automatic reply:", "Out of Office", "부재중", "자동 회신").
 * Bounces and delivery reports are not out of office ({@link AutomaticMail} keeps those).
 */
public final class OutOfOffice {

    private static final Pattern SUBJECT = Pattern.compile(
            "(out of (the )?office|automatic reply|auto[- ]?reply|autoreply|auto[- ]?response|away from (the )?office"
                    + "|on vacation|on holiday|on leave|abwesenheit|absence|부재|자동 ?(회신|응답|답장)|휴가)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern ISO = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");
    private static final Pattern KOREAN = Pattern.compile("(?:(\\d{4})\\s*년\\s*)?(\\d{1,2})\\s*월\\s*(\\d{1,2})\\s*일(\\s*까지)?");
    private static final Pattern MONTH_DAY = Pattern.compile(
            "\\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DAY_MONTH = Pattern.compile(
            "\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?(?:,?\\s+(\\d{4}))?\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern UNTIL = Pattern.compile("(until|till|through|thru)\\s*$", Pattern.CASE_INSENSITIVE);
    /** When on the day of return the owner is asked again: the start of a working day. */
    static final LocalTime BACK_AT = LocalTime.of(9, 0);

    private OutOfOffice() {
    }

    /** Whether a person's mail system answered for them because they are away. */
    public static boolean is(InboundMail mail) {
        String contentType = lower(mail.header("content-type"));
        if (contentType != null && contentType.startsWith("multipart/report")) {
            return false;  // a bounce or delivery report, not a person away
        }
        String autoSubmitted = lower(mail.header("auto-submitted"));
        if (autoSubmitted != null && autoSubmitted.startsWith("auto-replied")) {
            return true;
        }
        if (mail.header("x-autoreply") != null || mail.header("x-autorespond") != null) {
            return true;
        }
        String precedence = lower(mail.header("precedence"));
        boolean automatic = autoSubmitted != null && !autoSubmitted.startsWith("no")
                || precedence != null && precedence.contains("auto_reply")
                || mail.header("x-auto-response-suppress") != null;
        // a subject alone could be a person writing "Out of office tomorrow?": it counts on an automatic mail,
        // or when the subject starts with the marker as auto-replies write it
        String subject = mail.subject() == null ? "" : mail.subject().strip();
        Matcher marker = SUBJECT.matcher(subject);
        return marker.find() && (automatic || marker.start() == 0);
    }

    /**
     * The moment the owner is back, from the latest date the reply's text names on or after the day
     * it arrived (an "until" date means the day after), at 09:00 in their time zone; empty when it names none.
     */
    public static Optional<Instant> returnsAt(String text, Instant received, ZoneId zone) {
        if (text == null) {
            return Optional.empty();
        }
        LocalDate today = received.atZone(zone).toLocalDate();
        LocalDate latest = null;
        for (Candidate c : candidates(text, today)) {
            if (c.date != null && !c.date.isBefore(today) && c.date.isBefore(today.plusYears(1))
                    && (latest == null || c.date.isAfter(latest))) {
                latest = c.date;
            }
        }
        return Optional.ofNullable(latest).map(d -> d.atTime(BACK_AT).atZone(zone).toInstant());
    }

    private record Candidate(LocalDate date) {
    }

    private static java.util.List<Candidate> candidates(String text, LocalDate today) {
        java.util.List<Candidate> found = new java.util.ArrayList<>();
        Matcher iso = ISO.matcher(text);
        while (iso.find()) {
            found.add(new Candidate(until(text, iso.start(), date(iso.group(1), iso.group(2), iso.group(3), today))));
        }
        Matcher korean = KOREAN.matcher(text);
        while (korean.find()) {
            LocalDate date = date(korean.group(1), korean.group(2), korean.group(3), today);
            found.add(new Candidate(korean.group(4) != null && date != null ? date.plusDays(1) : date));
        }
        Matcher monthDay = MONTH_DAY.matcher(text);
        while (monthDay.find()) {
            found.add(new Candidate(until(text, monthDay.start(),
                    date(monthDay.group(3), Integer.toString(month(monthDay.group(1))), monthDay.group(2), today))));
        }
        Matcher dayMonth = DAY_MONTH.matcher(text);
        while (dayMonth.find()) {
            found.add(new Candidate(until(text, dayMonth.start(),
                    date(dayMonth.group(3), Integer.toString(month(dayMonth.group(2))), dayMonth.group(1), today))));
        }
        return found;
    }

    /** "until Dec 10" (possibly "until Friday, Dec 10"): back the day after. */
    private static LocalDate until(String text, int start, LocalDate date) {
        if (date == null) {
            return null;
        }
        String before = text.substring(Math.max(0, start - 25), start).replaceAll("(?i)(mon|tues|wednes|thurs|fri|satur|sun)day,?\\s*$", "");
        return UNTIL.matcher(before.stripTrailing()).find() ? date.plusDays(1) : date;
    }

    /** A date; a missing year is the next one that puts it on or after today. Null when it is no date. */
    private static LocalDate date(String year, String month, String day, LocalDate today) {
        try {
            if (year != null) {
                return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
            }
            LocalDate date = LocalDate.of(today.getYear(), Integer.parseInt(month), Integer.parseInt(day));
            return date.isBefore(today) ? date.plusYears(1) : date;
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static int month(String name) {
        String prefix = name.substring(0, 3).toUpperCase(Locale.ROOT);
        for (Month month : Month.values()) {
            if (month.name().startsWith(prefix)) {
                return month.getValue();
            }
        }
        return 0;
    }

    private static String lower(String value) {
        return value == null ? null : value.strip().toLowerCase(Locale.ROOT);
    }
}
