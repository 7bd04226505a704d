package dev.qmark.router;

import dev.qmark.core.ports.Metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qmark.aws.dynamodb.DynamoFormAcknowledgements;
import dev.qmark.aws.testing.Invoke;
import dev.qmark.aws.testing.SampleEvents;
import dev.qmark.aws.testing.TestBed;
import dev.qmark.core.feedback.Channel;
import dev.qmark.core.intake.FeedbackIntake;
import dev.qmark.core.intake.Submission;
import dev.qmark.emulators.OutboxMail;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The router acknowledges the web-form customers the form allowed, through SES (the stand-in)
 * over the real SDK: once, however often the queue message comes, and nobody the form did not mark.
 */
class FormAcknowledgementHandlerTest {

    private TestBed bed;
    private RouterHandler handler;
    private FeedbackIntake intake;
    private String customer;

    @BeforeEach
    void setUp() {
        bed = TestBed.create();
        handler = new RouterHandler(bed.env());
        intake = new FeedbackIntake(bed.repository(), id -> { }, new DynamoFormAcknowledgements(bed.dynamo, bed.table), Metrics.NONE, Clock.systemUTC());
        customer = "minsu-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    private String submit(FeedbackIntake.Client client) {
        return intake.submit(new Submission("Minsu Kim <https://spam.example>", customer, "Click https://spam.example",
                "My parcel is late.", 2, null), Channel.WEB, client).feedbackId();
    }

    @Test
    void aMarkedFormCustomerIsAcknowledgedOnceInTheFormsLanguage() {
        String id = submit(new FeedbackIntake.Client("203.0.113.7", "ko"));
        JsonNode response = invoke(batch(record("m-1", id), record("m-2", id)));
        assertEquals(0, response.get("batchItemFailures").size(), response.toString());
        invoke(batch(record("m-3", id)));

        List<OutboxMail> mails = bed.mailTo(customer);
        assertEquals(1, mails.size(), "once, however often the message comes");
        OutboxMail ack = mails.get(0);
        assertEquals("의견을 잘 받았습니다 [Q-" + id + "]", ack.subject());
        String text = ack.text().replace("\r\n", "\n");
        assertTrue(text.startsWith("Minsu Kim님, 안녕하세요."), text);
        assertTrue(text.contains("[Q-" + id + "]"));
        assertTrue(!text.contains("spam.example") && ack.html() == null, "no link of theirs, no HTML at all");
        assertTrue(bed.repository().findRecord(id).orElseThrow().timeline().stream()
                .anyMatch(e -> e.type().equals("acknowledged")));
        // the router decides and writes no route (the escalator records it with the first "?")
        assertEquals("received", bed.repository().find(id).orElseThrow().status().wireName());
    }

    @Test
    void anUnmarkedItemGetsNoMail() {
        String id = submit(null);
        invoke(batch(record("m-1", id)));
        assertEquals(List.of(), bed.mailTo(customer));
        assertNull(bed.repository().findRecord(id).orElseThrow().timeline().stream()
                .filter(e -> e.type().equals("acknowledged")).findFirst().orElse(null));
    }

    private JsonNode invoke(ObjectNode event) {
        return Invoke.handler(handler, event.toString());
    }

    private static ObjectNode record(String messageId, String feedbackId) {
        ObjectNode record = (ObjectNode) SampleEvents.json("router-sqs-feedback.json").get("Records").get(0);
        record.put("messageId", messageId);
        record.put("body", "{\"feedbackId\": \"" + feedbackId + "\"}");
        return record;
    }

    private static ObjectNode batch(ObjectNode... records) {
        ObjectNode event = SampleEvents.json("router-sqs-feedback.json");
        ArrayNode list = event.putArray("Records");
        for (ObjectNode r : records) {
            list.add(r);
        }
        return event;
    }
}
