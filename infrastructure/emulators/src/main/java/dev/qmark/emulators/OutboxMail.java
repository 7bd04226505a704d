package dev.qmark.emulators;

import jakarta.mail.MessagingException;
import java.io.IOException;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A mail that went out through the SES stand-in, as a test or a developer wants to read it.
 *
 * @param messageId the MessageId SES answered with
 * @param from      the sender's bare address (FromEmailAddress, else the From header)
 * @param to        bare addresses: the To header, then Destination.ToAddresses not already there
 * @param cc        likewise for Cc; Bcc is not recorded, as it is in no header
 * @param replyTo   bare addresses: the Reply-To header, then ReplyToAddresses
 * @param subject   the decoded subject (RFC 2047), or null
 * @param text      the decoded text/plain body, or null
 * @param html      the decoded text/html body, or null
 * @param headers   every header of the MIME message: lower-cased name to unfolded (still encoded)
 *                  value, the first occurrence, in order of appearance
 * @param sentAt    when the stand-in accepted it
 * @param raw       the MIME message: as sent for Raw content, as built (like SES would) for Simple
 */
public record OutboxMail(
        String messageId,
        String from,
        List<String> to,
        List<String> cc,
        List<String> replyTo,
        String subject,
        String text,
        String html,
        Map<String, String> headers,
        Instant sentAt,
        byte[] raw) {

    public OutboxMail {
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        replyTo = List.copyOf(replyTo);
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /**
     * Reads a mail another SES accepted (moto's or LocalStack's, which keep the raw MIME) the way
     * the stand-in reads what it accepts, so both show the same fields.
     *
     * @param from the sender SES was given (FromEmailAddress), or null to take the From header
     * @throws IllegalArgumentException when {@code raw} is not MIME that can be read
     */
    public static OutboxMail parse(String messageId, String from, byte[] raw, Instant sentAt) {
        MimeMail.Parsed parsed;
        try {
            parsed = MimeMail.parse(raw);
        } catch (MessagingException | IOException e) {
            throw new IllegalArgumentException("mail " + messageId + " is not readable MIME: " + e.getMessage(), e);
        }
        return new OutboxMail(messageId, from != null ? from : parsed.from(), parsed.to(), parsed.cc(),
                parsed.replyTo(), parsed.subject(), parsed.text(), parsed.html(), parsed.headers(), sentAt, raw);
    }

    /** A header's value by name, case-insensitively; null when absent. */
    public String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }
}
