package dev.qmark.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qmark.aws.Json;
import dev.qmark.aws.testing.Invoke;
import dev.qmark.aws.testing.SampleEvents;
import dev.qmark.aws.testing.TestBed;
import dev.qmark.core.escalation.EscalationRequest;
import dev.qmark.core.feedback.Channel;
import dev.qmark.core.feedback.Customer;
import dev.qmark.core.feedback.Feedback;
import dev.qmark.core.feedback.FeedbackIds;
import dev.qmark.core.feedback.FeedbackRecord;
import dev.qmark.core.feedback.FeedbackStatus;
import dev.qmark.core.feedback.RouteDecision;
import dev.qmark.core.feedback.TimelineEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The router as Lambda runs it on SQS batches, against DynamoDB Local and ElasticMQ over the real
 * SDK: the decision made and carried by the escalation request (the router writes no route: the escalator
 * records it with the item's ASKED), the request sent every time, failures per message.
 */
class RouterHandlerTest {

    private TestBed bed;
    private RouterHandler handler;

    @BeforeEach
    void setUp() {
        bed = TestBed.create();
        handler = new RouterHandler(bed.env());
    }

    @Test
    void lateDeliveryGoesToDeliveryWithAFourHourDeadline() {
        String id = store("My parcel", "It is late again, three days now.", 3);
        Instant before = Instant.now();
        JsonNode response = invoke(batch(record("m-1", "{\"feedbackId\": \"" + id + "\"}")));
        Instant after = Instant.now();

        assertEquals(0, response.get("batchItemFailures").size(), response.toString());
        Feedback routed = bed.repository().find(id).orElseThrow();
        assertEquals(FeedbackStatus.RECEIVED, routed.status(), "the router writes no route");
        assertEquals(null, routed.route());
        List<Message> requests = bed.drain(bed.escalationQueueUrl);
        assertEquals(1, requests.size());
        RouteDecision route = request(requests.get(0)).decision();
        assertEquals("late-delivery", route.route());
        assertEquals("delivery", route.owner());
        assertEquals(Duration.ofHours(4), route.answerWithin());
        assertFalse(route.decidedAt().isBefore(before.truncatedTo(ChronoUnit.MILLIS)), "routedAt is now");
        assertFalse(route.decidedAt().isAfter(after));
        assertEquals(routed.receivedAt().plus(Duration.ofHours(4)).truncatedTo(ChronoUnit.SECONDS), route.dueAt(),
                "dueAt = receivedAt + 4h (to the second)");

        FeedbackRecord record = bed.repository().findRecord(id).orElseThrow();
        assertEquals(List.of("received"), types(record), "routed is recorded with the first \"?\"");
        assertTrue(record.escalations().isEmpty(), "the router asks nobody itself");

        JsonNode request = json(requests.get(0).body());
        assertEquals(id, request.get("feedbackId").asText());
        assertEquals(1, request.get("step").asInt());
        assertEquals("delivery", request.get("owner").asText());
        assertEquals(route.dueAt(), Instant.parse(request.get("dueAt").asText()));
        assertEquals(6, request.size(),
                "an EscalationRequest is {feedbackId, step, owner, dueAt, evenIfAnswered, decision}: " + request);
        assertEquals(5, request.get("decision").size(), "{route, owner, answerWithin, dueAt, decidedAt}: " + request);
        assertTrue(bed.drain(bed.feedbackQueueUrl).isEmpty(), "the router does not re-queue feedback");
    }

    @Test
    void theSampleEventRoutesTheItemItNames() {
        String id = store("My delivery is late", "Ordered Monday, still nothing.", 2);
        ObjectNode event = SampleEvents.json("router-sqs-feedback.json");
        ((ObjectNode) event.get("Records").get(0)).put("body", "{\"feedbackId\": \"" + id + "\"}");
        assertEquals(0, invoke(event).get("batchItemFailures").size());
        List<Message> requests = bed.drain(bed.escalationQueueUrl);
        assertEquals(1, requests.size());
        assertEquals("late-delivery", request(requests.get(0)).decision().route());
    }

    @Test
    void theSameMessageAgainDecidesAgainAndAsksAgain() {
        // a redelivery (the router died after its enqueue, before the message's delete): it decides again and
        // enqueues again; the escalator asks step 1 once, and the first route recorded with the ASKED stands
        String id = store("Delivery", "The parcel is late.", 2);
        ObjectNode event = batch(record("m-1", "{\"feedbackId\": \"" + id + "\"}"));
        invoke(event);
        EscalationRequest first = request(bed.drain(bed.escalationQueueUrl).get(0));

        JsonNode response = invoke(event);

        assertEquals(0, response.get("batchItemFailures").size());
        assertEquals(FeedbackStatus.RECEIVED, bed.repository().find(id).orElseThrow().status(), "nothing written");
        FeedbackRecord record = bed.repository().findRecord(id).orElseThrow();
        assertEquals(List.of("received"), types(record));
        List<Message> again = bed.drain(bed.escalationQueueUrl);
        assertEquals(1, again.size(), "the request is sent again; the escalator asks once");
        EscalationRequest second = request(again.get(0));
        assertEquals(first.owner(), second.owner(), "the same rules: the same owner and deadline");
        assertEquals(first.dueAt(), second.dueAt());
        assertEquals(first.decision().route(), second.decision().route());
    }

    @Test
    void anItemAskedBeforeIsAskedAsRoutedWithoutADecision() {
        // its first "?" recorded the route: a later delivery asks from it (the escalator then finds it sent)
        String id = store("Delivery", "The parcel is late.", 2);
        Instant earlier = Instant.parse("2026-11-20T08:00:00Z");
        RouteDecision first = new RouteDecision("unhappy", "ops", Duration.ofHours(2), earlier.plus(Duration.ofHours(2)), earlier);
        assertTrue(bed.ports().escalations().markItemAsked(id, first, first.routedEvent("ops")));

        invoke(batch(record("m-1", "{\"feedbackId\": \"" + id + "\"}")));

        Feedback asked = bed.repository().find(id).orElseThrow();
        assertEquals(FeedbackStatus.ASKED, asked.status());
        assertEquals(first, asked.route());
        EscalationRequest request = request(bed.drain(bed.escalationQueueUrl).get(0));
        assertEquals("ops", request.owner());
        assertEquals(null, request.decision());
    }

    @Test
    void aDecisionRecordedBeforeIsNeverReplaced() {
        // routed earlier (another rule set, or a manual decision): the router must not decide again
        String id = store("Delivery", "The parcel is late.", 2);
        Instant earlier = Instant.parse("2026-11-20T08:00:00Z");
        RouteDecision manual = new RouteDecision("billing", "billing", Duration.ofHours(8),
                earlier.plus(Duration.ofHours(8)), earlier);
        assertTrue(bed.repository().recordRoute(id, manual, new TimelineEvent(earlier, "routed", "by hand")));

        invoke(batch(record("m-1", "{\"feedbackId\": \"" + id + "\"}")));

        assertEquals(manual, bed.repository().find(id).orElseThrow().route());
        JsonNode request = json(bed.drain(bed.escalationQueueUrl).get(0).body());
        assertEquals("billing", request.get("owner").asText());
        assertEquals(manual.dueAt(), Instant.parse(request.get("dueAt").asText()));
        assertTrue(request.get("decision").isNull(), "the item's route stands; the escalator reads it: " + request);
    }

    @Test
    void concurrentDeliveriesEachCarryTheSameDecisionAndWriteNothing() throws Exception {
        String id = store("Delivery", "The parcel is late.", 2);
        String body = "{\"feedbackId\": \"" + id + "\"}";
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<JsonNode>> results = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String messageId = "m-" + i;
                results.add(pool.submit(() -> invoke(batch(record(messageId, body)))));
            }
            for (Future<JsonNode> result : results) {
                assertEquals(0, result.get().get("batchItemFailures").size());
            }
        } finally {
            pool.shutdownNow();
        }
        FeedbackRecord record = bed.repository().findRecord(id).orElseThrow();
        assertEquals(List.of("received"), types(record), "the escalator records the route, once");
        List<Message> requests = bed.drain(bed.escalationQueueUrl);
        assertEquals(6, requests.size());
        RouteDecision decision = request(requests.get(0)).decision();
        for (Message m : requests) {
            assertEquals(decision.dueAt(), request(m).decision().dueAt(), "the same rules decide the same route");
            assertEquals(decision.route(), request(m).decision().route());
        }
    }

    @Test
    void aLowRatingIsUnhappyAndGoesToOpsEvenWhenItMentionsDelivery() {
        String id = store("Delivery", "Late and broken. Never again.", 1);
        invoke(batch(record("m-1", "{\"feedbackId\": \"" + id + "\"}")));

        List<Message> requests = bed.drain(bed.escalationQueueUrl);
        RouteDecision route = request(requests.get(0)).decision();
        assertEquals("unhappy", route.route(), "first match wins");
        assertEquals("ops", route.owner());
        assertEquals(Duration.ofHours(2), route.answerWithin());
        assertEquals(bed.repository().find(id).orElseThrow().receivedAt().plus(Duration.ofHours(2))
                .truncatedTo(ChronoUnit.SECONDS), route.dueAt());
        assertEquals("ops", json(requests.get(0).body()).get("owner").asText());
    }

    @Test
    void theOtherRoutesOfTheShippedConfiguration() {
        String korean = store(null, "배송이 언제 되나요?", null);
        String billing = store("Invoice", "I was charged twice, please refund.", 3);
        String chocolate = store("Chocolate", "The chocolate was great.", 5);
        invoke(batch(record("a", "{\"feedbackId\": \"" + korean + "\"}"),
                record("b", "{\"feedbackId\": \"" + billing + "\"}"),
                record("c", "{\"feedbackId\": \"" + chocolate + "\"}")));

        java.util.Map<String, RouteDecision> decisions = new java.util.HashMap<>();
        List<Message> requests = bed.drain(bed.escalationQueueUrl);
        requests.forEach(m -> decisions.put(request(m).feedbackId(), request(m).decision()));
        assertEquals("late-delivery", decisions.get(korean).route(), "Korean keywords match inside words");
        RouteDecision b = decisions.get(billing);
        assertEquals("billing", b.route());
        assertEquals("billing", b.owner());
        assertEquals(Duration.ofHours(8), b.answerWithin());
        RouteDecision c = decisions.get(chocolate);
        assertEquals("everything-else", c.route(), "\"late\" is not in \"chocolate\"");
        assertEquals("ops", c.owner());
        assertEquals(Duration.ofHours(24), c.answerWithin());
        assertEquals(3, requests.size());
    }

    @Test
    void badMessagesFailAloneWhileTheGoodOnesInTheBatchSucceed() {
        String good = store("Delivery", "The parcel is late.", 2);
        String unknown = FeedbackIds.newId();
        JsonNode response = invoke(batch(
                record("bad-json", "this is not json"),
                record("good", "{\"feedbackId\": \"" + good + "\"}"),
                record("unknown", "{\"feedbackId\": \"" + unknown + "\"}"),
                record("no-id", "{\"id\": \"" + good + "\"}")));

        List<String> failed = new ArrayList<>();
        response.get("batchItemFailures").forEach(f -> failed.add(f.get("itemIdentifier").asText()));
        assertEquals(List.of("bad-json", "unknown", "no-id"), failed);
        assertEquals(FeedbackStatus.RECEIVED, bed.repository().find(good).orElseThrow().status());
        assertTrue(bed.repository().find(unknown).isEmpty(), "nothing is made up for an unknown id");
        List<Message> requests = bed.drain(bed.escalationQueueUrl);
        assertEquals(1, requests.size());
        assertEquals(good, json(requests.get(0).body()).get("feedbackId").asText());
    }

    @Test
    void anEmptyBatchIsNoFailure() {
        JsonNode response = invoke(batch());
        assertEquals(0, response.get("batchItemFailures").size());
        assertTrue(bed.drain(bed.escalationQueueUrl).isEmpty());
    }

    @Test
    void aMessageFromTheRealFeedbackQueueIsRead() {
        // what form-intake put on the queue, as the event source mapping would hand it over
        String id = store("Delivery", "The parcel is late.", 2);
        bed.sqs.sendMessage(s -> s.queueUrl(bed.feedbackQueueUrl)
                .messageBody(json("{\"feedbackId\": \"" + id + "\"}").toString()));
        Message queued = bed.drain(bed.feedbackQueueUrl).get(0);
        assertEquals(0, invoke(batch(record(queued.messageId(), queued.body()))).get("batchItemFailures").size());
        assertEquals("late-delivery", request(bed.drain(bed.escalationQueueUrl).get(0)).decision().route());
    }

    @Test
    void theDeadlineCountsFromArrivalEvenWhenABurstDelayedRouting() {
        // stored 90 seconds ago; the queue held it that long (a burst): the owner gets no extra time
        Instant arrived = Instant.now().minusSeconds(90).truncatedTo(ChronoUnit.SECONDS);
        String id = store("My parcel", "It is late again.", 3, arrived);
        invoke(batch(record("m-1", "{\"feedbackId\": \"" + id + "\"}")));
        RouteDecision route = request(bed.drain(bed.escalationQueueUrl).get(0)).decision();
        assertEquals(arrived.plus(Duration.ofHours(4)), route.dueAt());
        assertTrue(route.decidedAt().isAfter(arrived.plusSeconds(89)), "the decision is dated when it was made");
    }

    // --- helpers ------------------------------------------------------------------------------

    private String store(String subject, String message, Integer rating) {
        return store(subject, message, rating, Instant.now());
    }

    private String store(String subject, String message, Integer rating, Instant now) {
        Feedback feedback = new Feedback(FeedbackIds.newId(), Channel.WEB, new Customer("Minsu Kim", "minsu@example.org"),
                subject, message, rating, now, FeedbackStatus.RECEIVED, null);
        assertTrue(bed.repository().storeNew(feedback, UUID.randomUUID().toString(), "fingerprint", now.plusSeconds(600),
                new TimelineEvent(now, "received", "received via web")).created());
        return feedback.id();
    }

    private JsonNode invoke(ObjectNode event) {
        return Invoke.handler(handler, event.toString());
    }

    private static List<String> types(FeedbackRecord record) {
        return record.timeline().stream().map(TimelineEvent::type).toList();
    }

    private static ObjectNode record(String messageId, String body) {
        ObjectNode record = (ObjectNode) SampleEvents.json("router-sqs-feedback.json").get("Records").get(0);
        record.put("messageId", messageId);
        record.put("body", body);
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

    /** An escalation request as the escalator reads it off the queue. */
    private static EscalationRequest request(Message message) {
        try {
            return Json.MAPPER.readValue(message.body(), EscalationRequest.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
