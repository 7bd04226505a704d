package dev.qmark.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qmark.local.pages.MailboxPage;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The local routes that change something — the clock, a sweep, answering a mail — cannot be
 * driven by another web page the developer has open, and the clock refuses absurd jumps; the
 * mailbox page's own form (same origin) and curl (no origin at all) still work.
 */
class LocalConsoleGuardsTest {

    static LocalSystem system;
    static LocalHttp http;
    static String own;

    @BeforeAll
    static void start() {
        system = LocalSystem.start(new LocalOptions(0, 0, LocalHttp.repositoryRoot().resolve("config/qmark.yaml"), null, null));
        http = new LocalHttp(system.httpPort());
        own = "http://127.0.0.1:" + system.httpPort();
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Test
    void theClockRefusesJumpsBeyondAYearAndBackwards() {
        String before = offset();
        for (String advance : new String[] {"P367D", "PT8785H", "P99999D", "PT2562047788015215H", "-PT1H", "PT-1S"}) {
            HttpResponse<String> refused = http.post("/_local/clock", "application/json", "{\"advance\":\"" + advance + "\"}");
            assertEquals(400, refused.statusCode(), advance + ": " + refused.body());
            assertTrue(http.json(refused).path("error").asText().contains("advance") || refused.body().contains("PT5H"),
                    refused.body());
        }
        assertTrue(http.json(http.post("/_local/clock", "application/json", "{\"advance\":\"P367D\"}"))
                .path("error").asText().contains("366 days"));
        assertEquals(before, offset(), "nothing moved");
        assertEquals(200, http.post("/_local/clock", "application/json", "{\"advance\":\"P366D\"}").statusCode(),
                "a leap year is allowed");
        assertEquals(200, http.post("/_local/clock", "application/json", "{\"advance\":\"PT0S\"}").statusCode());
    }

    @Test
    void anotherOriginCannotMoveTheClockSweepOrAnswer() {
        String before = offset();
        String[][] crossOrigin = {
                {"Origin", "http://evil.example"},
                {"Origin", "null"},
                {"Origin", "http://127.0.0.1:" + (system.httpPort() + 1)},
                {"Origin", "http://evil.example:" + system.httpPort()}, // a DNS-rebinding page: same port, its own name
                {"Sec-Fetch-Site", "cross-site"},
                {"Sec-Fetch-Site", "same-site"},
        };
        for (String[] header : crossOrigin) {
            HttpResponse<String> clock = http.post("/_local/clock", "text/plain", "{\"advance\":\"PT5H\"}", header[0], header[1]);
            assertEquals(403, clock.statusCode(), header[0] + ": " + header[1]);
            assertTrue(http.json(clock).path("error").asText().contains("cross-origin"), clock.body());
            assertEquals(403, http.post("/_local/sweep", "text/plain", "", header[0], header[1]).statusCode());
            assertEquals(403, http.post(MailboxPage.REPLY_PATH, "application/x-www-form-urlencoded",
                    "messageId=x&from=dana%40example.com&text=hi", header[0], header[1]).statusCode());
        }
        assertEquals(before, offset(), "the clock did not move");

        // the server's own pages (as the browser describes them) and curl (no Origin at all) are served
        assertEquals(200, http.post("/_local/clock", "application/json", "{\"advance\":\"PT1S\"}",
                "Origin", own, "Sec-Fetch-Site", "same-origin").statusCode());
        assertEquals(200, http.post("/_local/clock", "application/json", "{\"advance\":\"PT1S\"}",
                "Origin", "http://localhost:" + system.httpPort()).statusCode());
        assertEquals(200, http.post("/_local/sweep", "text/plain", "").statusCode());
        assertEquals(200, http.post("/_local/clock", "application/json", "{\"advance\":\"PT1S\"}",
                "Sec-Fetch-Site", "none").statusCode(), "an address typed by hand");
    }

    @Test
    void theMailboxPagesOwnFormStillAnswers() {
        String subject = "Lid broken " + System.nanoTime();
        http.post("/feedback", "application/json", "{\"name\":\"Minsu\",\"email\":\"minsu@example.org\",\"subject\":\""
                + subject + "\",\"message\":\"The lid of the box was broken on arrival.\"}");
        JsonNode question = http.awaitMail("olivia@example.com", "? " + subject);
        String form = "messageId=" + URLEncoder.encode(question.path("messageId").asText(), StandardCharsets.UTF_8)
                + "&from=olivia%40example.com&text=" + URLEncoder.encode("Sending a new one today.", StandardCharsets.UTF_8);

        HttpResponse<String> refused = http.post(MailboxPage.REPLY_PATH, "application/x-www-form-urlencoded", form,
                "Origin", "http://evil.example", "Sec-Fetch-Site", "cross-site");
        assertEquals(403, refused.statusCode());

        HttpResponse<String> sent = http.post(MailboxPage.REPLY_PATH, "application/x-www-form-urlencoded", form,
                "Origin", own, "Sec-Fetch-Site", "same-origin");
        assertEquals(303, sent.statusCode(), sent.body());
        assertTrue(sent.headers().firstValue("location").orElse("").contains("Reply+sent"), sent.headers().map().toString());
        http.awaitMail("jeff@example.com", "Answered: " + subject);
    }

    private static String offset() {
        return http.json(http.get("/_local/clock")).path("offset").asText();
    }
}
