package dev.qmark.mailintake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qmark.aws.Json;
import dev.qmark.aws.testing.Invoke;
import dev.qmark.aws.testing.SampleEvents;
import dev.qmark.aws.testing.TestBed;
import dev.qmark.core.feedback.Channel;
import dev.qmark.core.feedback.Feedback;
import dev.qmark.core.feedback.FeedbackRecord;
import dev.qmark.core.feedback.TimelineEvent;
import dev.qmark.emulators.OutboxMail;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A customer's mail to the feedback address: it becomes feedback (channel email) with a short
 * acknowledgement; a reply to that acknowledgement joins the same item; auto-replies and bounces
 * are recorded, never answered; acknowledgements are limited per sender and hour.
 */
class CustomerMailTest {

    TestBed bed;
    MailIntakeHandler handler;
    String customer;

    @BeforeEach
    void bed() {
        bed = TestBed.create();
        handler = new MailIntakeHandler(bed.env());
        customer = "jimin." + UUID.randomUUID().toString().substring(0, 8) + "@example.kr";
    }

    @Test
    void aKoreanMailBecomesFeedbackAndIsAcknowledgedOnce() {
        String body = "배송이 2주째 오지 않습니다. 주문번호 A-1042 확인 부탁드립니다.";
        String raw = "From: =?UTF-8?B?" + b64("김지민") + "?= <" + customer + ">\r\n"
                + "To: feedback@feedback.example.com\r\nSubject: =?EUC-KR?B?" + b64("배송 문의", Charset.forName("EUC-KR")) + "?=\r\n"
                + "Message-ID: <first-" + customer + ">\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=EUC-KR\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + b64(body, Charset.forName("EUC-KR")) + "\r\n";
        String mailId = deliver(raw, "feedback@feedback.example.com");
        JsonNode result = lastResult;
        assertEquals("new_feedback", result.path("outcome").asText(), result.toString());
        String id = result.path("feedbackId").asText();

        Feedback feedback = bed.repository().find(id).orElseThrow();
        assertEquals(Channel.EMAIL, feedback.channel());
        assertEquals("김지민", feedback.customer().name());
        assertEquals(customer, feedback.customer().email());
        assertEquals("배송 문의", feedback.subject());
        assertEquals(body, feedback.message());
        assertEquals(1, bed.drain(bed.feedbackQueueUrl).size(), "routed like any feedback");

        List<OutboxMail> acks = bed.mailTo(customer);
        assertEquals(1, acks.size());
        OutboxMail ack = acks.get(0);
        assertEquals("Re: 배송 문의 [Q-" + id + "]", ack.subject());
        assertTrue(ack.text().startsWith("김지민님, 안녕하세요."), ack.text());
        assertEquals("auto-replied", ack.header("auto-submitted"));
        assertTrue(ack.header("in-reply-to").contains("first-" + customer));

        // the same mail delivered again: same item, no second acknowledgement
        redeliver(mailId, "feedback@feedback.example.com");
        assertEquals(id, lastResult.path("feedbackId").asText());
        assertEquals(1, bed.mailTo(customer).size());
    }

    /**
     * A customer's mail killed before any of its steps (each DynamoDB write, SQS send and SES send)
     * and retried a minute later is one feedback item, enqueued, nothing for review: its
     * de-duplication key, not a record of the mail, makes the retry find it. The acknowledgement
     * is sent by the attempt that stored the item only, so it is never doubled; killed between the
     * store and its send, it is not sent at all (as before the mail record went: the record never
     * made it more than at most once).
     */
    @Test
    void aCustomersMailKilledBeforeAnyOfItsStepsIsOneItemAfterItsRetry() {
        for (int step = 1; ; step++) {
            customer = "jimin." + UUID.randomUUID().toString().substring(0, 8) + "@example.kr";
            String mailId = UUID.randomUUID().toString().replace("-", "");
            bed.putMail("inbound/" + mailId, plain(customer, "Late parcel", "Where is my parcel?")
                    .getBytes(StandardCharsets.UTF_8));

            String killedAt = KillSwitch.killBefore(step, () -> redeliver(mailId, "feedback@feedback.example.com"));
            if (killedAt == null) {
                assertTrue(step > 3, "a customer's mail has steps to kill: " + step);
                return;  // every step was a kill point
            }
            bed.drain(bed.feedbackQueueUrl);

            handler = new MailIntakeHandler(bed.env(java.time.Clock.offset(java.time.Clock.systemUTC(),
                    java.time.Duration.ofMinutes(1))));
            redeliver(mailId, "feedback@feedback.example.com");

            String where = "killed before step " + step + " (" + killedAt + "): " + lastResult;
            assertEquals("new_feedback", lastResult.path("outcome").asText(), where);
            String id = lastResult.path("feedbackId").asText();
            assertEquals(1, bed.dynamo.query(q -> q.tableName(bed.table).indexName("byCustomer")
                    .keyConditionExpression("customer = :c").expressionAttributeValues(
                            java.util.Map.of(":c", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(customer))))
                    .count(), "one item: " + where);
            assertTrue(bed.drain(bed.feedbackQueueUrl).stream().anyMatch(m -> m.body().contains(id)), "enqueued: " + where);
            assertTrue(bed.mailTo(customer).size() <= 1, "never acknowledged twice: " + where);
            handler = new MailIntakeHandler(bed.env());
        }
    }

    @Test
    void aReplyToTheAcknowledgementJoinsTheSameItemOnlyFromTheSameSender() {
        String id = newFeedback(customer, "My order", "Where is my order?");
        deliver(plain(customer, "Re: Re: My order [Q-" + id + "]", "Also, the box was damaged."), "feedback@feedback.example.com");
        assertEquals("added_to_thread", lastResult.path("outcome").asText());
        assertEquals(id, lastResult.path("feedbackId").asText());
        FeedbackRecord record = bed.repository().findRecord(id).orElseThrow();
        assertTrue(record.timeline().stream().map(TimelineEvent::detail).anyMatch(d -> d.contains("Also, the box was damaged.")));

        String stranger = "eve." + UUID.randomUUID().toString().substring(0, 6) + "@example.net";
        deliver(plain(stranger, "Re: My order [Q-" + id + "]", "Refund me instead."), "feedback@feedback.example.com");
        assertEquals("new_feedback", lastResult.path("outcome").asText(), "a reference is no password");
    }

    @Test
    void autoRepliesAreRecordedNeverAnswered() {
        String id = newFeedback(customer, "Invoice", "Wrong invoice.");
        int before = bed.mailTo(customer).size();
        deliver("From: " + customer + "\r\nTo: feedback@feedback.example.com\r\nSubject: Out of office: Re: Invoice [Q-" + id + "]\r\n"
                + "Auto-Submitted: auto-replied\r\nContent-Type: text/plain\r\n\r\nI am away until Monday.\r\n", "feedback@feedback.example.com");
        assertEquals("recorded_on_timeline", lastResult.path("outcome").asText());
        assertEquals(before, bed.mailTo(customer).size());
        assertTrue(bed.repository().findRecord(id).orElseThrow().timeline().stream()
                .anyMatch(e -> e.type().equals("automatic-mail")));

        deliver("From: MAILER-DAEMON@mx.example.kr\r\nTo: feedback@feedback.example.com\r\nSubject: Undelivered Mail\r\n"
                + "Content-Type: text/plain\r\n\r\nDelivery failed.\r\n", "feedback@feedback.example.com");
        assertEquals("kept_for_review", lastResult.path("outcome").asText());
    }

    @Test
    void acknowledgementsAreLimitedPerSenderAndHour() {
        for (int i = 0; i < 5; i++) {
            newFeedback(customer, "Question " + i, "Different question " + i);
        }
        assertEquals(3, bed.mailTo(customer).size());
    }

    @Test
    void attachmentsAreListedOnTheItem() {
        String raw = "From: " + customer + "\r\nTo: help@feedback.example.com\r\nSubject: Broken lid\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
                + "The lid arrived broken, photo attached.\r\n--b\r\nContent-Type: image/jpeg; name=lid.jpg\r\n"
                + "Content-Disposition: attachment; filename=lid.jpg\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + Base64.getEncoder().encodeToString(new byte[1500]) + "\r\n--b--\r\n";
        deliver(raw, "help@feedback.example.com");
        Feedback feedback = bed.repository().find(lastResult.path("feedbackId").asText()).orElseThrow();
        assertEquals(List.of(new Feedback.Attachment("lid.jpg", "image/jpeg", 1500)), feedback.attachments());
        assertEquals("The lid arrived broken, photo attached.", feedback.message());
    }

    @Test
    void mailFromAnAddressAtOurInboundDomainIsKeptForReviewNeverAcknowledged() {
        for (String from : List.of("Support <support@feedback.example.com>", "answer+x@FEEDBACK.example.com",
                "Jeff (via Qmark) <QMARK@example.com>")) {
            String address = from.replaceAll(".*<|>.*", "").toLowerCase(java.util.Locale.ROOT);
            int before = bed.mailTo(address).size();
            String mailId = deliver(plain(from, "Hello " + UUID.randomUUID(), "Is anyone there?"),
                    "feedback@feedback.example.com");

            assertEquals("kept_for_review", lastResult.path("outcome").asText(), from + ": " + lastResult);
            assertTrue(lastResult.path("reason").asText().contains("Qmark's own"), lastResult.toString());
            assertEquals(before, bed.mailTo(address).size(), "nothing is sent to " + address);
            assertTrue(bed.ports().reviewQueue().reviewItems(100).stream().anyMatch(r -> r.mailId().equals(mailId)));
        }
        assertEquals(0, bed.drain(bed.feedbackQueueUrl).size(), "no feedback was made of it");
    }

    @Test
    void aMegabyteMailWithAHugeSubjectBecomesFeedbackWithWhatFits() {
        String line = "Everything that went wrong with my order, in order.";
        String body = (line + "\r\n").repeat(1024 * 1024 / line.length());
        String subject = "Long story ".repeat(10_000).strip();
        String mailId = deliver("From: " + "Kim ".repeat(5_000) + "<" + customer + ">\r\n" + plain(customer, subject, body)
                .substring(plain(customer, subject, body).indexOf("\r\n") + 2), "feedback@feedback.example.com");

        assertEquals("new_feedback", lastResult.path("outcome").asText(), lastResult.toString());
        String id = lastResult.path("feedbackId").asText();
        FeedbackRecord record = bed.repository().findRecord(id).orElseThrow();
        Feedback feedback = record.feedback();
        assertTrue(feedback.message().startsWith(line + "\n" + line));
        assertTrue(feedback.message().endsWith("characters kept]"), feedback.message().substring(feedback.message().length() - 80));
        assertTrue(feedback.subject().startsWith("Long story Long story"));
        assertTrue(feedback.subject().length() < 1_000, feedback.subject().length() + " characters of subject");
        assertTrue(feedback.customer().name().length() < 1_000, feedback.customer().name().length() + " characters of name");
        String location = "s3://" + bed.bucket + "/inbound/" + mailId;
        assertTrue(record.timeline().stream().anyMatch(e -> e.type().equals("received") && e.detail().contains("cut")
                && e.detail().contains(location)), record.timeline().toString());
        assertEquals(1, bed.mailTo(customer).size(), "acknowledged as any feedback");
    }

    // ---------------------------------------------------------------- helpers

    private JsonNode lastResult;

    private String newFeedback(String from, String subject, String text) {
        deliver(plain(from, subject, text), "feedback@feedback.example.com");
        assertEquals("new_feedback", lastResult.path("outcome").asText(), lastResult.toString());
        return lastResult.path("feedbackId").asText();
    }

    private static String plain(String from, String subject, String text) {
        return "From: " + from + "\r\nTo: feedback@feedback.example.com\r\nSubject: " + subject
                + "\r\nMessage-ID: <" + UUID.randomUUID() + "@example.com>\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n" + text + "\r\n";
    }

    private String deliver(String raw, String recipient) {
        String mailId = UUID.randomUUID().toString().replace("-", "");
        bed.putMail("inbound/" + mailId, raw.getBytes(StandardCharsets.UTF_8));
        redeliver(mailId, recipient);
        return mailId;
    }

    private void redeliver(String mailId, String recipient) {
        ObjectNode event = SampleEvents.json("mail-intake-ses.json");
        ObjectNode ses = (ObjectNode) event.at("/Records/0/ses");
        ((ObjectNode) ses.get("mail")).put("messageId", mailId);
        ArrayNode recipients = ((ObjectNode) ses.get("receipt")).putArray("recipients");
        recipients.add(recipient);
        lastResult = Invoke.handler(handler, event.toString()).get(0);
    }

    private static String b64(String text) {
        return b64(text, StandardCharsets.UTF_8);
    }

    private static String b64(String text, Charset charset) {
        return Base64.getEncoder().encodeToString(text.getBytes(charset));
    }

    private static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
