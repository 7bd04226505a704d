package dev.qmark.core.asking;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import dev.qmark.core.text.Html;
import java.util.Locale;

/** Small formatting rules shared by the mails Qmark writes to people. */
public final class MailFormat {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);

    private MailFormat() {
    }

    /** "Mon 23 Nov 2026, 18:05 (Asia/Seoul)": a time as the reader lives it. */
    public static String when(Instant instant, ZoneId zone) {
        return WHEN.format(instant.atZone(zone)) + " (" + zone.getId() + ")";
    }

    /** "4 hours", "1 day 2 hours", "25 minutes": durations as people say them. */
    public static String duration(Duration duration) {
        long minutes = Math.max(0, duration.toMinutes());
        long days = minutes / (24 * 60);
        long hours = (minutes / 60) % 24;
        long mins = minutes % 60;
        StringBuilder out = new StringBuilder();
        append(out, days, "day");
        append(out, hours, "hour");
        if (days == 0) {
            append(out, mins, "minute");
        }
        return out.isEmpty() ? "less than a minute" : out.toString();
    }

    private static void append(StringBuilder out, long amount, String unit) {
        if (amount > 0) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(amount).append(' ').append(unit).append(amount == 1 ? "" : "s");
        }
    }

    /** "Minsu Kim <minsu@example.com>", or just the address when there is no name. */
    public static String customer(dev.qmark.core.feedback.Feedback feedback) {
        String name = feedback.customer().name();
        return (name == null || name.isBlank() ? "" : name + " ") + "<" + feedback.customer().email() + ">";
    }

    public static String quote(String text) {
        return text.strip().lines().map(line -> line.isEmpty() ? ">" : "> " + line)
                .reduce((a, b) -> a + "\n" + b).orElse(">");
    }

    /** Plain text as HTML paragraphs, escaped, line breaks kept. */
    public static String paragraphs(String text) {
        return "<p style=\"white-space:pre-wrap;margin:0 0 12px\">" + Html.escape(text.strip()) + "</p>";
    }
}
