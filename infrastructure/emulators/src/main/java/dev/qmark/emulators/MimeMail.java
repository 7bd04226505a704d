package dev.qmark.emulators;

import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/** Reads a MIME message into the parts the outbox shows. */
final class MimeMail {

    /** A session only for parsing: no transport is ever used through it. */
    private static final Session SESSION = Session.getInstance(new Properties());

    /** What {@link #parse} finds; addresses are bare, lists never null. */
    record Parsed(String from, List<String> to, List<String> cc, List<String> replyTo,
            String subject, String text, String html, Map<String, String> headers) {
    }

    private MimeMail() {
    }

    static Parsed parse(byte[] raw) throws MessagingException, IOException {
        MimeMessage message = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
        Map<String, String> headers = new LinkedHashMap<>();
        for (Enumeration<Header> all = message.getAllHeaders(); all.hasMoreElements(); ) {
            Header header = all.nextElement();
            headers.putIfAbsent(header.getName().toLowerCase(Locale.ROOT), MimeUtility.unfold(header.getValue()).trim());
        }
        Bodies bodies = new Bodies();
        bodies.collect(message);
        List<String> from = addresses(message.getHeader("From", ","));
        return new Parsed(
                from.isEmpty() ? null : from.get(0),
                addresses(message.getHeader("To", ",")),
                addresses(message.getHeader("Cc", ",")),
                // Not getReplyTo(): that falls back to From when there is no Reply-To.
                addresses(message.getHeader("Reply-To", ",")),
                message.getSubject(),
                bodies.text,
                bodies.html,
                headers);
    }

    /**
     * Bare addresses of an address header, leniently: a malformed header yields what parses, as a
     * mail client would show it, instead of losing the mail.
     */
    static List<String> addresses(String header) {
        List<String> result = new ArrayList<>();
        if (header == null || header.isBlank()) {
            return result;
        }
        try {
            for (InternetAddress address : InternetAddress.parseHeader(header, false)) {
                if (address.getAddress() != null && !address.getAddress().isBlank()) {
                    result.add(address.getAddress());
                }
            }
        } catch (AddressException e) {
            // nothing usable in it
        }
        return result;
    }

    /**
     * Parses one address as SES would accept it ("a@b" or "Name &lt;a@b&gt;"), strictly.
     *
     * @throws AddressException when it is not an address with a domain
     */
    static InternetAddress strictAddress(String value) throws AddressException {
        InternetAddress address = new InternetAddress(value, true);
        String bare = address.getAddress();
        if (bare == null || bare.indexOf('@') <= 0 || bare.endsWith("@")) {
            throw new AddressException("Missing final '@domain'", value);
        }
        return address;
    }

    /** The first text/plain and text/html parts that are not attachments, decoded to strings. */
    private static final class Bodies {
        String text;
        String html;

        void collect(Part part) throws MessagingException, IOException {
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    collect(multipart.getBodyPart(i));
                }
                return;
            }
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                return;
            }
            if (text == null && part.isMimeType("text/plain")) {
                text = decodedText(part);
            } else if (html == null && part.isMimeType("text/html")) {
                html = decodedText(part);
            }
        }

        private static String decodedText(Part part) throws MessagingException, IOException {
            try {
                Object content = part.getContent();
                if (content instanceof String s) {
                    return s;
                }
            } catch (UnsupportedEncodingException e) {
                // an unknown charset: fall through and read the decoded bytes as UTF-8
            }
            return new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

}
