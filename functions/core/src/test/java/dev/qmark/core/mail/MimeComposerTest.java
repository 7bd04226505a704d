package dev.qmark.core.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MimeComposerTest {

    private static final Instant DATE = Instant.parse("2026-11-23T10:00:00Z");
    private final MimeComposer composer = new MimeComposer();
    private final MimeParser parser = new MimeParser();

    private static OutgoingMail mail(String fromName, List<String> to, String subject, String text, String html,
                                     Map<String, String> headers) {
        return new OutgoingMail("support@qmark.dev", fromName, to, List.of("CC@Example.kr"), List.of("reply+t42@qmark.dev"),
                subject, text, html, headers);
    }

    private static OutgoingMail simple(String subject) {
        return mail("Jeff (via Qmark)", List.of("dana@example.kr"), subject, "text", null, Map.of());
    }

    private ComposedMail compose(OutgoingMail mail) {
        return composer.compose(mail, "mail.qmark.dev", DATE);
    }

    @Test
    void koreanHtmlAndTextMailRoundTripsThroughTheParser() {
        String text = "김다나 고객님, 안녕하세요.\n교환 제품을 오늘 발송했습니다.\n\nQmark 고객지원";
        String html = "<p>김다나 고객님, 안녕하세요.</p><p>교환 제품을 <b>오늘</b> 발송했습니다.</p>";
        ComposedMail composed = compose(mail("제프 (via Qmark)", List.of("Dana@Example.kr", "second@example.com"),
                "Re: [Qmark] 배송 문의 — 교환 안내 ✓", text, html,
                Map.of("In-Reply-To", "<CAF=abc@mail.gmail.com>", "References", "<first@mail.qmark.dev> <CAF=abc@mail.gmail.com>")));

        InboundMail parsed = parser.parse(composed.mime());
        assertEquals(composed.messageId(), parsed.messageId());
        assertEquals("support@qmark.dev", parsed.from());
        assertEquals("제프 (via Qmark)", parsed.fromName());
        assertEquals(List.of("dana@example.kr", "second@example.com"), parsed.to());
        assertEquals(List.of("cc@example.kr"), parsed.cc());
        assertEquals("reply+t42@qmark.dev", parsed.header("reply-to"));
        assertEquals("Re: [Qmark] 배송 문의 — 교환 안내 ✓", parsed.subject());
        assertEquals(DATE, parsed.date());
        assertEquals(text, parsed.text());
        assertEquals(html, parsed.html());
        assertEquals(List.of("CAF=abc@mail.gmail.com"), parsed.inReplyTo());
        assertEquals(List.of("first@mail.qmark.dev", "CAF=abc@mail.gmail.com"), parsed.references());
        assertEquals("auto-generated", parsed.header("auto-submitted"));
        assertEquals("1.0", parsed.header("mime-version"));
        assertTrue(parsed.header("content-type").startsWith("multipart/alternative"));
        assertEquals("Mon, 23 Nov 2026 10:00:00 +0000", parsed.header("date"));
        assertSevenBitWithShortLines(composed.mime());
    }

    @Test
    void textOnlyMailIsASingleTextPart() {
        ComposedMail composed = compose(simple("Your order"));
        InboundMail parsed = parser.parse(composed.mime());
        assertTrue(parsed.header("content-type").startsWith("text/plain; charset=UTF-8"), parsed.header("content-type"));
        assertEquals("7bit", parsed.header("content-transfer-encoding"));
        assertNull(parsed.html());
        assertEquals("text", parsed.text());
        assertEquals("Jeff (via Qmark)", parsed.fromName());
        assertTrue(new String(composed.mime(), StandardCharsets.US_ASCII).contains("From: \"Jeff (via Qmark)\" <support@qmark.dev>"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Jeff \"the fixer\" \\ Kim", "Kim, Dana <boss@example.com>", "x", "김다나 (Qmark 고객지원팀) 🙂"})
    void awkwardDisplayNamesRoundTrip(String name) {
        InboundMail parsed = parser.parse(compose(mail(name, List.of("dana@example.kr"), "s", "t", null, Map.of())).mime());
        assertEquals(name, parsed.fromName());
        assertEquals("support@qmark.dev", parsed.from());
    }

    @Test
    void hugeDisplayNamesStillGiveShortLines() {
        for (String name : List.of("x".repeat(3000), "다".repeat(3000), "a b ".repeat(1000))) {
            ComposedMail composed = compose(mail(name, List.of("dana@example.kr"), "s", "t", null, Map.of()));
            assertSevenBitWithShortLines(composed.mime());
            InboundMail parsed = parser.parse(composed.mime());
            assertEquals("support@qmark.dev", parsed.from());
            assertEquals(name.substring(0, MimeComposer.MAX_NAME_LENGTH).strip(), parsed.fromName());
        }
    }

    @Test
    void messageIdIsFreshRandomAndInTheGivenDomain() {
        ComposedMail first = compose(simple("a"));
        ComposedMail second = compose(simple("a"));
        assertNotEquals(first.messageId(), second.messageId());
        assertTrue(first.messageId().matches("[0-9a-f]{32}@mail\\.qmark\\.dev"), first.messageId());
        assertTrue(new String(first.mime(), StandardCharsets.US_ASCII).contains("Message-ID: <" + first.messageId() + ">\r\n"));
        assertThrows(IllegalArgumentException.class, () -> composer.compose(simple("a"), "bad domain>\r\nBcc: x", DATE));
        assertThrows(IllegalArgumentException.class, () -> composer.compose(simple("a"), null, DATE));
    }

    @Test
    void injectionInSubjectNameOrHeaderValueCannotAddAHeader() {
        String injection = "hi\r\nBcc: evil@x.com\r\n\r\nfake body";
        ComposedMail composed = compose(mail("Jeff\r\nBcc: evil@x.com", List.of("dana@example.kr"), injection, "text", null,
                Map.of("X-Qmark-Thread", "t1\nBcc: evil@x.com", "X-Unicode", "a\u2028b\u0085c")));
        InboundMail parsed = parser.parse(composed.mime());
        assertFalse(parsed.headers().containsKey("bcc"), parsed.headers().toString());
        assertEquals("hi  Bcc: evil@x.com    fake body", parsed.subject());
        assertEquals("Jeff Bcc: evil@x.com", parsed.fromName()); // display names are whitespace-collapsed
        assertEquals("t1 Bcc: evil@x.com", parsed.header("x-qmark-thread"));
        assertEquals("a b c", parsed.header("x-unicode"));
        assertEquals("text", parsed.text());
        String raw = new String(composed.mime(), StandardCharsets.US_ASCII);
        assertFalse(raw.contains("\nBcc:"), raw);
        assertSevenBitWithShortLines(composed.mime());
    }

    /**
     * A customer's subject (or name) that looks like an RFC 2047 encoded word hides CR/LF and a
     * header in its encoded part. It must reach the reader as the literal text the customer typed:
     * decoded by our parser and by Jakarta Mail's (as a mail client would), never into a line break.
     */
    @Test
    void textThatLooksLikeAnEncodedWordIsSentAsLiteralText() throws Exception {
        String hidden = "hi\r\nBcc: evil@x.com\r\nX-Fake: 1";
        String b = "=?UTF-8?B?" + java.util.Base64.getEncoder().encodeToString(hidden.getBytes(StandardCharsets.UTF_8)) + "?=";
        String q = "=?utf-8?q?hi=0D=0ABcc:_evil@x.com?=";
        for (String subject : List.of("? " + b, b, "? Re: " + q + " ok", "? 배송 " + b + " 늦어요", "? a =? b ?= c",
                "? " + (b + " ").repeat(6))) { // long: several encoded words, folded
            String name = "Minsu " + b;
            ComposedMail composed = compose(mail(name, List.of("dana@example.kr"), subject, "text", null, Map.of()));

            InboundMail parsed = parser.parse(composed.mime());
            assertEquals(subject.strip(), parsed.subject().strip(), "our parser");
            assertEquals(name, parsed.fromName(), "our parser");

            jakarta.mail.internet.MimeMessage read = new jakarta.mail.internet.MimeMessage(
                    jakarta.mail.Session.getInstance(new java.util.Properties()), new java.io.ByteArrayInputStream(composed.mime()));
            String raw = read.getHeader("Subject", null);
            String decoded = jakarta.mail.internet.MimeUtility.decodeText(jakarta.mail.internet.MimeUtility.unfold(raw));
            assertEquals(subject.strip(), decoded.strip(), "Jakarta Mail's decoder, raw: " + raw);
            assertFalse(decoded.contains("\r") || decoded.contains("\n"), decoded);
            ("Subject: " + raw).lines().forEach(line -> assertTrue(line.length() <= 78, "folded under 78: " + line));
            assertEquals(name, ((jakarta.mail.internet.InternetAddress) read.getFrom()[0]).getPersonal());
            assertFalse(parsed.headers().containsKey("bcc") || parsed.headers().containsKey("x-fake"));
            assertSevenBitWithShortLines(composed.mime());
        }
        // plain ASCII without "=?" stays readable on the wire
        String plain = new String(compose(simple("? My delivery is late")).mime(), StandardCharsets.US_ASCII);
        assertTrue(plain.contains("\r\nSubject: ? My delivery is late\r\n"), plain);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-an-address", "dana@example.kr\r\nBcc: evil@x.com", "Dana <dana@example.kr>",
            "dana@example.kr, evil@x.com", ""})
    void invalidAddressesAreRejected(String address) {
        assertThrows(IllegalArgumentException.class,
                () -> compose(mail(null, List.of(address), "s", "t", null, Map.of())));
        assertThrows(IllegalArgumentException.class, () -> compose(new OutgoingMail(address, null,
                List.of("dana@example.kr"), null, null, "s", "t", null, null)));
        assertThrows(IllegalArgumentException.class, () -> compose(new OutgoingMail("support@qmark.dev", null,
                List.of("dana@example.kr"), List.of(address), null, "s", "t", null, null)));
        assertThrows(IllegalArgumentException.class, () -> compose(new OutgoingMail("support@qmark.dev", null,
                List.of("dana@example.kr"), null, List.of(address), "s", "t", null, null)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"X Bad", "X-Bad:", "X-\r\nBcc", "", "X-Ünicode", "Bcc", "FROM", "content-type", "Message-ID",
            "Subject", "Date"})
    void extraHeaderNamesMustBeFieldNamesTheComposerDoesNotOwn(String name) {
        assertThrows(IllegalArgumentException.class,
                () -> compose(mail(null, List.of("dana@example.kr"), "s", "t", null, Map.of(name, "v"))));
    }

    @Test
    void autoSubmittedIsAlwaysThereAndMayOnlySayWhichKindOfRobot() {
        InboundMail replied = parser.parse(compose(mail(null, List.of("dana@example.kr"), "s", "t", null,
                Map.of("Auto-Submitted", "auto-replied"))).mime());
        assertEquals(List.of("auto-replied"), replied.headers().get("auto-submitted"));
        assertThrows(IllegalArgumentException.class, () -> compose(mail(null, List.of("dana@example.kr"), "s", "t", null,
                Map.of("Auto-Submitted", "no"))));
    }

    @Test
    void longSubjectsAndHeaderValuesAreFoldedAndUnfoldedBack() {
        String subject = "주문 ".repeat(120) + "end";
        String references = String.join(" ", java.util.Collections.nCopies(30, "<0123456789abcdef@mail.qmark.dev>"));
        ComposedMail composed = compose(mail(null, List.of("dana@example.kr"), subject, "t", null, Map.of("References", references)));
        InboundMail parsed = parser.parse(composed.mime());
        assertEquals(subject, parsed.subject());
        assertEquals(30, parsed.references().size());
        assertSevenBitWithShortLines(composed.mime());
        assertThrows(IllegalArgumentException.class, () -> compose(mail(null, List.of("dana@example.kr"), "s", "t", null,
                Map.of("X-Long", "x".repeat(2000)))));

        ComposedMail unfoldable = compose(mail(null, List.of("dana@example.kr"), "x".repeat(5000), "t", null, Map.of()));
        assertSevenBitWithShortLines(unfoldable.mime());
        assertEquals("x".repeat(MimeComposer.MAX_SUBJECT_LENGTH), parser.parse(unfoldable.mime()).subject());
    }

    @Test
    void lineEndsAreCrlfInEveryEncoding() {
        String mixed = "line1\nline2\r\nline3\rline4";
        ComposedMail composed = compose(mail(null, List.of("dana@example.kr"), "s", mixed, "<p>a\nb</p>", Map.of()));
        assertSevenBitWithShortLines(composed.mime());
        InboundMail parsed = parser.parse(composed.mime());
        assertEquals("line1\nline2\nline3\nline4", parsed.text());
        assertEquals("<p>a\r\nb</p>", parsed.html());
    }

    @Test
    void nonAsciiBodiesAreTransferEncoded() {
        String raw = new String(compose(mail(null, List.of("dana@example.kr"), "s", "안녕하세요 ".repeat(50), null, Map.of())).mime(),
                StandardCharsets.US_ASCII);
        assertTrue(raw.contains("Content-Transfer-Encoding: base64") || raw.contains("Content-Transfer-Encoding: quoted-printable"));
        String mostlyAscii = new String(compose(mail(null, List.of("dana@example.kr"), "s", "Hello Dana, your café order", null,
                Map.of())).mime(), StandardCharsets.US_ASCII);
        assertTrue(mostlyAscii.contains("Content-Transfer-Encoding: quoted-printable"), mostlyAscii);
    }

    /** What SMTP needs: 7-bit bytes, CRLF line ends, no line over 998 characters. */
    private static void assertSevenBitWithShortLines(byte[] mime) {
        for (byte b : mime) {
            assertTrue(b >= 0, "8-bit byte in composed mail");
        }
        String text = new String(mime, StandardCharsets.US_ASCII);
        assertFalse(text.replace("\r\n", "").contains("\n") || text.replace("\r\n", "").contains("\r"), "bare CR or LF");
        text.lines().forEach(line -> assertTrue(line.length() <= 998, "line too long"));
    }
}
