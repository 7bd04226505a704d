package dev.qmark.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Unnamed parts, as a bounce, a forward-as-attachment and a pasted image send them. */
class PartNamesTest {

    private static List<String> names(String mail) {
        return new MimeParser().parse(mail.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)).attachments()
                .stream().map(InboundMail.Attachment::fileName).toList();
    }

    @Test
    void aDeliveryReportAndTheReturnedMessage() {
        assertEquals(List.of("delivery-status.txt", "Your order 4411.eml"), names("""
                From: MAILER-DAEMON@mx.example.org
                Subject: Undelivered Mail Returned to Sender
                Content-Type: multipart/report; report-type=delivery-status; boundary="b"

                --b
                Content-Type: text/plain

                I'm sorry to have to inform you that your message could not be delivered.
                --b
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.example.org

                Final-Recipient: rfc822; gone@example.org
                Action: failed
                Status: 5.1.1
                --b
                Content-Type: message/rfc822

                From: support@qmark.dev
                Subject: =?UTF-8?Q?Your_order_4411?=

                Hello
                --b--
                """));
    }

    @Test
    void anAttachedMessageIsNamedAfterItsSubjectMadeSafe() {
        assertEquals(List.of("Re FW 배송 문의 - a b c.eml"), names("""
                From: a@example.com
                Content-Type: multipart/mixed; boundary="b"

                --b
                Content-Type: text/plain

                see attached
                --b
                Content-Type: message/rfc822

                Subject: =?UTF-8?B?UmU6IEZXOiDrsLDshqEg66y47J2YIC0gYS9iXGMuLi4=?=

                text
                --b--
                """));
    }

    @Test
    void anAttachedMessageWithoutSubjectIsMessageEml() {
        assertEquals(List.of("message.eml"), names("""
                From: a@example.com
                Content-Type: multipart/mixed; boundary="b"

                --b
                Content-Type: text/plain

                see attached
                --b
                Content-Type: message/rfc822

                From: b@example.com

                text
                --b--
                """));
    }

    @Test
    void inlineImagesAndOtherUnnamedParts() {
        assertEquals(List.of("image.gif", "image.jpg", "image.icon", "attachment.pdf", "attachment.bin", "attachment.ics"),
                names("""
                From: a@example.com
                Content-Type: multipart/related; boundary="b"

                --b
                Content-Type: text/html

                <p>look <img src="cid:1"></p>
                --b
                Content-Type: image/gif
                Content-Disposition: inline
                Content-ID: <1>

                GIF89a
                --b
                Content-Type: image/jpeg

                x
                --b
                Content-Type: image/x-icon

                x
                --b
                Content-Type: application/pdf

                x
                --b
                Content-Type: application/x-unheard-of

                x
                --b
                Content-Type: text/calendar; method=REQUEST
                Content-Disposition: attachment

                BEGIN:VCALENDAR
                --b--
                """));
    }

    @Test
    void aNameTheSenderGaveIsKept() {
        assertEquals(List.of("photo.gif"), names("""
                From: a@example.com
                Content-Type: multipart/mixed; boundary="b"

                --b
                Content-Type: text/plain

                hi
                --b
                Content-Type: image/gif; name="photo.gif"

                x
                --b--
                """));
    }

    @Test
    void subjectsBecomeSafeFileStems() {
        assertEquals("a b c d", PartNames.fileStem(" a/b\\c:\td. "));
        assertEquals("", PartNames.fileStem("..."));
        assertEquals(80, PartNames.fileStem("x".repeat(500)).length());
        String emoji = "a".repeat(79) + "😀";
        assertEquals("a".repeat(79), PartNames.fileStem(emoji));
    }
}
