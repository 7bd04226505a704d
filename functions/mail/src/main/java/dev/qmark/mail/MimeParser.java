package dev.qmark.mail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reads a received mail (RFC 5322 / MIME bytes, as SES stores it) into an {@link InboundMail}.
 *
 * <p>Never throws and never hangs: every field is read on its own, so a broken part costs that
 * part and not the mail; all scans are linear; multipart nesting, the number of parts and header
 * sizes are capped. What cannot be read is left empty ({@code ""} subject, empty lists, null).
 *
 * <p>The body is the inline text/plain parts (joined), else the text/html turned into text with
 * {@link HtmlText}. Every other leaf part (files, inline images, calendar invitations, attached
 * messages) is listed as an attachment with its decoded size. A forwarded message/rfc822 part is
 * an attachment too: its text is not the sender's; the first one is also read as a mail of its own
 * ({@link InboundMail#attached()}, one level deep) for a forward with "?".
 */
public final class MimeParser {

    /** Mail clients nest 3 or 4 levels deep; more is an attack on the parser. */
    static final int MAX_DEPTH = 12;
    /** Entities visited (parts and multiparts); real mail has a handful, rarely a hundred. */
    static final int MAX_ENTITIES = 500;

    /** Parses {@code raw}; for null or empty input an empty mail. */
    public InboundMail parse(byte[] raw) {
        return parse(raw, true);
    }

    private InboundMail parse(byte[] raw, boolean readAttached) {
        byte[] bytes = raw == null ? new byte[0] : raw;
        Body body = new Body(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        HeaderFields message = attempt(() -> MimeWalk.walk(bytes, body), HeaderFields.NONE);
        String charsetHint = attempt(
                () -> HeaderParams.parse(message.header("content-type"), null).param("charset"), null);
        String html = body.html().isEmpty() ? null : String.join("\n", body.html());
        String plain = lineEnds(String.join("\n", body.plain()));
        String text = plain.isBlank() && html != null ? attempt(() -> HtmlText.toText(html), "") : plain;
        NamedAddress from = attempt(() -> AddressHeader.parseFirst(
                MailText.decodeRawHeader(message.header("from"), charsetHint)).orElse(null), null);
        return new InboundMail(
                attempt(() -> MessageIds.first(message.header("message-id")), null),
                attempt(() -> List.copyOf(MessageIds.all(message.header("in-reply-to"))), List.of()),
                attempt(() -> List.copyOf(MessageIds.all(String.join(" ", message.headers("references")))), List.of()),
                from == null ? null : from.address(),
                from == null ? null : from.displayName(),
                attempt(() -> addresses(message, "to", charsetHint), List.of()),
                attempt(() -> addresses(message, "cc", charsetHint), List.of()),
                attempt(() -> subject(message, charsetHint), ""),
                attempt(() -> MailDates.parse(message.header("date")), (Instant) null),
                text,
                html,
                attempt(() -> headers(message, charsetHint), Map.of()),
                List.copyOf(body.attachments()),
                readAttached && !body.messages().isEmpty() ? attempt(() -> parse(body.messages().get(0), false), null) : null);
    }

    /** Every header, decoded, grouped by lower-case name in order of first appearance. */
    private static Map<String, List<String>> headers(HeaderFields message, String charsetHint) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HeaderFields.RawHeader header : message.fields()) {
            headers.computeIfAbsent(header.name(), k -> new ArrayList<>()).add(decoded(header.value(), charsetHint));
        }
        headers.replaceAll((name, values) -> List.copyOf(values));
        return Collections.unmodifiableMap(headers);
    }

    private static String subject(HeaderFields message, String charsetHint) {
        String raw = message.header("subject");
        return raw == null ? "" : decoded(raw, charsetHint).strip();
    }

    /** All mailboxes of every occurrence of an address header, addresses only. */
    private static List<String> addresses(HeaderFields message, String name, String charsetHint) {
        return message.headers(name).stream().flatMap(raw -> AddressHeader.parse(MailText.decodeRawHeader(raw, charsetHint))
                .stream()).map(NamedAddress::address).toList();
    }

    /** A header value for display: 8-bit bytes and encoded words decoded, control characters gone. */
    static String decoded(String raw, String charsetHint) {
        return HeaderText.clean(EncodedWords.decode(MailText.decodeRawHeader(raw, charsetHint)));
    }

    /** LF line ends: CRLF and lone CR are normalised. */
    static String lineEnds(String text) {
        return text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** The value {@code step} computes, or {@code fallback} when it fails in any way. */
    private static <T> T attempt(Supplier<T> step, T fallback) {
        try {
            T value = step.get();
            return value == null ? fallback : value;
        } catch (RuntimeException | StackOverflowError e) {
            return fallback;
        }
    }

    /** The body texts, the attachments and the attached messages' bytes, found by walking the MIME tree. */
    record Body(List<String> plain, List<String> html, List<InboundMail.Attachment> attachments, List<byte[]> messages) {
    }
}
