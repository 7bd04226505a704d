package dev.qmark.mail;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns an {@link OutgoingMail} into RFC 5322 bytes with Jakarta Mail: UTF-8 text (Jakarta picks
 * the transfer encoding), multipart/alternative when there is HTML, and always
 * {@code Auto-Submitted: auto-generated} (RFC 3834) so that vacation responders do not start a loop.
 *
 * <p>Nothing a customer typed can add a header: control characters become spaces, addresses must
 * pass {@link EmailAddress}, extra headers must be field names and may not replace the ones set
 * here. Names and subjects are cut so that every line stays under RFC 5322's 998 characters.
 */
public final class MimeComposer {

    private static final String CHARSET = "UTF-8";
    /** RFC 5322 date in English with a numeric zone, always UTC: no dependence on the JVM's locale or zone. */
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final Set<String> OWN_HEADERS = Set.of(
            "from", "sender", "to", "cc", "bcc", "reply-to", "subject", "date", "message-id", "mime-version",
            "content-type", "content-transfer-encoding", "content-disposition", "content-id", "return-path");
    private static final Set<String> AUTO_SUBMITTED_VALUES = Set.of("auto-generated", "auto-replied", "auto-notified");
    /** Display names are cut to this many characters (code points). */
    static final int MAX_NAME_LENGTH = 100;
    /** Subjects are cut to this many characters (code points). */
    static final int MAX_SUBJECT_LENGTH = 400;
    /** RFC 5322 hard limit for a line, without CRLF. */
    private static final int MAX_LINE = 998;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Session session = Session.getInstance(new Properties());

    /**
     * Composes {@code mail} with a fresh Message-ID {@code <random@messageIdDomain>} and the given Date.
     *
     * @throws IllegalArgumentException for an invalid address, header name or Message-ID domain,
     *                                  or an extra header that would replace one composed here
     */
    public ComposedMail compose(OutgoingMail mail, String messageIdDomain, Instant date) {
        Objects.requireNonNull(mail, "mail");
        Objects.requireNonNull(date, "date");
        String domain = messageIdDomain(messageIdDomain);
        String messageId = randomId() + "@" + domain;
        try {
            MimeMessage message = new FixedIdMessage(session, "<" + messageId + ">");
            message.setFrom(address(mail.from(), mail.fromName()));
            message.setRecipients(MimeMessage.RecipientType.TO, addresses(mail.to()));
            if (!mail.cc().isEmpty()) {
                message.setRecipients(MimeMessage.RecipientType.CC, addresses(mail.cc()));
            }
            if (!mail.replyTo().isEmpty()) {
                message.setReplyTo(addresses(mail.replyTo()));
            }
            message.setHeader("Subject", MimeUtility.fold(9, headerText(truncate(HeaderText.clean(mail.subject()),
                    MAX_SUBJECT_LENGTH))));
            message.setHeader("Date", DATE.format(date));
            message.setHeader("Auto-Submitted", "auto-generated");
            addExtraHeaders(message, mail.headers());
            setBody(message, mail.text(), mail.html());
            message.saveChanges();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message.writeTo(out);
            return new ComposedMail(messageId, out.toByteArray());
        } catch (MessagingException e) {
            throw new IllegalArgumentException("cannot compose mail: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory; not expected
        }
    }

    private static void setBody(MimeMessage message, String text, String html) throws MessagingException {
        if (html == null) {
            message.setText(crlf(text), CHARSET);
            return;
        }
        MimeBodyPart plainPart = new MimeBodyPart();
        plainPart.setText(crlf(text), CHARSET);
        MimeBodyPart htmlPart = new MimeBodyPart();
        htmlPart.setText(crlf(html), CHARSET, "html");
        message.setContent(new MimeMultipart("alternative", plainPart, htmlPart));
    }

    /** CRLF line ends: Jakarta Mail writes a 7bit part as given, and some servers reject a bare LF. */
    private static String crlf(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n').replace("\n", "\r\n");
    }

    /** Extra headers in name order (a Map has none of its own), cleaned, encoded if not ASCII, folded. */
    private static void addExtraHeaders(MimeMessage message, Map<String, String> headers)
            throws MessagingException, UnsupportedEncodingException {
        for (Map.Entry<String, String> header : new TreeMap<>(headers).entrySet()) {
            String name = header.getKey();
            if (!HeaderText.isFieldName(name)) {
                throw new IllegalArgumentException("not a header field name");
            }
            String lower = name.toLowerCase(Locale.ROOT);
            if (OWN_HEADERS.contains(lower)) {
                throw new IllegalArgumentException("header " + name + " is set by the composer");
            }
            String value = HeaderText.clean(header.getValue() == null ? "" : header.getValue()).strip();
            if (lower.equals("auto-submitted")) {
                // a robot may say it is replying rather than generating, never that it is a person
                if (!AUTO_SUBMITTED_VALUES.contains(value.toLowerCase(Locale.ROOT))) {
                    throw new IllegalArgumentException("Auto-Submitted must be one of " + AUTO_SUBMITTED_VALUES);
                }
                message.setHeader("Auto-Submitted", value);
                continue;
            }
            String folded = MimeUtility.fold(name.length() + 2, MimeUtility.encodeText(value, CHARSET, null));
            if (folded.lines().anyMatch(line -> line.length() > MAX_LINE)) {
                throw new IllegalArgumentException("header " + name + " has a word too long to fold");
            }
            message.addHeader(name, folded);
        }
    }

    /**
     * A subject or display name as it goes on the wire: plain ASCII as it is, anything else as RFC
     * 2047 words. Jakarta Mail encodes only non-ASCII, so a customer's subject {@code =?UTF-8?B?...?=}
     * would go out as it is and be decoded by the reader (CR and LF included); encoded, it shows literally.
     */
    static String headerText(String text) {
        if (text == null || text.isEmpty() || (isPlainAscii(text) && !text.contains("=?"))) {
            return text;
        }
        // Words of at most 39 UTF-8 bytes ("Subject: " and one word stay under 78) never split a
        // character; the space between encoded words is not part of the text (RFC 2047, 6.2).
        StringBuilder words = new StringBuilder();
        int start = 0;
        while (start < text.length()) {
            int end = start;
            int bytes = 0;
            while (end < text.length()) {
                int cp = text.codePointAt(end);
                int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
                if (bytes + size > 39) {
                    break;
                }
                bytes += size;
                end += Character.charCount(cp);
            }
            if (!words.isEmpty()) {
                words.append(' ');
            }
            words.append("=?UTF-8?B?").append(Base64.getEncoder().encodeToString(
                    text.substring(start, end).getBytes(StandardCharsets.UTF_8))).append("?=");
            start = end;
        }
        return words.toString();
    }

    private static boolean isPlainAscii(String text) {
        return text.chars().allMatch(c -> c >= 0x20 && c < 0x7F);
    }

    private static InternetAddress address(String address, String displayName) {
        String normalised = EmailAddress.normalise(address);
        String name = truncate(HeaderText.clean(displayName), MAX_NAME_LENGTH);
        try {
            return name == null || name.isBlank()
                    ? new InternetAddress(normalised, false)
                    : new EncodedNameAddress(new InternetAddress(normalised, false).getAddress(), name.strip());
        } catch (jakarta.mail.internet.AddressException e) {
            throw new IllegalArgumentException("not a valid e-mail address", e);
        }
    }

    /** Text cut to {@code max} code points: a long word without spaces could not be folded under 998. */
    private static String truncate(String text, int max) {
        boolean longer = text != null && text.codePointCount(0, text.length()) > max;
        return longer ? text.substring(0, text.offsetByCodePoints(0, max)) : text;
    }

    private static Address[] addresses(List<String> addresses) {
        return addresses.stream().map(a -> address(a, null)).toArray(Address[]::new);
    }

    /** The part after {@code @} in Message-IDs: a host name, as RFC 5322 id-right. */
    private static String messageIdDomain(String domain) {
        if (domain == null || !EmailAddress.isValid("id@" + domain)) {
            throw new IllegalArgumentException("not a valid Message-ID domain");
        }
        return EmailAddress.normalise("id@" + domain).substring(3);
    }

    /** 128 random bits: unguessable, so a Message-ID cannot be forged to claim a conversation. */
    private static String randomId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** An address whose display name is encoded by {@link #headerText}, not left for clients to decode. */
    private static final class EncodedNameAddress extends InternetAddress {
        private static final long serialVersionUID = 1L;

        EncodedNameAddress(String address, String name) {
            this.address = address;
            this.personal = name;
            this.encodedPersonal = headerText(name);
        }
    }

    /** A MimeMessage that keeps the Message-ID we chose instead of generating its own on save. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
