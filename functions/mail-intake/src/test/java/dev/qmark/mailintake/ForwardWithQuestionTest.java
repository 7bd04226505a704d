package dev.qmark.mailintake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qmark.aws.testing.Invoke;
import dev.qmark.aws.testing.SampleEvents;
import dev.qmark.aws.testing.TestBed;
import dev.qmark.core.feedback.Feedback;
import dev.qmark.core.feedback.FeedbackRecord;
import dev.qmark.core.feedback.TimelineEvent;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The founder forwards a customer's mail with "?" on top: it becomes feedback from the customer,
 * the founder and their note on the timeline, through the mail-intake handler on SES events.
 */
class ForwardWithQuestionTest {

    TestBed bed;
    MailIntakeHandler handler;
    String customer;
    JsonNode result;

    @BeforeEach
    void bed() {
        bed = TestBed.create();
        handler = new MailIntakeHandler(bed.env());
        customer = "minji." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    private String gmailForward(String top) {
        return top + "\r\n"
                + "Dana should see this.\r\n\r\n"
                + "---------- Forwarded message ---------\r\n"
                + "From: Minji Choi <" + customer + ">\r\n"
                + "Date: Mon, Nov 23, 2026 at 9:12 AM\r\n"
                + "Subject: Where is my order?\r\n"
                + "To: Jeff <jeff@example.com>\r\n\r\n"
                + "I ordered on Monday and nothing has arrived.\r\n";
    }

    @Test
    void theFoundersForwardWithAQuestionMarkIsFeedbackFromTheCustomer() {
        deliver("Jeff <jeff@example.com>", "Fwd: Where is my order?", gmailForward("?"), "PASS");

        assertEquals("new_feedback", result.path("outcome").asText(), result.toString());
        FeedbackRecord record = bed.repository().findRecord(result.path("feedbackId").asText()).orElseThrow();
        Feedback feedback = record.feedback();
        assertEquals(customer, feedback.customer().email());
        assertEquals("Minji Choi", feedback.customer().name());
        assertEquals("Where is my order?", feedback.subject());
        assertEquals("I ordered on Monday and nothing has arrived.", feedback.message());
        TimelineEvent received = record.timeline().get(0);
        assertTrue(received.detail().contains("jeff@example.com") && received.detail().contains("Dana should see this."),
                received.detail());
        assertTrue(bed.mailTo(customer).isEmpty(), "not acknowledged: acknowledgeForwarded is off by default");
    }

    @Test
    void aForwardWithQuestionMarkAndAliasGoesToThatOwner() {
        deliver("Jeff <jeff@example.com>", "Fwd: Where is my order?", gmailForward("? @delivery"), "PASS");

        assertEquals("new_feedback", result.path("outcome").asText(), result.toString());
        FeedbackRecord record = bed.repository().findRecord(result.path("feedbackId").asText()).orElseThrow();
        assertEquals(customer, record.feedback().customer().email());
        assertEquals("delivery", record.feedback().route().owner());
        assertEquals("? @delivery", record.feedback().route().route());
        assertTrue(record.timeline().stream().anyMatch(e -> e.type().equals("routed")
                && e.detail().contains("sent to delivery by jeff@example.com")), record.timeline().toString());
    }

    @Test
    void aForwardToAnAliasNobodyHasIsKeptForReview() {
        deliver("Jeff <jeff@example.com>", "Fwd: Where is my order?", gmailForward("? @nobody"), "PASS");

        assertEquals("kept_for_review", result.path("outcome").asText(), result.toString());
        assertTrue(result.path("reason").asText().contains("no owner @nobody"), result.toString());
    }

    @Test
    void anAttachedForwardIsFeedbackFromTheAttachedMessagesSender() {
        String mixed = "?\r\nFrom my inbox, Dana should see this.\r\n";
        String raw = "From: Jeff <jeff@example.com>\r\nTo: feedback@feedback.example.com\r\nSubject: Fwd: Broken export\r\n"
                + "Message-ID: <" + UUID.randomUUID() + "@example.com>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n--b1\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
                + mixed + "--b1\r\nContent-Type: message/rfc822\r\nContent-Disposition: attachment\r\n\r\n"
                + "From: =?UTF-8?B?7LWc66+87KeA?= <" + customer + ">\r\nDate: Fri, 04 Dec 2026 21:12:00 +0900\r\n"
                + "Subject: Broken export\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nThe export button does nothing.\r\n"
                + "--b1--\r\n";
        deliverRaw(raw, "PASS");

        assertEquals("new_feedback", result.path("outcome").asText(), result.toString());
        FeedbackRecord record = bed.repository().findRecord(result.path("feedbackId").asText()).orElseThrow();
        Feedback feedback = record.feedback();
        assertEquals(customer, feedback.customer().email());
        assertEquals("최민지", feedback.customer().name());
        assertEquals("Broken export", feedback.subject());
        assertEquals("The export button does nothing.", feedback.message());
        String received = record.timeline().get(0).detail();
        assertTrue(received.contains("forwarded with \"?\" by jeff@example.com") && received.contains("Dana should see this")
                && received.contains("written Fri, 04 Dec 2026 21:12:00 +0900"), received);
        assertEquals("Broken export.eml", feedback.attachments().get(0).fileName());
    }

    @Test
    void withoutSpfOrDkimTheForwardIsKeptForReview() {
        deliver("Jeff <jeff@example.com>", "Fwd: Where is my order?", gmailForward("?"), "FAIL");

        assertEquals("kept_for_review", result.path("outcome").asText(), result.toString());
    }

    @Test
    void aForwardWithoutTheQuestionMarkIsTheFoundersOwnFeedbackAsBefore() {
        deliver("Jeff <jeff@example.com>", "Fwd: Where is my order?", gmailForward("FYI"), "PASS");

        assertEquals("new_feedback", result.path("outcome").asText(), result.toString());
        Feedback feedback = bed.repository().find(result.path("feedbackId").asText()).orElseThrow();
        assertEquals("jeff@example.com", feedback.customer().email());
    }

    @Test
    void aStrangersForwardWithAQuestionMarkIsTheStrangersFeedback() {
        String stranger = "someone." + UUID.randomUUID().toString().substring(0, 8) + "@example.net";
        deliver("Someone <" + stranger + ">", "Fwd: Where is my order?", gmailForward("?"), "PASS");

        assertEquals("new_feedback", result.path("outcome").asText(), result.toString());
        Feedback feedback = bed.repository().find(result.path("feedbackId").asText()).orElseThrow();
        assertEquals(stranger, feedback.customer().email());
    }

    private void deliver(String from, String subject, String body, String verdict) {
        deliverRaw("From: " + from + "\r\nTo: feedback@feedback.example.com\r\nSubject: " + subject
                + "\r\nMessage-ID: <" + UUID.randomUUID() + "@example.com>\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
                + body, verdict);
    }

    private void deliverRaw(String raw, String verdict) {
        String mailId = UUID.randomUUID().toString().replace("-", "");
        bed.putMail("inbound/" + mailId, raw.getBytes(StandardCharsets.UTF_8));
        ObjectNode event = SampleEvents.json("mail-intake-ses.json");
        ObjectNode ses = (ObjectNode) event.at("/Records/0/ses");
        ((ObjectNode) ses.get("mail")).put("messageId", mailId);
        ((ObjectNode) ses.get("receipt")).putArray("recipients").add("feedback@feedback.example.com");
        ((ObjectNode) ses.at("/receipt/spfVerdict")).put("status", verdict);
        ((ObjectNode) ses.at("/receipt/dkimVerdict")).put("status", verdict);
        result = Invoke.handler(handler, event.toString()).get(0);
    }
}
