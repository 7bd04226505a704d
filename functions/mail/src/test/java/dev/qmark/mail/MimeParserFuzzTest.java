package dev.qmark.mail;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Garbage and hostile input: the parser must return a well-formed InboundMail for anything, and
 * in bounded time. The timeouts are hang guards, not speed tests.
 */
class MimeParserFuzzTest {

    private static final long SEED = 20261123L;
    private static final int ROUNDS = 4000;
    private static final String[] TOKENS = {
        "\r\n", "\r\n\r\n", "\n", "\r", "--", "--b\r\n", "--b--\r\n", "=?", "?=", "=?utf-8?B?", "=?euc-kr?Q?=B0=A1",
        "=?x?Q?=", "\u001B$B", "\u001B$)C", "Content-Type: multipart/mixed; boundary=b\r\n", "Content-Type: text/html\r\n",
        "Content-Transfer-Encoding: base64\r\n", "Content-Transfer-Encoding: quoted-printable\r\n", "<", ">", "\"",
        "(", ")", "\\", ";", ":", ",", "@", "filename*0*=utf-8''%", "%", "=", "=\r\n", "&#x", "<blockquote>", "<!--",
        "<script>", "<head>", "On Mon, Nov 23, 2026 at 10:00 AM a@b.co wrote:", "\u0000", "\u00FF\u00FE"};

    private final MimeParser parser = new MimeParser();

    @Test
    void randomAndMutatedMailNeverThrowsAndAlwaysReturnsAWellFormedMail() {
        List<byte[]> samples = samples();
        // 4,000 inputs take about 10 s on an idle 2-core machine and timed out at 60 s while other
        // builds shared it: a hang guard, so three minutes (a hang still fails)
        assertTimeoutPreemptively(Duration.ofSeconds(180), () -> {
            Random random = new Random(SEED);
            for (int round = 0; round < ROUNDS; round++) {
                byte[] input = switch (round % 4) {
                    case 0 -> randomBytes(random, random.nextInt(4096));
                    case 1 -> tokenSoup(random);
                    default -> mutate(random, samples.get(random.nextInt(samples.size())));
                };
                InboundMail mail = parser.parse(input);
                assertWellFormed(mail);
                assertNotNull(ReplyText.newText(mail.text()));
            }
        });
    }

    @Test
    void deepMultipartNestingIsCapped() {
        StringBuilder mail = new StringBuilder();
        for (int level = 0; level < 50_000; level++) {
            mail.append("Content-Type: multipart/mixed; boundary=b").append(level).append("\r\n\r\n--b").append(level).append("\r\n");
        }
        mail.append("Content-Type: text/plain\r\n\r\ndeepest\r\n");
        assertParsesInTime(mail.toString().getBytes(StandardCharsets.US_ASCII));

        String sameBoundary = "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n".repeat(50_000);
        assertParsesInTime(sameBoundary.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void hugeNumbersOfPartsAndHeadersAreCapped() {
        String parts = "Content-Type: multipart/mixed; boundary=b\r\n\r\n" + "--b\r\nContent-Type: image/png; name=a.png\r\n\r\nx\r\n".repeat(300_000);
        InboundMail mail = assertParsesInTime(parts.getBytes(StandardCharsets.US_ASCII));
        assertTrue(mail.attachments().size() <= MimeParser.MAX_ENTITIES);

        String headers = "X-A: =?utf-8?B?7JWI?= <a@b.co>, (c\r\n".repeat(500_000) + "\r\nbody";
        InboundMail many = assertParsesInTime(headers.getBytes(StandardCharsets.US_ASCII));
        assertTrue(many.headers().get("x-a").size() <= HeaderFields.MAX_FIELDS);
    }

    @Test
    void giantHeadersAndBodiesAreBounded() {
        String giantSubject = "Subject: " + "=?utf-8?B?7JWI?= ".repeat(1_000_000) + "\r\nTo: " + "a@b.co, \"x\\".repeat(1_000_000) + "\r\n\r\nbody";
        InboundMail mail = assertParsesInTime(giantSubject.getBytes(StandardCharsets.US_ASCII));
        assertTrue(mail.subject().length() <= HeaderFields.MAX_VALUE_CHARS);

        byte[] longLine = new byte[20_000_000];
        java.util.Arrays.fill(longLine, (byte) '-');
        assertParsesInTime(longLine);

        String html = "Content-Type: text/html\r\n\r\n" + "<blockquote><p><li>&#x41;<br>".repeat(400_000);
        assertFalse(assertParsesInTime(html.getBytes(StandardCharsets.US_ASCII)).text().isEmpty());

        String base64 = "Content-Type: text/plain; charset=euc-kr\r\nContent-Transfer-Encoding: base64\r\n\r\n" + "sei02bOq!@#\r\n".repeat(1_000_000);
        assertTrue(assertParsesInTime(base64.getBytes(StandardCharsets.US_ASCII)).text().startsWith("김다나"));
    }

    private InboundMail assertParsesInTime(byte[] raw) {
        InboundMail mail = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> parser.parse(raw));
        assertWellFormed(mail);
        return mail;
    }

    private static void assertWellFormed(InboundMail mail) {
        assertNotNull(mail);
        assertNotNull(mail.subject());
        assertNotNull(mail.text());
        assertNotNull(mail.inReplyTo());
        assertNotNull(mail.references());
        assertNotNull(mail.to());
        assertNotNull(mail.cc());
        assertNotNull(mail.attachments());
        assertNotNull(mail.headers());
        for (Map.Entry<String, List<String>> header : mail.headers().entrySet()) {
            assertTrue(header.getKey().equals(header.getKey().toLowerCase(java.util.Locale.ROOT)));
            header.getValue().forEach(value -> assertFalse(value.contains("\r") || value.contains("\n")));
        }
        if (mail.from() != null) {
            assertTrue(EmailAddress.isValid(mail.from()));
        }
        mail.to().forEach(a -> assertTrue(EmailAddress.isValid(a)));
        mail.attachments().forEach(a -> assertTrue(a.size() >= 0));
        if (mail.messageId() != null) {
            assertFalse(mail.messageId().contains("<") || mail.messageId().isBlank());
        }
    }

    /** Well-formed mails to mutate: composed ones and a hand-written multipart with attachments. */
    private static List<byte[]> samples() {
        MimeComposer composer = new MimeComposer();
        byte[] composed = composer.compose(new OutgoingMail("support@qmark.dev", "Qmark 고객지원", List.of("dana@example.kr"),
                List.of("cc@example.kr"), List.of(), "배송 문의 답변", "안녕하세요\n> 인용\n", "<p>안녕하세요</p><blockquote>인용</blockquote>",
                Map.of("In-Reply-To", "<a@b.co>")), "mail.qmark.dev", Instant.parse("2026-11-23T10:00:00Z")).mime();
        byte[] textOnly = composer.compose(new OutgoingMail("support@qmark.dev", null, List.of("taro@example.jp"), null, null,
                "ご注文", "山田様\nありがとうございます。", null, null), "mail.qmark.dev", Instant.EPOCH).mime();
        String handWritten = """
                From: =?ISO-2022-JP?B?GyRCOzNFRBsoQg==?= <taro@example.jp>
                Subject: =?Shift_JIS?B?g2WDWINn?=
                Content-Type: multipart/mixed; boundary="b"

                --b
                Content-Type: text/plain; charset=euc-kr; format=flowed
                Content-Transfer-Encoding: quoted-printable

                =B1=E8=B4=D9=B3=AA\s
                line
                --b
                Content-Type: application/pdf; name*0*=UTF-8''%EA%B2; name*1*=%AC.pdf
                Content-Disposition: attachment
                Content-Transfer-Encoding: base64

                JVBERi0xLjQK
                --b--
                """.replace("\n", "\r\n");
        return List.of(composed, textOnly, handWritten.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] tokenSoup(Random random) {
        StringBuilder soup = new StringBuilder();
        int tokens = random.nextInt(300);
        for (int i = 0; i < tokens; i++) {
            soup.append(random.nextInt(3) == 0 ? "Subject: x" : TOKENS[random.nextInt(TOKENS.length)]);
        }
        return soup.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Flips, inserts, deletes, duplicates and truncates at random places. */
    private static byte[] mutate(Random random, byte[] sample) {
        byte[] bytes = sample.clone();
        int mutations = 1 + random.nextInt(12);
        for (int m = 0; m < mutations && bytes.length > 0; m++) {
            int at = random.nextInt(bytes.length);
            switch (random.nextInt(5)) {
                case 0 -> bytes[at] = (byte) random.nextInt(256);
                case 1 -> bytes = splice(bytes, at, at, TOKENS[random.nextInt(TOKENS.length)].getBytes(StandardCharsets.ISO_8859_1));
                case 2 -> bytes = splice(bytes, at, Math.min(bytes.length, at + random.nextInt(64)), new byte[0]);
                case 3 -> bytes = splice(bytes, at, at, java.util.Arrays.copyOfRange(bytes, at, Math.min(bytes.length, at + random.nextInt(200))));
                default -> bytes = java.util.Arrays.copyOf(bytes, at);
            }
        }
        return bytes;
    }

    private static byte[] splice(byte[] bytes, int from, int to, byte[] insert) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + insert.length);
        out.write(bytes, 0, from);
        out.writeBytes(insert);
        out.write(bytes, to, bytes.length - to);
        return out.toByteArray();
    }
}
