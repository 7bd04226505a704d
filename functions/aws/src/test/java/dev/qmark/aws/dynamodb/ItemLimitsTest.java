package dev.qmark.aws.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qmark.aws.AwsClients;
import dev.qmark.core.escalation.Escalation;
import dev.qmark.core.escalation.EscalationStatus;
import dev.qmark.core.escalation.HandOn;
import dev.qmark.core.feedback.Channel;
import dev.qmark.core.feedback.Customer;
import dev.qmark.core.feedback.Feedback;
import dev.qmark.core.feedback.FeedbackIds;
import dev.qmark.core.feedback.FeedbackStatus;
import dev.qmark.core.feedback.RouteDecision;
import dev.qmark.core.feedback.TimelineEvent;
import dev.qmark.core.intake.SubmissionValidator;
import dev.qmark.core.ports.FeedbackRepository;
import dev.qmark.core.ports.ReviewQueue;
import dev.qmark.core.ports.Notice;
import dev.qmark.core.ports.Escalations.AnswerOutcome;
import dev.qmark.core.ports.MailClaims.Claim;
import dev.qmark.core.ports.Escalations.HandOnOutcome;
import dev.qmark.core.text.StoredText;
import dev.qmark.emulators.SharedEmbeddedAws;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * The budgets of {@link StoredText} hold for whole items: the largest feedback, escalation and
 * review items Qmark can write — every bounded field at its limit, in 4-byte characters, with
 * every claim and reminder — measured in UTF-8 bytes as DynamoDB counts them, and written to
 * DynamoDB Local, which refuses an item over 400 KB.
 */
class ItemLimitsTest {

    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    static final String TABLE = "limits-" + UUID.randomUUID();
    /** A 4-byte character (2 Java chars): the worst case for a budget in bytes. */
    static final String WIDE = "😀";
    static DynamoDbClient dynamo;
    static FeedbackRepository repository;
    static TablePorts ports;

    @BeforeAll
    static void table() {
        SharedEmbeddedAws.start();
        dynamo = AwsClients.dynamoDb();
        QmarkTable.create(dynamo, TABLE);
        repository = new DynamoFeedbackRepository(dynamo, TABLE);
        ports = new TablePorts(dynamo, TABLE);
    }

    @Test
    void dynamoDbLocalRefusesAnItemOver400Kb() {
        // without this, the test below could pass against an emulator that has no limit
        assertThrows(DynamoDbException.class, () -> dynamo.putItem(p -> p.tableName(TABLE).item(Map.of(
                "pk", AttributeValue.fromS("TOO-BIG"), "sk", AttributeValue.fromS("X"),
                "text", AttributeValue.fromS("x".repeat(StoredText.ITEM_BYTES))))));
    }

    @Test
    void theLargestItemsQmarkWritesFitAsMeasuredAndAsDynamoDbAccepts() {
        Feedback feedback = largestFeedback();
        assertTrue(repository.storeNew(feedback, UUID.randomUUID().toString(), "fp", T0.plusSeconds(600),
                new TimelineEvent(T0, "received", longest(StoredText.DETAIL_BYTES))).created());
        String id = feedback.id();
        repository.recordRoute(id, new RouteDecision("everything-else", "ops", Duration.ofHours(4),
                T0.plus(Duration.ofHours(4)), T0), new TimelineEvent(T0, "routed", "x"));
        List<Instant> reminders = IntStream.range(0, 20).mapToObj(i -> T0.plusSeconds(60L * i)).toList();

        // step 1 is handed on with the longest note, step 2 answered with the longest answer
        ask(id, 1, reminders);
        String note = StoredText.keepBytes(WIDE.repeat(300_000), StoredText.LONG_TEXT_BYTES).text();
        assertEquals(HandOnOutcome.RECORDED, ports.escalations().recordHandOn(id, 1, new HandOn("ops", 2, T0.plusSeconds(7200),
                T0.plusSeconds(60), address(), note, "m".repeat(64)), new TimelineEvent(T0.plusSeconds(60), "handed-on", "x")));
        ask(id, 2, reminders);
        for (String notice : List.of("founder", "late", "cut", "handed-on", "reminder-1", "reminder-20")) {
            assertEquals(Claim.CLAIMED, ports.mailClaims().claim(new Notice.OfEscalation(id, 2, notice), T0, Duration.ofSeconds(30)));
        }
        String answer = StoredText.keepBytes(WIDE.repeat(300_000), StoredText.LONG_TEXT_BYTES).text();
        assertEquals(AnswerOutcome.RECORDED, ports.escalations().recordAnswer(id, 2, answer, address(), "m".repeat(64),
                T0.plusSeconds(120), new TimelineEvent(T0.plusSeconds(120), "answered", longest(StoredText.DETAIL_BYTES))));

        String reviewId = "r".repeat(64);
        ports.reviewQueue().keepForReview(new ReviewQueue.ReviewItem(reviewId, "s3://" + "b".repeat(63) + "/" + "k".repeat(200),
                address(), longest(StoredText.LINE_BYTES), longest(StoredText.REASON_BYTES), T0));

        List<Map<String, AttributeValue>> items = new ArrayList<>(dynamo.query(q -> q.tableName(TABLE).consistentRead(true)
                .keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk",
                        AttributeValue.fromS("FB#" + id)))).items());
        items.add(dynamo.getItem(g -> g.tableName(TABLE).key(Map.of("pk", AttributeValue.fromS("REVIEW#" + reviewId),
                "sk", AttributeValue.fromS("REVIEW")))).item());
        int largest = 0;
        for (Map<String, AttributeValue> item : items) {
            int size = ItemSize.of(item);
            largest = Math.max(largest, size);
            assertTrue(size < StoredText.ITEM_BYTES, item.get("sk").s() + " is " + size + " bytes");
        }
        int escalation = ItemSize.of(items.stream().filter(i -> i.get("sk").s().equals("ESC#002")).findFirst().orElseThrow());
        assertTrue(escalation > StoredText.LONG_TEXT_BYTES, "the answer is on it: " + escalation);
        assertTrue(StoredText.ITEM_BYTES - escalation > 40_000,
                "room to spare on the answered escalation: " + (StoredText.ITEM_BYTES - escalation) + " bytes");
        assertEquals(EscalationStatus.ANSWERED, repository.findRecord(id).orElseThrow().escalation(2).orElseThrow().status());
    }

    private static void ask(String id, int step, List<Instant> reminders) {
        Escalation asking = new Escalation(id, step, "ops", address(), EscalationStatus.ASKING, null,
                T0.plusSeconds(7200), null, null, null);
        assertEquals(Claim.CLAIMED, ports.escalations().claimEscalation(asking, T0, Duration.ofSeconds(30)));
        ports.escalations().markAsked(id, step, "ses-" + "i".repeat(60), T0, reminders, new TimelineEvent(T0.plusMillis(step), "asked", "x"));
    }

    /** A feedback item from mail with every field at the most CustomerMailIntake keeps. */
    private static Feedback largestFeedback() {
        List<Feedback.Attachment> attachments = IntStream.range(0, 50)
                .mapToObj(i -> new Feedback.Attachment("f".repeat(200), "t".repeat(100), Long.MAX_VALUE)).toList();
        String message = StoredText.keep(WIDE.repeat(SubmissionValidator.MAX_MESSAGE), SubmissionValidator.MAX_MESSAGE,
                StoredText.LONG_TEXT_BYTES).text();
        return new Feedback(FeedbackIds.newId(), Channel.EMAIL, new Customer(longest(StoredText.LINE_BYTES), address()),
                longest(StoredText.LINE_BYTES), message, null, T0, FeedbackStatus.RECEIVED, null, attachments);
    }

    private static String longest(int bytes) {
        return StoredText.bounded(WIDE.repeat(bytes), bytes);
    }

    /** The longest address mail allows (254 characters). */
    private static String address() {
        return "a".repeat(64) + "@" + "d".repeat(185) + ".com";
    }
}
