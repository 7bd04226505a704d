package dev.qmark.mail;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A mail Qmark sends, before it becomes MIME. Addresses are plain {@code local@domain};
 * display names travel separately so that nothing a customer typed can reach a header raw.
 *
 * @param from        the sender address (the SES verified sender)
 * @param fromName    display name for {@code from}, may be null
 * @param to          recipients
 * @param cc          copy recipients, may be empty
 * @param replyTo     Reply-To addresses, may be empty
 * @param subject     the subject, any characters (it is encoded, and line breaks are folded away)
 * @param text        the text/plain part
 * @param html        the text/html part, may be null for text-only mail
 * @param headers     extra headers (name to value), e.g. In-Reply-To; {@code Auto-Submitted} is always added
 */
public record OutgoingMail(
        String from,
        String fromName,
        List<String> to,
        List<String> cc,
        List<String> replyTo,
        String subject,
        String text,
        String html,
        Map<String, String> headers) {

    public OutgoingMail {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        to = List.copyOf(to);
        cc = cc == null ? List.of() : List.copyOf(cc);
        replyTo = replyTo == null ? List.of() : List.copyOf(replyTo);
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        if (to.isEmpty()) {
            throw new IllegalArgumentException("a mail needs at least one recipient");
        }
    }
}
