package dev.qmark.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qmark.local.pages.MailboxPage;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /_local/mail} over HTTP on the running local system: a web-form customer's mailbox is
 * there next to the staff's, holds their acknowledgement, and answering it as the customer sends a
 * reply over the local SMTP port that joins the customer's item (its reference, In-Reply-To); and
 * the founder's "?" to an "Answered" mail, written on the page, asks the owner again.
 */
class LocalMailboxesTest {

    static LocalSystem system;
    static LocalHttp http;
    static String own;

    @BeforeAll
    static void start() {
        system = LocalSystem.start(new LocalOptions(0, 0, LocalHttp.repositoryRoot().resolve("config/qmark.yaml"), null,
                null));
        http = new LocalHttp(system.httpPort());
        own = "http://127.0.0.1:" + system.httpPort();
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Test
    void aFormCustomersMailboxShowsTheAcknowledgementAndAnswersAsTheCustomer() {
        String customer = "minsu+" + System.nanoTime() + "@example.org";
        HttpResponse<String> posted = http.post("/feedback", "application/json",
                "{\"name\":\"Minsu Kim\",\"email\":\"" + customer + "\",\"subject\":\"My delivery is late\","
                        + "\"message\":\"Ordered Monday, still nothing.\",\"rating\":2,\"lang\":\"en\"}");
        assertEquals(202, posted.statusCode(), posted.body());
        String id = http.json(posted).path("id").asText();
        JsonNode ack = http.awaitMail(customer, "We received your message [Q-" + id + "]");
        http.awaitMail("dana@example.com", "? My delivery is late");

        String all = http.get(MailboxPage.PATH).body();
        String box = MailboxPage.PATH + "?mailbox=" + URLEncoder.encode(customer, StandardCharsets.UTF_8);
        assertTrue(all.contains("href=\"" + box.replace("&", "&amp;") + "\""), "the customer's mailbox is listed");
        assertTrue(all.contains(customer + " (1)<span class=\"kind\">customer</span>"), all);
        assertTrue(all.contains("dana@example.com ("), all);
        assertTrue(all.contains("<span class=\"kind\">staff</span>"), all);

        HttpResponse<String> mailbox = http.get(box);
        assertEquals(200, mailbox.statusCode());
        String page = mailbox.body();
        assertTrue(page.contains("We received your message [Q-" + id + "]"), page);
        assertFalse(page.contains("? My delivery is late"), "only the customer's own mail in their mailbox");
        assertTrue(page.contains("name=\"from\" value=\"" + customer + "\""), "answered as the customer");

        HttpResponse<String> replied = http.post(MailboxPage.REPLY_PATH, "application/x-www-form-urlencoded",
                "messageId=" + URLEncoder.encode(ack.path("messageId").asText(), StandardCharsets.UTF_8)
                        + "&from=" + URLEncoder.encode(customer, StandardCharsets.UTF_8)
                        + "&text=" + URLEncoder.encode("Also, the box it came in was crushed.", StandardCharsets.UTF_8),
                "Origin", own, "Sec-Fetch-Site", "same-origin");
        assertEquals(303, replied.statusCode(), replied.body());
        String location = replied.headers().firstValue("Location").orElseThrow();
        assertTrue(location.contains("mailbox=" + URLEncoder.encode(customer, StandardCharsets.UTF_8)), location);

        LocalHttp.await("the customer's reply on the item's timeline", () -> {
            JsonNode item = http.json(http.get("/feedback/" + id));
            return item.path("timeline").toString().contains("customer-mail") ? Optional.of(item) : Optional.empty();
        });
    }

    @Test
    void theFounderSendsAnAnswerBackFromTheMailboxAndTheOwnerIsAskedAgain() {
        String customer = "bora+" + System.nanoTime() + "@example.org";
        String subject = "Parcel damaged " + System.nanoTime();
        HttpResponse<String> posted = http.post("/feedback", "application/json", "{\"name\":\"Bora\",\"email\":\""
                + customer + "\",\"subject\":\"" + subject + "\",\"message\":\"The box arrived late and crushed.\"}");
        assertEquals(202, posted.statusCode(), posted.body());
        String id = http.json(posted).path("id").asText();
        JsonNode question = http.awaitMail("dana@example.com", "? " + subject);
        reply(question, "dana@example.com", "We packed it badly; a new one left today.");
        JsonNode answered = http.awaitMail("jeff@example.com", "Answered: " + subject);
        assertEquals(question.path("replyTo").get(0).asText(), answered.path("replyTo").get(0).asText());

        reply(answered, "jeff@example.com", "?\nWhy was it packed badly, and what changes in packing?");

        JsonNode again = LocalHttp.await("the second \"?\" to Dana", () -> {
            for (JsonNode mail : http.outbox()) {
                if (mail.path("subject").asText().equals("? " + subject)
                        && mail.path("text").asText().contains("Not good enough yet")) {
                    return Optional.of(mail);
                }
            }
            return Optional.empty();
        });
        assertTrue(again.path("text").asText().contains("> Why was it packed badly, and what changes in packing?"));
        JsonNode item = http.json(http.get("/feedback/" + id));
        assertEquals("asked", item.path("status").asText());
        assertEquals(2, item.path("escalations").get(1).path("step").asInt(), item.toString());
        assertEquals("open", item.path("escalations").get(1).path("status").asText());
    }

    private void reply(JsonNode mail, String from, String text) {
        HttpResponse<String> replied = http.post(MailboxPage.REPLY_PATH, "application/x-www-form-urlencoded",
                "messageId=" + URLEncoder.encode(mail.path("messageId").asText(), StandardCharsets.UTF_8)
                        + "&from=" + URLEncoder.encode(from, StandardCharsets.UTF_8)
                        + "&text=" + URLEncoder.encode(text, StandardCharsets.UTF_8),
                "Origin", own, "Sec-Fetch-Site", "same-origin");
        assertEquals(303, replied.statusCode(), replied.body());
    }

    @Test
    void anotherOriginCannotAnswerAsTheCustomer() {
        HttpResponse<String> refused = http.post(MailboxPage.REPLY_PATH, "application/x-www-form-urlencoded",
                "messageId=x&from=minsu%40example.org&text=hi", "Origin", "http://evil.example");
        assertEquals(403, refused.statusCode());
    }
}
