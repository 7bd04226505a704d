package dev.qmark.emulators;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** Builds the small XML documents S3 answers with. Text is escaped; nothing is parsed. */
final class S3Xml {

    static final String NAMESPACE = "http://s3.amazonaws.com/doc/2006-03-01/";

    /** Last-Modified, an HTTP date with a two-digit day (RFC_1123_DATE_TIME would print "1 Oct"). */
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    /** LastModified in listings, ISO-8601 with milliseconds as S3 writes it. */
    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");

    private S3Xml() {
    }

    static S3Xml document() {
        return new S3Xml();
    }

    S3Xml open(String element) {
        xml.append('<').append(element).append('>');
        return this;
    }

    S3Xml openWithNamespace(String element) {
        xml.append('<').append(element).append(" xmlns=\"").append(NAMESPACE).append("\">");
        return this;
    }

    S3Xml close(String element) {
        xml.append("</").append(element).append('>');
        return this;
    }

    /** An element with text; skipped when the value is null. */
    S3Xml element(String element, Object value) {
        if (value != null) {
            open(element);
            escape(value.toString());
            close(element);
        }
        return this;
    }

    byte[] toBytes() {
        return xml.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** An S3 error body: Code, Message, the resource, and a request id like every S3 answer. */
    static byte[] error(String code, String message, String resource, String requestId) {
        return document().open("Error")
                .element("Code", code)
                .element("Message", message)
                .element("Resource", resource)
                .element("RequestId", requestId)
                .close("Error")
                .toBytes();
    }

    static String httpDate(Instant instant) {
        return HTTP_DATE.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    static String isoDate(Instant instant) {
        return ISO_MILLIS.format(instant);
    }

    private void escape(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> xml.append("&lt;");
                case '>' -> xml.append("&gt;");
                case '&' -> xml.append("&amp;");
                case '"' -> xml.append("&quot;");
                case '\'' -> xml.append("&apos;");
                default -> {
                    // Control characters cannot appear in XML 1.0 at all; S3 offers encoding-type=url for them.
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                        xml.append("&#").append((int) c).append(';');
                    } else {
                        xml.append(c);
                    }
                }
            }
        }
    }
}
