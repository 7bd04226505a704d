package dev.qmark.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The structure of received mail: parts, attachments, ids, dates, headers. */
class MimeParserTest {

    private final MimeParser parser = new MimeParser();

    private InboundMail parse(String mail) {
        return parser.parse(mail.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void alternativeGivesPlainTextAndHtml() {
        InboundMail mail = parse("""
                Message-ID: <CAF=abc123@mail.gmail.com>
                In-Reply-To: <e9bc@mail.qmark.dev>
                References: <first@mail.qmark.dev>
                 <e9bc@mail.qmark.dev>
                From: "Dana Kim" <Dana.Kim@Example.com>
                To: Qmark <support@qmark.dev>, other@example.com
                Cc: =?UTF-8?B?6rmA64uk64KY?= <CC@example.kr>
                Subject: =?UTF-8?B?UmU6IOuwsOyGoSDrrLjsnZg=?=
                Date: Mon, 23 Nov 2026 19:00:00 +0900 (KST)
                Content-Type: multipart/alternative; boundary="000000000000a1b2c3"

                --000000000000a1b2c3
                Content-Type: text/plain; charset="UTF-8"
                Content-Transfer-Encoding: quoted-printable

                =EB=84=A4 =ED=99=95=EC=9D=B8=ED=96=88=EC=8A=B5=EB=8B=88=EB=8B=A4.

                --000000000000a1b2c3
                Content-Type: text/html; charset="UTF-8"
                Content-Transfer-Encoding: quoted-printable

                <div dir=3D"ltr">=EB=84=A4 =ED=99=95=EC=9D=B8=ED=96=88=EC=8A=B5=EB=8B=88=EB=8B=A4.</div>

                --000000000000a1b2c3--
                """);
        assertEquals("CAF=abc123@mail.gmail.com", mail.messageId());
        assertEquals(List.of("e9bc@mail.qmark.dev"), mail.inReplyTo());
        assertEquals(List.of("first@mail.qmark.dev", "e9bc@mail.qmark.dev"), mail.references());
        assertEquals("dana.kim@example.com", mail.from());
        assertEquals("Dana Kim", mail.fromName());
        assertEquals(List.of("support@qmark.dev", "other@example.com"), mail.to());
        assertEquals(List.of("cc@example.kr"), mail.cc());
        assertEquals("Re: 배송 문의", mail.subject());
        assertEquals(Instant.parse("2026-11-23T10:00:00Z"), mail.date());
        assertEquals("네 확인했습니다.\n", mail.text());
        assertEquals("<div dir=\"ltr\">네 확인했습니다.</div>\r\n", mail.html());
        assertEquals(List.of(), mail.attachments());
        assertEquals("Re: 배송 문의", mail.header("SUBJECT"));
        assertEquals("김다나 <CC@example.kr>", mail.header("cc"));
    }

    @Test
    void sendersAreReadAsMailClientsShowThem() {
        // raw UTF-8 in the header, an unquoted comma and an unterminated quote: Gmail shows "Kim, Minsu"
        InboundMail mail = parse("From: \"Kim, 민수 <Minsu@Example.kr\nSubject: hi\n\nhello\n");
        assertEquals("minsu@example.kr", mail.from());
        assertEquals("Kim, 민수", mail.fromName());
        InboundMail comment = parse("From: minsu@example.kr (Kim, Minsu)\nSubject: hi\n\nhello\n");
        assertEquals("Kim, Minsu", comment.fromName());
        InboundMail nothing = parse("From: Kim, Minsu\nSubject: hi\n\nhello\n");
        assertNull(nothing.from());
    }

    @Test
    void htmlOnlyMailGetsReadableText() {
        InboundMail mail = parse("""
                From: shop@example.com
                Content-Type: text/html; charset=utf-8

                <html><head><style>p{margin:0}</style></head><body><p>Hello&nbsp;Jeff,</p><p>Where is my <b>order</b>?</p></body></html>
                """);
        assertEquals("Hello Jeff,\n\nWhere is my order?", mail.text());
        assertTrue(mail.html().startsWith("<html>"));
    }

    @Test
    void attachmentsAreListedWithDecodedNameTypeAndSize() {
        InboundMail mail = parse("""
                From: dana@example.kr
                Subject: photos
                Content-Type: multipart/mixed; boundary=outer

                preamble is ignored
                --outer
                Content-Type: multipart/related; boundary="inner"

                --inner
                Content-Type: text/html; charset=utf-8

                <p>See the picture <img src="cid:img1"></p>
                --inner
                Content-Type: image/png
                Content-ID: <img1>
                Content-Transfer-Encoding: base64

                iVBORw0KGgo=
                --inner--
                --outer
                Content-Type: application/pdf; name="=?UTF-8?B?6rKs7KCB7IScLnBkZg==?="
                Content-Disposition: attachment;
                 filename*=UTF-8''%EA%B2%AC%EC%A0%81%EC%84%9C.pdf
                Content-Transfer-Encoding: base64

                JVBERi0xLjQK
                --outer
                Content-Type: text/plain; charset=utf-8; name="notes.txt"
                Content-Disposition: inline; filename="C:\\Users\\dana\\notes.txt"

                not the body
                --outer
                Content-Type: message/rfc822

                From: someone@example.com
                Subject: forwarded

                forwarded text is not the body
                --outer--
                epilogue is ignored
                """);
        assertEquals("See the picture", mail.text());
        assertEquals(List.of(
                new InboundMail.Attachment("image.png", "image/png", 8),
                new InboundMail.Attachment("견적서.pdf", "application/pdf", 9),
                new InboundMail.Attachment("notes.txt", "text/plain", 12),
                new InboundMail.Attachment("forwarded.eml", "message/rfc822", 79)), mail.attachments());
    }

    @Test
    void textPartsAroundAnInlineImageAreJoined() {
        InboundMail mail = parse("""
                Content-Type: multipart/mixed; boundary=b

                --b
                Content-Type: text/plain; charset=us-ascii

                before the picture
                --b
                Content-Type: image/jpeg
                Content-Disposition: inline; filename=IMG_0001.jpg

                xyz
                --b
                Content-Type: text/plain; charset=us-ascii

                after the picture
                --b--
                """);
        assertEquals("before the picture\nafter the picture", mail.text());
        assertEquals(List.of(new InboundMail.Attachment("IMG_0001.jpg", "image/jpeg", 3)), mail.attachments());
    }

    @Test
    void formatFlowedIsUnflowed() {
        InboundMail mail = parse("""
                Content-Type: text/plain; charset=utf-8; format=flowed; delsp=no

                The app crashes when I open the \s
                settings page.
                """);
        assertEquals("The app crashes when I open the  settings page.\n", mail.text());
    }

    @Test
    void toleratesMboxLineBareLfAndMissingHeaders() {
        byte[] raw = "From MAILER-DAEMON Mon Nov 23 10:00:00 2026\nSubject: lf only\nFrom: a@example.com\n\nbody line\n"
                .getBytes(StandardCharsets.US_ASCII);
        InboundMail mail = parser.parse(raw);
        assertEquals("lf only", mail.subject());
        assertEquals("a@example.com", mail.from());
        assertEquals("body line\n", mail.text());

        InboundMail noHeaders = parser.parse("just some text\nwithout headers".getBytes(StandardCharsets.US_ASCII));
        assertEquals("just some text\nwithout headers", noHeaders.text());
        assertEquals("", noHeaders.subject());
    }

    @Test
    void aHeaderWithoutTheBlankLineAfterItRunsIntoTheBody() {
        // mime4j alone drops such lines (or, told to start the body there, the line after it)
        InboundMail mail = parse("""
                Subject: no blank line
                Content-Type: multipart/mixed; boundary=b

                --b
                Content-Type: text/plain; charset=utf-8
                first line of the part
                second line
                third line
                --b--
                """);
        assertEquals("no blank line", mail.subject());
        assertEquals("first line of the part\nsecond line\nthird line", mail.text());

        InboundMail top = parse("Subject: x\nnot a field\nmore\n\nbody\n");
        assertEquals("x", top.subject());
        assertEquals("not a field\nmore\n\nbody\n", top.text());
    }

    @Test
    void multipartWhoseBoundaryNeverComesIsReadAsText() {
        InboundMail mail = parse("""
                Content-Type: multipart/mixed; boundary=declared

                --another-one
                hello
                """);
        assertTrue(mail.text().contains("hello"));
    }

    @Test
    void multipartWithoutUsableBoundaryIsReadAsText() {
        InboundMail mail = parse("""
                Content-Type: multipart/mixed

                --nobody-declared-me
                hello
                """);
        assertTrue(mail.text().contains("hello"));
    }

    @Test
    void unreadableHeadersBecomeEmptyNotErrors() {
        InboundMail mail = parse("""
                From: not an address
                To: ;;;,,,<<>>
                Date: yesterday-ish
                Message-ID: no brackets and no at sign
                In-Reply-To: Your message of Monday <abc@x.com>
                References: abc@x.com,def@y.com

                x
                """);
        assertNull(mail.from());
        assertNull(mail.fromName());
        assertEquals(List.of(), mail.to());
        assertNull(mail.date());
        assertNull(mail.messageId());
        assertEquals(List.of("abc@x.com"), mail.inReplyTo());
        assertEquals(List.of("abc@x.com", "def@y.com"), mail.references());
    }

    @Test
    void headersAreLowerCasedUnfoldedDecodedAndOrdered() {
        InboundMail mail = parse("""
                Received: from a by b; Mon, 23 Nov 2026 10:00:01 +0000
                Received: from c
                 by d; Mon, 23 Nov 2026 10:00:00 +0000
                X-Mailer: =?ISO-8859-1?Q?Caf=E9?= Mailer
                X-Evil: a\u0000b

                x
                """);
        assertEquals(List.of("from a by b; Mon, 23 Nov 2026 10:00:01 +0000", "from c by d; Mon, 23 Nov 2026 10:00:00 +0000"),
                mail.headers().get("received"));
        assertEquals("Café Mailer", mail.header("X-Mailer"));
        assertEquals("a b", mail.header("x-evil"));
        assertEquals(List.of("received", "x-mailer", "x-evil"), List.copyOf(mail.headers().keySet()));
    }

    @Test
    void emptyAndNullInputGiveAnEmptyMail() {
        for (byte[] raw : new byte[][] {null, new byte[0], "\r\n\r\n".getBytes(StandardCharsets.US_ASCII)}) {
            InboundMail mail = parser.parse(raw);
            assertEquals("", mail.subject());
            assertTrue(mail.text().isBlank());
            assertNull(mail.html());
            assertEquals(List.of(), mail.to());
            assertEquals(List.of(), mail.attachments());
            assertTrue(mail.headers().isEmpty());
        }
    }
}
