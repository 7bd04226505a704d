package dev.qmark.core.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qmark.mail.MimeParser;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AutomaticMailTest {

    private static Optional<String> reason(String headers) {
        String raw = headers + "Subject: Re: ? late\r\n\r\nbody\r\n";
        return AutomaticMail.reason(new MimeParser().parse(raw.getBytes(StandardCharsets.UTF_8)), "qmark@example.com");
    }

    @Test
    void aPersonsReplyIsNotAutomatic() {
        assertEquals(Optional.empty(), reason("From: Dana <dana@example.com>\r\nAuto-Submitted: no\r\n"));
        assertEquals(Optional.empty(), reason("From: Dana <dana@example.com>\r\n"));
    }

    @Test
    void robotsAreRecognised() {
        assertTrue(reason("From: dana@example.com\r\nAuto-Submitted: auto-replied\r\n").orElseThrow().contains("auto-replied"));
        assertTrue(reason("From: dana@example.com\r\nPrecedence: bulk\r\n").isPresent());
        assertTrue(reason("From: dana@example.com\r\nPrecedence: list\r\n").isPresent());
        assertTrue(reason("From: dana@example.com\r\nX-Autoreply: yes\r\n").isPresent());
        assertTrue(reason("From: dana@example.com\r\nX-Auto-Response-Suppress: All\r\n").isPresent());
        assertTrue(reason("From: MAILER-DAEMON@mx.example.com\r\n").isPresent());
        assertTrue(reason("From: postmaster@example.com\r\n").isPresent());
        assertTrue(reason("From: Qmark <QMARK@example.com>\r\n").orElseThrow().contains("own"));
        assertTrue(reason("From: dana@example.com\r\nContent-Type: multipart/report; report-type=delivery-status; boundary=x\r\n")
                .isPresent());
    }
}
