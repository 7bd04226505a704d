package dev.qmark.mailevents;

import dev.qmark.core.ports.FormAcknowledgements;

import dev.qmark.core.ports.Metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qmark.aws.AwsClients;
import dev.qmark.aws.FunctionEnvironment;
import dev.qmark.aws.dynamodb.DynamoSuppressions;
import dev.qmark.aws.ses.SesSending;
import dev.qmark.aws.testing.Invoke;
import dev.qmark.aws.testing.SampleEvents;
import dev.qmark.aws.testing.TestBed;
import dev.qmark.core.asking.Escalator;
import dev.qmark.core.asking.ReplyTokens;
import dev.qmark.core.config.ConfigLoader;
import dev.qmark.core.config.QmarkConfig;
import dev.qmark.core.escalation.EscalationRequest;
import dev.qmark.core.escalation.EscalationStatus;
import dev.qmark.core.feedback.Channel;
import dev.qmark.core.feedback.FeedbackRecord;
import dev.qmark.core.intake.FeedbackIntake;
import dev.qmark.core.intake.Submission;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * mail-events as Lambda runs it, on the sample EventBridge event (events/mail-events-bounce.json),
 * against DynamoDB Local and the SES stand-in: the bounced "?" goes to Dana's manager once; a send
 * or a delivery event costs no DynamoDB call.
 */
class MailEventsHandlerTest {

    private final TestBed bed = TestBed.create();
    private final QmarkConfig config = ConfigLoader.locate(bed.env().require("QMARK_CONFIG"));

    @Test
    void aBouncedQuestionGoesToTheManagerOnceAndTheAddressIsSuppressed() {
        String id = new FeedbackIntake(bed.repository(), feedbackId -> { }, FormAcknowledgements.NONE, Metrics.NONE, Clock.systemUTC())
                .submit(new Submission("Minsu", "minsu@example.org", "Late", "The parcel is late", 2, null), Channel.WEB)
                .feedbackId();
        new Escalator(config, bed.repository(), bed.ports().escalations(), bed.ports().mailClaims(), SesSending.sender(config, bed.env(), AwsClients.ses(), bed.ports()), new ReplyTokens(TestBed.SECRET), bed.ports().sentMailTexts(), null, Metrics.NONE, Clock.systemUTC())
                .ask(new EscalationRequest(id, 1, "delivery", java.time.Instant.now().plus(Duration.ofHours(4))));
        String messageId = bed.mailTo("dana@example.com").get(0).messageId();

        ObjectNode event = SampleEvents.json("mail-events-bounce.json");
        ObjectNode mail = (ObjectNode) event.path("detail").path("mail");
        mail.put("messageId", messageId);
        // the tags the "?" went out with, as SES returns them: what the bounce is about
        ObjectNode tags = (ObjectNode) mail.path("tags");
        tags.putArray("qmark-feedback").add(id);
        tags.putArray("qmark-step").add("1");
        MailEventsHandler handler = new MailEventsHandler(bed.env());
        JsonNode first = Invoke.handler(handler, event.toString());
        JsonNode again = Invoke.handler(handler, event.toString());

        assertEquals("[\"PASSED_ON\"]", first.path("outcomes").toString());
        assertEquals("[\"RECORDED\"]", again.path("outcomes").toString(), "a redelivered event changes nothing more");
        FeedbackRecord record = bed.repository().findRecord(id).orElseThrow();
        assertEquals(EscalationStatus.UNDELIVERABLE, record.escalation(1).orElseThrow().status());
        assertEquals("ops", record.escalation(2).orElseThrow().owner());
        assertEquals(1, bed.mailTo("olivia@example.com").size());
        assertTrue(bed.mailTo("olivia@example.com").get(0).text().contains("smtp; 550 5.1.1 user unknown"));
        assertTrue(new DynamoSuppressions(bed.dynamo, bed.table).suppressed("dana@example.com"));
        assertTrue(record.timeline().stream().anyMatch(e -> e.type().equals("mail-bounced")
                && e.detail().contains(messageId)), record.timeline().toString());
    }

    @Test
    void sendAndDeliveryEventsTouchNoTable() {
        // no table at all: a send or a delivery that reached DynamoDB would fail the invocation
        MailEventsHandler handler = new MailEventsHandler(FunctionEnvironment.of(java.util.Map.of("TABLE_NAME", "no-such-table",
                "QMARK_CONFIG", bed.env().require("QMARK_CONFIG"), "REPLY_TOKEN_SECRET", TestBed.SECRET)));
        for (String type : new String[] {"Send", "Delivery"}) {
            ObjectNode event = SampleEvents.json("mail-events-bounce.json");
            ObjectNode detail = (ObjectNode) event.path("detail");
            detail.remove("bounce");
            detail.put("eventType", type);
            detail.putObject(type.toLowerCase(java.util.Locale.ROOT)).putArray("recipients").add("dana@example.com");
            assertEquals("[\"NOT_RECORDED\"]", Invoke.handler(handler, event.toString()).path("outcomes").toString(), type);
        }
    }

    @Test
    void aBounceOfAnUntaggedMailStillSuppressesTheAddress() {
        // a mail sent before mails carried their tags: no item to find, the address suppressed all the same
        ObjectNode event = SampleEvents.json("mail-events-bounce.json");
        ObjectNode tags = (ObjectNode) event.path("detail").path("mail").path("tags");
        tags.remove("qmark-feedback");
        tags.remove("qmark-step");
        ((ObjectNode) event.path("detail").path("bounce").path("bouncedRecipients").path(0)).put("emailAddress", "old@example.org");

        JsonNode outcome = Invoke.handler(new MailEventsHandler(bed.env()), event.toString());

        assertEquals("[\"UNKNOWN_MAIL\"]", outcome.path("outcomes").toString());
        assertTrue(new DynamoSuppressions(bed.dynamo, bed.table).suppressed("old@example.org"));
    }
}
