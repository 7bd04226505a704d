package dev.qmark.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The loop closes at the customer (issue 9), through the running local system: form post, the
 * "?" with its two ways to answer, the owner writing to customer+token@, the customer's personal
 * mail from the company with nothing internal in it, the customer's reply reaching the owner, a
 * thanks-only reply that asks nobody, the rating page (GET shows, only POST records), a rating
 * of 1 asking the founder at once, and the founder sending Dana's internal answer back with "?":
 * Dana asked again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomerLoopEndToEndTest {

    private static final Pattern RATE_1 = Pattern.compile("1: http://127\\.0\\.0\\.1:\\d+(/rate/[^\\s?]+\\?score=1)");

    LocalSystem system;
    LocalHttp http;

    @BeforeAll
    void start() {
        system = LocalSystem.start(new LocalOptions(0, 0, LocalHttp.repositoryRoot().resolve("config/qmark.yaml"),
                null, LocalOptions.EVERY_MINUTE, null));
        http = new LocalHttp(system.httpPort());
    }

    @AfterAll
    void stop() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void formToQuestionToLetterToReplyToRatingToFounder() throws Exception {
        String customer = "minsu+" + System.nanoTime() + "@example.org";
        String subject = "My delivery is late " + System.nanoTime();
        HttpResponse<String> posted = http.post("/feedback", "application/json",
                "{\"name\":\"Minsu Kim\",\"email\":\"" + customer + "\",\"subject\":\"" + subject + "\","
                        + "\"message\":\"Ordered Monday, still nothing. Where is my parcel?\",\"rating\":3}");
        assertEquals(202, posted.statusCode(), posted.body());
        String id = http.json(posted).path("id").asText();

        // the "?" offers both ways and says which is which
        JsonNode question = http.awaitMail("dana@example.com", "? " + subject);
        String questionText = question.path("text").asText().replace("\r\n", "\n");
        Matcher address = Pattern.compile("Write to Minsu Kim: (customer\\+" + id + "-1-[a-z2-7]{16}@feedback\\.example\\.com)")
                .matcher(questionText);
        assertTrue(address.find(), questionText);
        String customerAddress = address.group(1);
        assertTrue(questionText.contains("Reply to this mail: internal"), questionText);
        assertTrue(question.path("html").asText().contains("href=\"mailto:" + customerAddress + "\""));

        // Dana writes to the customer from Gmail, the "?" quoted below her text
        sendMail("dana@example.com", customerAddress, "Re: ? " + subject, """
                Hi Minsu, the courier lost your parcel in Incheon. A new one left this morning by express
                and arrives tomorrow; from now on every parcel is tracked before it leaves us.

                Dana

                On Mon, 23 Nov 2026 at 10:00, Jeff (via Qmark) <qmark@example.com> wrote:
                > ?
                >
                > Ordered Monday, still nothing. Where is my parcel?
                >
                > Answer by: Mon 23 Nov 2026, 14:00 (Asia/Seoul) (within 4 hours)
                """);

        JsonNode letter = http.awaitMail(customer, "Re: " + subject);
        String text = letter.path("text").asText().replace("\r\n", "\n");
        String from = letter.path("headers").path("from").asText();
        System.out.println("---- the mail the customer got ----\nFrom: " + from
                + "\nSubject: " + letter.path("subject").asText() + "\n\n" + text + "---- end ----");
        assertEquals("qmark@example.com", letter.path("from").asText());
        assertTrue(from.contains("Dana at Example Shop"), from);
        assertTrue(letter.path("subject").asText().endsWith("[Q-" + id + "]"), letter.path("subject").asText());
        assertTrue(text.startsWith("Hello Minsu Kim,\n\nHi Minsu, the courier lost your parcel in Incheon."), text);
        assertTrue(text.contains("tracked before it leaves us.\n\nDana\nExample Shop\n"), text);
        assertTrue(text.contains("How did we do?"), text);
        for (String internal : new String[] {"dana@example.com", "answer+", "customer+", "Answer by", "Jeff (via Qmark)",
                "Ordered Monday", "\n?\n", "> ?"}) {
            assertFalse(text.contains(internal), "'" + internal + "' reached the customer:\n" + text);
            assertFalse(letter.path("html").asText().contains(internal), "'" + internal + "' reached the customer's HTML");
        }
        assertFalse(letter.path("replyTo").toString().contains("dana@"), letter.path("replyTo").toString());

        // the customer replies: it joins the item and reaches Dana, answerable both ways
        sendMail(customer, "feedback@feedback.example.com", letter.path("subject").asText(), """
                Will it arrive before Friday? It is a birthday present.

                On Mon, 23 Nov 2026 at 11:00, Dana at Example Shop <qmark@example.com> wrote:
                > Hi Minsu, the courier lost your parcel in Incheon.
                """);
        JsonNode passedOn = http.awaitMail("dana@example.com", "Minsu Kim replied: " + subject);
        assertTrue(passedOn.path("text").asText().contains("> Will it arrive before Friday? It is a birthday present."),
                passedOn.path("text").asText());
        assertFalse(passedOn.path("text").asText().contains("courier lost"), "the quote of Dana's own mail is cut");
        assertTrue(passedOn.path("text").asText().contains("Write to Minsu Kim: " + customerAddress));
        assertTrue(passedOn.path("replyTo").get(0).asText().startsWith("answer+" + id + "-1-"));

        // a thanks-only reply is recorded and asks nobody
        sendMail(customer, "feedback@feedback.example.com", letter.path("subject").asText(), "감사합니다! 👍\n");
        LocalHttp.await("the thanks on the timeline", () -> {
            JsonNode item = http.json(http.get("/feedback/" + id));
            return item.path("timeline").toString().contains("customer-thanked") ? Optional.of(item) : Optional.empty();
        });
        assertEquals(1, http.countMail("dana@example.com", "Minsu Kim replied: " + subject));

        // the rating link opens a page and records nothing; only the POST records
        Matcher link = RATE_1.matcher(text);
        assertTrue(link.find(), text);
        HttpResponse<String> page = http.get(link.group(1));
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("value=\"1\" checked"), page.body());
        assertFalse(http.json(http.get("/feedback/" + id)).path("letters").get(0).has("rating"), "a GET recorded a rating");
        String token = link.group(1).substring("/rate/".length(), link.group(1).indexOf('?'));
        HttpResponse<String> rated = http.post("/rate/" + token, "application/x-www-form-urlencoded",
                "score=1&comment=Too+slow%2C+and+nobody+called+me.&lang=en");
        assertEquals(200, rated.statusCode(), rated.body());

        // a rating of 1 asks the founder at once, with the customer's words, what they were told and the comment
        JsonNode founderQuestion = http.awaitMail("jeff@example.com", "? " + subject);
        String founderText = founderQuestion.path("text").asText();
        assertTrue(founderText.contains("Ordered Monday, still nothing."), founderText);
        assertTrue(founderText.contains("The customer was told by Dana"), founderText);
        assertTrue(founderText.contains("the courier lost your parcel in Incheon"), founderText);
        assertTrue(founderText.contains("The customer rated it 1 of 5"), founderText);
        assertTrue(founderText.contains("Too slow, and nobody called me."), founderText);
        assertTrue(founderText.contains("? @alias"), "the founder can hand it on like any \"?\"");

        JsonNode item = http.json(http.get("/feedback/" + id));
        JsonNode written = item.path("letters").get(0);
        assertEquals("Dana", written.path("writer").asText());
        assertEquals(1, written.path("rating").asInt());
        assertEquals("Too slow, and nobody called me.", written.path("comment").asText());
        assertTrue(written.path("text").asText().startsWith("Hi Minsu, the courier lost your parcel"));
        assertTrue(item.path("timeline").toString().contains("written-to-customer"));
        assertTrue(item.path("timeline").toString().contains("\"rated\""));

        // Dana answers her "?" internally; the founder gets "Answered" and, not satisfied after that rating,
        // sends the answer back with "?": Dana is asked again, with the founder's note
        sendMail("dana@example.com", question.path("replyTo").get(0).asText(), "Re: ? " + subject,
                "Resent by express; the courier was told to scan every parcel in Incheon.\n");
        JsonNode answered = http.awaitMail("jeff@example.com", "Answered: " + subject);
        sendMail("jeff@example.com", answered.path("replyTo").get(0).asText(), "Re: Answered: " + subject,
                "?\nShe rated us 1: call her today, and tell me what changes so it does not happen again.\n");
        JsonNode askedAgain = LocalHttp.await("the second \"?\" to Dana", () -> {
            for (JsonNode mail : http.outbox()) {
                if (mail.path("to").toString().contains("dana@example.com") && mail.path("subject").asText().equals("? " + subject)
                        && mail.path("text").asText().contains("Not good enough yet")) {
                    return Optional.of(mail);
                }
            }
            return Optional.empty();
        });
        assertTrue(askedAgain.path("text").asText().contains("call her today"), askedAgain.path("text").asText());
        JsonNode again = http.json(http.get("/feedback/" + id));
        assertEquals("asked", again.path("status").asText(), again.toString());
        assertTrue(again.path("timeline").toString().contains("sent-back"), again.toString());

        // a link that is not ours gets a page, never a stack trace
        HttpResponse<String> bad = http.get("/rate/not-a-token");
        assertEquals(404, bad.statusCode());
        assertTrue(bad.body().contains("This link does not work"), bad.body());
    }

    private void sendMail(String from, String to, String subject, String text) throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", Integer.toString(system.smtpPort()));
        MimeMessage mail = new MimeMessage(Session.getInstance(props));
        mail.setFrom(new InternetAddress(from));
        mail.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        mail.setSubject(subject, "UTF-8");
        mail.setText(text, "UTF-8");
        Transport.send(mail);
    }
}
