package dev.qmark.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The "?" loop through the running local system, as a customer, an owner's mail client and the
 * founder see it: form post, "?" mail in the outbox, an Outlook-style SMTP reply from the owner,
 * the answer on GET /feedback/{id}, the founder's mail, and a stranger's reply changing nothing.
 *
 * <p>One scenario, three AWSes under it: the embedded stand-ins ({@link QuestionLoopEndToEndTest}),
 * moto's server ({@link MotoEndToEndTest}) and LocalStack ({@link LocalStackEndToEndTest}). Only
 * {@link #awsEndpoint()} differs; the pages read what each one's SES sent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class QuestionLoopScenarios {

    LocalSystem system;
    LocalHttp http;

    /** The AWS to run on: null for the embedded stand-ins, else moto's or LocalStack's URL. */
    abstract URI awsEndpoint() throws Exception;

    /** Called after the local system stopped: where a subclass stops the AWS it started. */
    void stopAws() {
    }

    @BeforeAll
    void start() throws Exception {
        system = LocalSystem.start(new LocalOptions(0, 0, LocalHttp.repositoryRoot().resolve("config/qmark.yaml"),
                null, LocalOptions.EVERY_MINUTE, awsEndpoint()));
        http = new LocalHttp(system.httpPort());
    }

    @AfterAll
    void stop() {
        try {
            if (system != null) {
                system.close();
            }
        } finally {
            stopAws();
        }
    }

    @Test
    void formToQuestionToReplyToAnswerToFounder() throws Exception {
        String customer = "minsu+" + System.nanoTime() + "@example.org";
        HttpResponse<String> posted = http.post("/feedback", "application/json",
                "{\"name\":\"Minsu Kim\",\"email\":\"" + customer + "\",\"subject\":\"My delivery is late\","
                        + "\"message\":\"Ordered Monday, still nothing. 배송이 언제 되나요?\",\"rating\":2}");
        assertEquals(202, posted.statusCode(), posted.body());
        String id = http.json(posted).path("id").asText();

        JsonNode question = http.awaitMail("dana@example.com", "? My delivery is late");
        assertTrue(question.path("text").asText().startsWith("?"), question.path("text").asText());
        assertTrue(question.path("text").asText().contains("배송이 언제 되나요?"));
        assertEquals("auto-generated", question.path("headers").path("auto-submitted").asText());
        String replyTo = question.path("replyTo").get(0).asText();
        assertTrue(replyTo.matches("answer\\+" + id + "-1-[a-z2-7]{16}@feedback\\.example\\.com"), replyTo);

        // Dana answers from Outlook: answer on top, the quoted "?" below its From/Sent block
        sendMail("dana@example.com", replyTo, "RE: ? My delivery is late", """
                The courier lost the parcel in Incheon. We reship today by express, and the dispatch
                list now gets a tracking check every morning.

                Dana

                ________________________________
                From: Jeff (via Qmark) <qmark@example.com>
                Sent: Monday, November 23, 2026 11:40 PM
                To: Dana <dana@example.com>
                Subject: ? My delivery is late

                ?

                > Ordered Monday, still nothing. 배송이 언제 되나요?
                """);

        JsonNode answered = LocalHttp.await("the answer on GET /feedback/" + id, () -> {
            JsonNode item = http.json(http.get("/feedback/" + id));
            return item.path("status").asText().equals("answered") ? Optional.of(item) : Optional.empty();
        });
        JsonNode escalation = answered.path("escalations").get(0);
        assertEquals("delivery", escalation.path("owner").asText());
        assertEquals("answered", escalation.path("status").asText());
        assertEquals("The courier lost the parcel in Incheon. We reship today by express, and the dispatch\n"
                + "list now gets a tracking check every morning.\n\nDana", escalation.path("answer").asText());
        assertEquals("late-delivery", answered.path("route").path("name").asText());

        JsonNode founderMail = http.awaitMail("jeff@example.com", "Answered: My delivery is late");
        assertTrue(founderMail.path("text").asText().contains("The courier lost the parcel in Incheon."));
        assertTrue(founderMail.path("text").asText().contains("> Ordered Monday, still nothing."));

        // a stranger replying to the same address changes nothing
        sendMail("eve@example.net", replyTo, "RE: ? My delivery is late", "Ignore that, refund everyone.\n");
        Thread.sleep(1500);
        JsonNode after = http.json(http.get("/feedback/" + id));
        assertEquals(escalation.path("answer").asText(), after.path("escalations").get(0).path("answer").asText());
        assertEquals(1, http.countMail("jeff@example.com", "Answered: My delivery is late"));
        JsonNode review = LocalHttp.await("the stranger's mail on the review list", () -> {
            JsonNode items = http.json(http.get("/review"));
            return items.toString().contains("eve@example.net") ? Optional.of(items) : Optional.empty();
        });
        assertTrue(review.toString().contains("who was not asked"), review.toString());

        JsonNode listed = http.json(http.get("/feedback?customer=" + URLEncoder.encode(customer, StandardCharsets.UTF_8)));
        assertEquals(id, listed.path("items").get(0).path("id").asText());
    }

    @Test
    void browserFormAndMailboxPageCloseTheLoopToo() {
        HttpResponse<String> form = http.get("/");
        assertEquals(200, form.statusCode());
        assertTrue(form.body().contains("action=\"feedback\""));

        String customer = "jiwoo+" + System.nanoTime() + "@example.org";
        HttpResponse<String> thanks = http.post("/feedback", "application/x-www-form-urlencoded",
                "name=Jiwoo&email=" + URLEncoder.encode(customer, StandardCharsets.UTF_8)
                        + "&subject=&message=" + URLEncoder.encode("환불은 언제 되나요? refund please", StandardCharsets.UTF_8)
                        + "&rating=&lang=ko&website=",
                "accept", "text/html");
        assertEquals(202, thanks.statusCode(), thanks.body());
        assertTrue(thanks.body().contains("<html"));

        JsonNode question = http.awaitMail("bora@example.com", "? 환불은 언제 되나요?");
        assertTrue(http.get("/_local/mail").body().contains("Jeff (via Qmark) &lt;qmark@example.com&gt;"),
                "the mailbox shows the From header as a mail client would");
        HttpResponse<String> replied = http.post("/_local/mail/reply", "application/x-www-form-urlencoded",
                "messageId=" + URLEncoder.encode(question.path("messageId").asText(), StandardCharsets.UTF_8)
                        + "&from=bora%40example.com&text=" + URLEncoder.encode("오늘 환불 처리했습니다.", StandardCharsets.UTF_8));
        assertEquals(303, replied.statusCode());
        JsonNode founderMail = http.awaitMail("jeff@example.com", "Answered: 환불은 언제 되나요?");
        assertTrue(founderMail.path("text").asText().startsWith("Bora answered"), founderMail.path("text").asText());
        assertTrue(founderMail.path("text").asText().contains("오늘 환불 처리했습니다."));
        assertTrue(http.get("/_local/mail").body().contains("Answered: 환불은 언제 되나요?"));
    }

    @Test
    void customerMailBySmtpToAcknowledgementAndQuestionToOutlookReplyToCleanAnswer() throws Exception {
        String customer = "hana+" + System.nanoTime() + "@example.kr";
        String subject = "Refund for order B-77 " + System.nanoTime();
        sendMail(customer, "feedback@feedback.example.com", subject, "I returned the jacket two weeks ago. 환불은 언제 되나요?\n");

        JsonNode ack = http.awaitMail(customer, "Re: " + subject);
        assertTrue(ack.path("subject").asText().matches(".*\\[Q-[0-9a-z]{16}]"), ack.path("subject").asText());
        assertTrue(ack.path("text").asText().contains("답장"), "Korean, as the customer wrote");
        JsonNode question = http.awaitMail("bora@example.com", "? " + subject);
        String id = question.path("headers").path("x-qmark-feedback").asText();
        assertTrue(question.path("text").asText().contains("Channel:   email"));

        sendMail("bora@example.com", question.path("replyTo").get(0).asText(), "RE: ? " + subject, """
                Refunded today to the original card; it shows within three working days.

                Bora
                -----Original Message-----
                From: Jeff (via Qmark) <qmark@example.com>
                Sent: Monday, November 23, 2026 4:00 PM
                To: Bora <bora@example.com>
                Subject: ? Refund

                ?
                """);
        JsonNode answered = LocalHttp.await("the answer to the customer's mail", () -> {
            JsonNode item = http.json(http.get("/feedback/" + id));
            return item.path("status").asText().equals("answered") ? Optional.of(item) : Optional.empty();
        });
        assertEquals("email", answered.path("channel").asText());
        assertEquals("Refunded today to the original card; it shows within three working days.\n\nBora",
                answered.path("escalations").get(0).path("answer").asText());
    }

    @Test
    void aMegabyteReplyOverSmtpIsTheAnswerAsFarAsItFitsAndDanaIsToldOnce() throws Exception {
        String subject = "Long log: the parcel is late " + System.nanoTime();   // no other test's subject starts so
        HttpResponse<String> posted = http.post("/feedback", "application/json",
                "{\"name\":\"Minsu Kim\",\"email\":\"minsu@example.org\",\"subject\":\"" + subject + "\","
                        + "\"message\":\"Ordered Monday, still nothing.\"}");
        assertEquals(202, posted.statusCode(), posted.body());
        String id = http.json(posted).path("id").asText();
        String replyTo = http.awaitMail("dana@example.com", "? " + subject).path("replyTo").get(0).asText();

        String line = "The courier's whole log, line by line: scanned, loaded, unloaded, scanned again.\n";
        sendMail("dana@example.com", replyTo, "RE: ? " + subject, line.repeat(1024 * 1024 / line.length()));

        JsonNode answered = LocalHttp.await("the big answer on GET /feedback/" + id, () -> {
            JsonNode item = http.json(http.get("/feedback/" + id));
            return item.path("status").asText().equals("answered") ? Optional.of(item) : Optional.empty();
        });
        String answer = answered.path("escalations").get(0).path("answer").asText();
        assertTrue(answer.startsWith(line + line), answer.substring(0, 200));
        assertTrue(answer.endsWith("characters kept]"), answer.substring(answer.length() - 100));
        assertTrue(answered.path("timeline").toString().contains("the answer was cut to the first "));
        JsonNode cut = http.awaitMail("dana@example.com", "Cut: " + subject);
        assertTrue(cut.path("text").asText().startsWith("Your answer was recorded; it was longer than Qmark keeps"),
                cut.path("text").asText());
        assertTrue(cut.path("text").asText().contains("s3://"), cut.path("text").asText());
        http.awaitMail("jeff@example.com", "Answered: " + subject);
        assertEquals(1, http.countMail("dana@example.com", "Cut: " + subject));
    }

    @Test
    void mailFromOurOwnDomainOverSmtpIsKeptForReviewAndNeverAnswered() throws Exception {
        String subject = "Is anyone there " + System.nanoTime();
        sendMail("support@feedback.example.com", "feedback@feedback.example.com", subject, "Hello?\n");

        JsonNode review = LocalHttp.await("our own mail on the review list", () -> {
            JsonNode items = http.json(http.get("/review"));
            return items.toString().contains(subject) ? Optional.of(items) : Optional.empty();
        });
        assertTrue(review.toString().contains("Qmark's own inbound domain"), review.toString());
        Thread.sleep(500);
        assertEquals(0, http.countMail("support@feedback.example.com", ""), "nothing is sent back in");
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
