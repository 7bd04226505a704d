package dev.qmark.escalator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qmark.aws.Json;
import dev.qmark.aws.testing.Invoke;
import dev.qmark.aws.testing.SampleEvents;
import dev.qmark.aws.testing.TestBed;
import dev.qmark.core.escalation.Escalation;
import dev.qmark.core.escalation.EscalationStatus;
import dev.qmark.core.asking.ReplyTokens;
import dev.qmark.core.feedback.Channel;
import dev.qmark.core.feedback.Customer;
import dev.qmark.core.feedback.Feedback;
import dev.qmark.core.feedback.FeedbackIds;
import dev.qmark.core.feedback.FeedbackRecord;
import dev.qmark.core.feedback.FeedbackStatus;
import dev.qmark.core.feedback.RouteDecision;
import dev.qmark.core.feedback.TimelineEvent;
import dev.qmark.core.ports.MailClaims.Claim;
import dev.qmark.emulators.OutboxMail;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The escalator as Lambda runs it on SQS batches, against DynamoDB Local and the SES stand-in over
 * the real SDK: the "?" mail as the owner receives it, sent once however often SQS delivers.
 */
class EscalatorHandlerTest {

    private static final Instant DUE = Instant.parse("2026-11-23T18:00:00Z");

    private TestBed bed;
    private EscalatorHandler handler;
    private final ReplyTokens tokens = new ReplyTokens(TestBed.SECRET);

    @BeforeEach
    void setUp() {
        bed = TestBed.create();
        handler = new EscalatorHandler(bed.env());
    }

    @Test
    void sendsTheQuestionMailToTheOwnerAndOpensTheDeadline() throws Exception {
        String id = storeRouted("minsu@example.org", "My delivery is late",
                "I ordered on Monday and the parcel still has not arrived.\n배송이 언제 되나요?", 2);
        Instant before = Instant.now();
        JsonNode response = invoke(batch(record("m-1", request(id, "delivery", DUE))));
        Instant after = Instant.now();

        assertEquals(0, response.get("batchItemFailures").size(), response.toString());
        List<OutboxMail> mails = questionsAbout(id);
        assertEquals(1, mails.size());
        OutboxMail mail = mails.get(0);
        assertEquals(List.of("dana@example.com"), mail.to());
        assertEquals(List.of(), mail.cc());
        assertEquals("? My delivery is late", mail.subject());

        InternetAddress from = new InternetAddress(mail.header("From"));
        assertEquals("qmark@example.com", from.getAddress());
        assertEquals("Jeff (via Qmark)", from.getPersonal());
        assertEquals("auto-generated", mail.header("Auto-Submitted"));

        assertEquals(1, mail.replyTo().size());
        String replyTo = mail.replyTo().get(0);
        assertTrue(replyTo.matches("answer\\+[0-9a-z]{16}-1-[a-z2-7]{16}@feedback\\.example\\.com"), replyTo);
        String token = ReplyTokens.tokenOf(replyTo, "feedback.example.com").orElseThrow();
        assertEquals(new ReplyTokens.EscalationRef(id, 1), tokens.verify(token).orElseThrow());
        assertTrue(new ReplyTokens("another-secret-of-enough-length").verify(token).isEmpty(),
                "the token is bound to the configured secret");

        String text = mail.text().replace("\r\n", "\n");
        assertEquals("?", text.lines().findFirst().orElseThrow());
        assertTrue(text.contains("> I ordered on Monday and the parcel still has not arrived.\n> 배송이 언제 되나요?"),
                "the customer's words verbatim:\n" + text);
        assertTrue(text.contains("Minsu Kim <minsu@example.org>"));
        assertTrue(text.contains("Rating:    2 of 5"));
        assertTrue(text.contains("Answer by: Tue 24 Nov 2026, 03:00 (Asia/Seoul)"), "the deadline in Dana's zone:\n" + text);
        assertTrue(text.contains("Reference: " + id));
        assertNotNull(mail.html());
        assertTrue(mail.html().contains("배송이 언제 되나요?"));

        FeedbackRecord record = bed.repository().findRecord(id).orElseThrow();
        assertEquals(FeedbackStatus.ASKED, record.feedback().status());
        Escalation escalation = record.escalation(1).orElseThrow();
        assertEquals(EscalationStatus.OPEN, escalation.status());
        assertEquals("delivery", escalation.owner());
        assertEquals("dana@example.com", escalation.ownerEmail());
        assertEquals(DUE, escalation.dueAt());
        assertNotNull(escalation.askedAt());
        assertFalse(escalation.askedAt().isBefore(before.minusMillis(1)));
        assertFalse(escalation.askedAt().isAfter(after));
        assertEquals(null, escalation.answeredAt());
        assertTrue(record.timeline().stream().anyMatch(e -> e.type().equals("asked")), record.timeline().toString());
        assertOpenInDeadlineIndex(id);
    }

    @Test
    void theSampleEventWithItsIdAsksOnce() {
        String id = storeRouted("minsu@example.org", "My delivery is late", "Still nothing.", 2);
        ObjectNode event = SampleEvents.json("escalator-sqs-escalation.json");
        ObjectNode body = (ObjectNode) json(event.get("Records").get(0).get("body").asText());
        body.put("feedbackId", id);
        ((ObjectNode) event.get("Records").get(0)).put("body", body.toString());

        assertEquals(0, invoke(event).get("batchItemFailures").size());
        assertEquals(1, questionsAbout(id).size());
        assertEquals(DUE, bed.repository().findRecord(id).orElseThrow().escalation(1).orElseThrow().dueAt());
    }

    @Test
    void aRequestCarryingTheRouteRecordsItWithTheAskInOneWrite() {
        String id = storeUnrouted("minsu@example.org", "Late", "Where is it?", 2);
        RouteDecision decision = new RouteDecision("late-delivery", "delivery", Duration.ofHours(4), DUE, Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        assertEquals(0, invoke(batch(record("m-1", request(id, "delivery", decision)))).get("batchItemFailures").size());

        assertEquals(1, questionsAbout(id).size());
        FeedbackRecord record = bed.repository().findRecord(id).orElseThrow();
        assertEquals(FeedbackStatus.ASKED, record.feedback().status(), "RECEIVED to ASKED, never ROUTED");
        assertEquals(decision, record.feedback().route());
        assertEquals(1, record.timeline().stream().filter(e -> e.type().equals("routed")).count(), record.timeline().toString());
        var item = bed.dynamo.getItem(g -> g.tableName(bed.table).consistentRead(true)
                .key(java.util.Map.of("pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("FB#" + id),
                        "sk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("ITEM")))).item();
        assertFalse(item.containsKey("deadlineShard"), "off the recovery's list with the same write: " + item);
        var escalation = bed.dynamo.getItem(g -> g.tableName(bed.table).consistentRead(true)
                .key(java.util.Map.of("pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("FB#" + id),
                        "sk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("ESC#001")))).item();
        assertEquals("late-delivery", escalation.get("askedUnderRoute").s(), "the claim keeps the route for the figures");
    }

    @Test
    void twoRequestsDecidedDifferentlyAskOnceAndTheFirstRouteStands() {
        // the feedback message delivered twice to the router, the configuration changed in between
        String id = storeUnrouted("minsu@example.org", "Late", "Where is it?", 2);
        RouteDecision first = new RouteDecision("late-delivery", "delivery", Duration.ofHours(4), DUE, Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        RouteDecision second = new RouteDecision("everything-else", "ops", Duration.ofHours(24), DUE.plus(Duration.ofHours(20)),
                Instant.now());
        invoke(batch(record("m-1", request(id, "delivery", first))));
        assertEquals(0, invoke(batch(record("m-2", request(id, "ops", second)))).get("batchItemFailures").size());

        List<OutboxMail> mails = questionsAbout(id);
        assertEquals(1, mails.size());
        assertEquals(List.of("dana@example.com"), mails.get(0).to());
        FeedbackRecord record = bed.repository().findRecord(id).orElseThrow();
        assertEquals("late-delivery", record.feedback().route().route());
        assertEquals(1, record.timeline().stream().filter(e -> e.type().equals("routed")).count());
    }

    @Test
    void anOldMessageWithoutTheDecisionAsksAnItemRoutedBefore() {
        // a stack deployed over old data: the item ROUTED by the router of then, its message without a decision
        String id = storeRouted("minsu@example.org", "Late", "Where is it?", 2);
        assertEquals(FeedbackStatus.ROUTED, bed.repository().find(id).orElseThrow().status());
        assertEquals(0, invoke(batch(record("m-1", request(id, "delivery", DUE)))).get("batchItemFailures").size());
        assertEquals(1, questionsAbout(id).size());
        FeedbackRecord record = bed.repository().findRecord(id).orElseThrow();
        assertEquals(FeedbackStatus.ASKED, record.feedback().status());
        assertEquals("late-delivery", record.feedback().route().route());
    }

    @Test
    void aRedeliveryDoesNotAskAgain() {
        String id = storeRouted("minsu@example.org", "Late", "Where is it?", 2);
        ObjectNode event = batch(record("m-1", request(id, "delivery", DUE)));
        invoke(event);
        Escalation first = bed.repository().findRecord(id).orElseThrow().escalation(1).orElseThrow();

        JsonNode again = invoke(event);

        assertEquals(0, again.get("batchItemFailures").size(), "already asked is done, not a failure");
        assertEquals(1, questionsAbout(id).size());
        assertEquals(first, bed.repository().findRecord(id).orElseThrow().escalation(1).orElseThrow(),
                "the escalation is untouched");
        assertEquals(1, bed.repository().findRecord(id).orElseThrow().timeline().stream()
                .filter(e -> e.type().equals("asked")).count());
    }

    @Test
    void twiceInOneBatchAsksOnce() {
        String id = storeRouted("minsu@example.org", "Late", "Where is it?", 2);
        JsonNode response = invoke(batch(record("m-1", request(id, "delivery", DUE)),
                record("m-2", request(id, "delivery", DUE))));
        assertEquals(0, response.get("batchItemFailures").size());
        assertEquals(1, questionsAbout(id).size());
    }

    @Test
    void whileAnotherAttemptHoldsTheClaimTheMessageComesBack() {
        String id = storeRouted("minsu@example.org", "Late", "Where is it?", 2);
        Instant now = Instant.now();
        assertEquals(Claim.CLAIMED, bed.ports().escalations().claimEscalation(new Escalation(id, 1, "delivery",
                "dana@example.com", EscalationStatus.ASKING, null, DUE, null, null, null), now, Duration.ofSeconds(30)));

        JsonNode response = invoke(batch(record("busy", request(id, "delivery", DUE))));

        assertEquals("busy", response.at("/batchItemFailures/0/itemIdentifier").asText(), response.toString());
        assertEquals(0, questionsAbout(id).size(), "the holder sends it, not this attempt");
    }

    @Test
    void aClaimWhoseSenderDiedIsTakenOverAfterItsLease() {
        String id = storeRouted("minsu@example.org", "Late", "Where is it?", 2);
        Instant longAgo = Instant.now().minus(Duration.ofMinutes(5));
        assertEquals(Claim.CLAIMED, bed.ports().escalations().claimEscalation(new Escalation(id, 1, "delivery",
                "dana@example.com", EscalationStatus.ASKING, null, DUE, null, null, null), longAgo, Duration.ofSeconds(30)));

        JsonNode response = invoke(batch(record("retry", request(id, "delivery", DUE))));

        assertEquals(0, response.get("batchItemFailures").size(), response.toString());
        assertEquals(1, questionsAbout(id).size(), "a lost \"?\" is worse than a late one");
        assertEquals(EscalationStatus.OPEN,
                bed.repository().findRecord(id).orElseThrow().escalation(1).orElseThrow().status());
    }

    @Test
    void anUnknownOwnerFailsThatMessageOnly() {
        String good = storeRouted("minsu@example.org", "Late", "Where is it?", 2);
        String orphan = storeRouted("jin@example.org", "Broken", "It broke.", 3);
        JsonNode response = invoke(batch(record("nobody", request(orphan, "warehouse", DUE)),
                record("good", request(good, "delivery", DUE))));

        assertEquals(List.of("nobody"), failures(response));
        assertEquals(1, questionsAbout(good).size());
        assertEquals(0, questionsAbout(orphan).size());
        FeedbackRecord record = bed.repository().findRecord(orphan).orElseThrow();
        assertTrue(record.escalations().isEmpty(), "no escalation is left half made");
        assertEquals(FeedbackStatus.ROUTED, record.feedback().status());
    }

    @Test
    void unreadableIncompleteAndUnknownRequestsFailOneByOne() {
        String good = storeRouted("minsu@example.org", "Late", "Where is it?", 2);
        String unknown = FeedbackIds.newId();
        JsonNode response = invoke(batch(
                record("not-json", "{feedbackId"),
                record("no-due", "{\"feedbackId\": \"" + good + "\", \"step\": 1, \"owner\": \"delivery\"}"),
                record("step-0", "{\"feedbackId\": \"" + good + "\", \"step\": 0, \"owner\": \"delivery\", \"dueAt\": \"" + DUE + "\"}"),
                record("bad-time", "{\"feedbackId\": \"" + good + "\", \"step\": 1, \"owner\": \"delivery\", \"dueAt\": \"tomorrow\"}"),
                record("unknown", request(unknown, "delivery", DUE)),
                record("good", request(good, "delivery", DUE))));

        assertEquals(List.of("not-json", "no-due", "step-0", "bad-time", "unknown"), failures(response));
        assertEquals(1, questionsAbout(good).size());
        assertTrue(bed.repository().findRecord(unknown).isEmpty());
    }

    @Test
    void theQuestionShowsTheCustomersEarlierFeedback() {
        Instant earlier = Instant.now().minus(Duration.ofDays(3));
        Feedback past = new Feedback(FeedbackIds.newId(), Channel.WEB, new Customer("Minsu Kim", "minsu@example.org"),
                "Wrong colour", "The shirt is blue, I ordered red.", 3, earlier, FeedbackStatus.RECEIVED, null);
        bed.repository().storeNew(past, UUID.randomUUID().toString(), "fingerprint", earlier.plusSeconds(600),
                new TimelineEvent(earlier, "received", "web"));
        String other = storeRouted("someone@example.org", "Other customer", "Not Minsu.", 4);
        String id = storeRouted("minsu@example.org", "Late", "Where is it?", 2);

        invoke(batch(record("m", request(id, "delivery", DUE))));

        String text = questionsAbout(id).get(0).text();
        assertTrue(text.contains("Earlier from this customer:"), text);
        assertTrue(text.contains("Wrong colour (received)"), text);
        assertFalse(text.contains("Other customer"), "only this customer's");
        assertFalse(text.contains("Late (routed)"), "not the item itself");
        assertFalse(other.isEmpty());
    }

    @Test
    void withoutASubjectTheFirstWordsMakeTheSubject() {
        String id = storeRouted("minsu@example.org", null, "Where is my parcel? I ordered it on Monday.", null);
        invoke(batch(record("m", request(id, "ops", DUE))));
        OutboxMail mail = questionsAbout(id).get(0);
        assertEquals("? Where is my parcel? I ordered it on Monday.", mail.subject());
        assertEquals(List.of("olivia@example.com"), mail.to());
        assertTrue(mail.text().contains("(UTC)"), "Olivia's zone");
        assertFalse(mail.text().contains("Rating:"), "no rating, no rating line");
    }

    // --- helpers ------------------------------------------------------------------------------

    /** A routed item, as the router leaves it. */
    /** An item as stored, not routed yet: the router's request carries its route. */
    private String storeUnrouted(String email, String subject, String message, Integer rating) {
        Instant now = Instant.now();
        Feedback feedback = new Feedback(FeedbackIds.newId(), Channel.WEB, new Customer("Minsu Kim", email), subject, message,
                rating, now, FeedbackStatus.RECEIVED, null);
        assertTrue(bed.repository().storeNew(feedback, UUID.randomUUID().toString(), "fingerprint", now.plusSeconds(600),
                new TimelineEvent(now, "received", "received via web")).created());
        return feedback.id();
    }

    /** An item ROUTED as the router recorded routes before the route rode on the ask (old data): its message has no decision. */
    private String storeRouted(String email, String subject, String message, Integer rating) {
        Instant now = Instant.now();
        Feedback feedback = new Feedback(FeedbackIds.newId(), Channel.WEB,
                new Customer(email.startsWith("minsu") ? "Minsu Kim" : "Jin Lee", email), subject, message, rating,
                now, FeedbackStatus.RECEIVED, null);
        assertTrue(bed.repository().storeNew(feedback, UUID.randomUUID().toString(), "fingerprint", now.plusSeconds(600),
                new TimelineEvent(now, "received", "received via web")).created());
        assertTrue(bed.repository().recordRoute(feedback.id(),
                new RouteDecision("late-delivery", "delivery", Duration.ofHours(4), DUE, now),
                new TimelineEvent(now, "routed", "route late-delivery -> delivery")));
        return feedback.id();
    }

    /** "?" mails about one item (the outbox is shared by every test in the JVM). */
    private List<OutboxMail> questionsAbout(String feedbackId) {
        return bed.outbox().stream()
                .filter(m -> feedbackId.equals(m.header("X-Qmark-Feedback")))
                .filter(m -> m.subject() != null && m.subject().startsWith("? "))
                .toList();
    }

    private void assertOpenInDeadlineIndex(String feedbackId) {
        var due = bed.dynamo.query(q -> q.tableName(bed.table).indexName("byDeadline")
                .keyConditionExpression("deadlineShard = :s")
                .expressionAttributeValues(java.util.Map.of(":s",
                        software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("OPEN")))).items();
        assertTrue(due.stream().anyMatch(i -> i.get("pk").s().equals("FB#" + feedbackId)),
                "an open escalation is in the sparse deadline index: " + due);
    }

    private JsonNode invoke(ObjectNode event) {
        return Invoke.handler(handler, event.toString());
    }

    private static List<String> failures(JsonNode response) {
        List<String> ids = new ArrayList<>();
        response.get("batchItemFailures").forEach(f -> ids.add(f.get("itemIdentifier").asText()));
        return ids;
    }

    private static String request(String feedbackId, String owner, Instant dueAt) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("feedbackId", feedbackId).put("step", 1).put("owner", owner).put("dueAt", dueAt.toString());
        return body.toString();
    }

    /** The router's request for an item it routed now: the decision rides on it. */
    private static String request(String feedbackId, String owner, RouteDecision decision) {
        try {
            return Json.MAPPER.writeValueAsString(dev.qmark.core.escalation.EscalationRequest.firstAsk(feedbackId, owner, decision));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode record(String messageId, String body) {
        ObjectNode record = (ObjectNode) SampleEvents.json("escalator-sqs-escalation.json").get("Records").get(0);
        record.put("messageId", messageId);
        record.put("body", body);
        return record;
    }

    private static ObjectNode batch(ObjectNode... records) {
        ObjectNode event = SampleEvents.json("escalator-sqs-escalation.json");
        ArrayNode list = event.putArray("Records");
        for (ObjectNode r : records) {
            list.add(r);
        }
        return event;
    }

    private static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
