package dev.qmark.mail;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A received mail, decoded: what Qmark reads of it. Never null collections.
 *
 * @param messageId   the Message-ID header without angle brackets, or null
 * @param inReplyTo   the In-Reply-To ids without angle brackets
 * @param references  the References ids without angle brackets, oldest first
 * @param from        the sender's address, lower-cased; null when there is none that parses
 * @param fromName    the sender's display name, decoded (RFC 2047), or null
 * @param to          To addresses, lower-cased
 * @param cc          Cc addresses, lower-cased
 * @param subject     the decoded subject, or "" when missing
 * @param date        the Date header, or null
 * @param text        the readable text: text/plain, or the HTML part turned into clean text
 * @param html        the text/html part as received, or null
 * @param headers     every header, names lower-cased, values unfolded and decoded, in order of appearance
 * @param attachments parts that are not the body
 * @param attached    the first attached message (a message/rfc822 part, as "forward as attachment"
 *                    sends one), read as a mail of its own; null when there is none. Only one level:
 *                    the attached message's own attached messages are listed, not read
 */
public record InboundMail(
        String messageId,
        List<String> inReplyTo,
        List<String> references,
        String from,
        String fromName,
        List<String> to,
        List<String> cc,
        String subject,
        Instant date,
        String text,
        String html,
        Map<String, List<String>> headers,
        List<Attachment> attachments,
        InboundMail attached) {

    /** A mail without an attached message. */
    public InboundMail(String messageId, List<String> inReplyTo, List<String> references, String from, String fromName,
                       List<String> to, List<String> cc, String subject, Instant date, String text, String html,
                       Map<String, List<String>> headers, List<Attachment> attachments) {
        this(messageId, inReplyTo, references, from, fromName, to, cc, subject, date, text, html, headers, attachments,
                null);
    }

    /** The first value of a header (name case-insensitive), or null. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /**
     * An attachment's description; the bytes stay in the raw mail. {@code fileName} is the
     * sender's, or for an unnamed part one made from its type ({@link PartNames}); never null
     * when the parser made it.
     */
    public record Attachment(String fileName, String contentType, long size) {
    }
}
