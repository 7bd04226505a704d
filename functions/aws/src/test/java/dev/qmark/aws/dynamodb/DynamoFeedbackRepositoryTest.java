package dev.qmark.aws.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qmark.aws.AwsClients;
import dev.qmark.core.escalation.Escalation;
import dev.qmark.core.escalation.EscalationStatus;
import dev.qmark.core.escalation.HandOn;
import dev.qmark.core.feedback.Channel;
import dev.qmark.core.feedback.Customer;
import dev.qmark.core.feedback.Feedback;
import dev.qmark.core.feedback.FeedbackIds;
import dev.qmark.core.feedback.FeedbackRecord;
import dev.qmark.core.feedback.FeedbackStatus;
import dev.qmark.core.feedback.RouteDecision;
import dev.qmark.core.feedback.TimelineEvent;
import dev.qmark.core.ports.CustomerLetters;
import dev.qmark.core.ports.FeedbackRepository;
import dev.qmark.core.ports.ReviewQueue;
import dev.qmark.core.ports.Notice;
import dev.qmark.core.ports.Escalations.AnswerOutcome;
import dev.qmark.core.ports.MailClaims.Claim;
import dev.qmark.core.ports.Escalations.HandOnOutcome;
import dev.qmark.emulators.SharedEmbeddedAws;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The repository against DynamoDB Local through the real SDK: conditions, transactions, indexes. */
class DynamoFeedbackRepositoryTest {

    static DynamoDbClient dynamo;
    static FeedbackRepository repository;
    static TablePorts ports;
    static final String TABLE = "repo-" + UUID.randomUUID();
    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    @BeforeAll
    static void table() {
        SharedEmbeddedAws.start();
        dynamo = AwsClients.dynamoDb();
        QmarkTable.create(dynamo, TABLE);
        repository = new DynamoFeedbackRepository(dynamo, TABLE);
        ports = new TablePorts(dynamo, TABLE);
    }

    static Feedback newFeedback(String email, Instant at) {
        return new Feedback(FeedbackIds.newId(), Channel.WEB, new Customer("Minsu", email), "Late", "Where is it?", 2,
                at, FeedbackStatus.RECEIVED, null);
    }

    static Feedback stored(String email, Instant at) {
        Feedback f = newFeedback(email, at);
        repository.storeNew(f, UUID.randomUUID().toString(), "fp", at.plusSeconds(600), new TimelineEvent(at, "received", "web"));
        return f;
    }

    @Test
    void storesOnceForTheSameSubmissionWhileTheKeyLives() {
        Feedback first = newFeedback("dup@example.org", T0);
        assertEquals(new FeedbackRepository.Stored(first.id(), true, true),
                repository.storeNew(first, "key-1", "fp-1", T0.plusSeconds(600), new TimelineEvent(T0, "received", "web")));
        Feedback again = newFeedback("dup@example.org", T0.plusSeconds(60));
        assertEquals(new FeedbackRepository.Stored(first.id(), false, true),
                repository.storeNew(again, "key-1", "fp-1", T0.plusSeconds(660), new TimelineEvent(T0, "received", "web")));
        assertTrue(repository.find(again.id()).isEmpty());
        // the same key with other content is reported, so the caller can refuse it
        assertEquals(new FeedbackRepository.Stored(first.id(), false, false),
                repository.storeNew(newFeedback("eve@example.org", T0), "key-1", "fp-2", T0.plusSeconds(660),
                        new TimelineEvent(T0, "received", "web")));
        // once the key has expired the same content is new feedback again
        Feedback later = newFeedback("dup@example.org", T0.plusSeconds(3600));
        assertTrue(repository.storeNew(later, "key-1", "fp-1", T0.plusSeconds(4200),
                new TimelineEvent(later.receivedAt(), "received", "web")).created());
    }

    @Test
    void routingIsRecordedOnce() {
        Feedback f = stored("route@example.org", T0);
        RouteDecision first = new RouteDecision("late", "delivery", Duration.ofHours(4), T0.plusSeconds(14400), T0);
        assertTrue(repository.recordRoute(f.id(), first, new TimelineEvent(T0, "routed", "late")));
        RouteDecision second = new RouteDecision("other", "ops", Duration.ofHours(1), T0.plusSeconds(3600), T0);
        assertFalse(repository.recordRoute(f.id(), second, new TimelineEvent(T0.plusSeconds(1), "routed", "other")));
        Feedback read = repository.find(f.id()).orElseThrow();
        assertEquals(FeedbackStatus.ROUTED, read.status());
        assertEquals(first, read.route());
    }

    @Test
    void theRecordBringsTheKeptTextsOfItsPartition() {
        Feedback f = stored("texts@example.org", T0);
        assertEquals(java.util.Optional.of(List.of()), repository.findRecord(f.id()).orElseThrow().keptTexts());
        ports.sentMailTexts().keep(f.id(), 2, "question", "the second ?");
        ports.sentMailTexts().keep(f.id(), 1, "question", "the first ?");
        // one query of the partition gives what the texts' own query gives: a reply is cut after one read
        assertEquals(java.util.Optional.of(ports.sentMailTexts().texts(f.id())),
                repository.findRecord(f.id()).orElseThrow().keptTexts());
        assertEquals(List.of("the first ?", "the second ?"), repository.findRecord(f.id()).orElseThrow().sentTexts());
    }

    @Test
    void theRecordBringsTheCustomersLettersAndRatingsOfItsPartition() {
        Feedback f = stored("letters@example.org", T0);
        assertEquals(java.util.Optional.of(new FeedbackRecord.Written(List.of(), List.of())),
                repository.findRecord(f.id()).orElseThrow().customerLetters());
        CustomerLetters letters = ports.customerLetters();
        letters.recordLetter(new CustomerLetters.Letter(f.id(), "00000000000000b2", 1, "dana@example.com", "Dana",
                T0.plusSeconds(20), "second"), new TimelineEvent(T0.plusSeconds(20), "customer-written", "Dana"));
        letters.recordLetter(new CustomerLetters.Letter(f.id(), "00000000000000a1", 1, "dana@example.com", "Dana",
                T0.plusSeconds(10), "first"), new TimelineEvent(T0.plusSeconds(10), "customer-written", "Dana"));
        letters.rate(new CustomerLetters.Rating(f.id(), "00000000000000a1", 2, "meh", T0.plusSeconds(30)),
                new TimelineEvent(T0.plusSeconds(30), "customer-rated", "2"));
        letters.founderStepFor(f.id(), "00000000000000b2", 3); // a rating item with no score yet: no rating
        // one query of the partition gives what the letters' own queries give: the "?" and the founder's mail need no more
        FeedbackRecord.Written written = repository.findRecord(f.id()).orElseThrow().customerLetters().orElseThrow();
        assertEquals(letters.letters(f.id()), written.letters());
        assertEquals(letters.ratings(f.id()), written.ratings());
        assertEquals(List.of("first", "second"), written.letters().stream().map(CustomerLetters.Letter::text).toList());
        assertEquals(2, written.rating("00000000000000a1").orElseThrow().score());
        assertTrue(written.rating("00000000000000b2").isEmpty());
    }

    @Test
    void theFiguresReadOfAnItemGivesItWithItsRouteOrWithoutOneWhenItHasNone() {
        DynamoFeedbackRepository table = (DynamoFeedbackRepository) repository;
        Feedback f = stored("figures@example.org", T0);
        assertEquals(repository.find(f.id()), table.findRouted(f.id()), "no route yet: read consistently, as it is");
        RouteDecision route = new RouteDecision("late-delivery", "delivery", Duration.ofHours(4), T0.plusSeconds(3600), T0);
        assertTrue(repository.recordRoute(f.id(), route, new TimelineEvent(T0.plusSeconds(1), "routed", "late-delivery")));
        assertEquals(route, table.findRouted(f.id()).orElseThrow().route());
        assertTrue(table.findRouted("nosuchitem000000").isEmpty());
    }

    @Test
    void theRoutedRecordIsTheRecordOnceRoutedAndReadConsistentlyBefore() {
        Feedback f = stored("routed-record@example.org", T0);
        assertEquals(repository.findRecord(f.id()), repository.findRoutedRecord(f.id()), "no route: the consistent read's");
        RouteDecision route = new RouteDecision("late-delivery", "delivery", Duration.ofHours(4), T0.plusSeconds(3600), T0);
        assertTrue(repository.recordRoute(f.id(), route, new TimelineEvent(T0.plusSeconds(1), "routed", "late-delivery")));
        FeedbackRecord routed = repository.findRoutedRecord(f.id()).orElseThrow();
        assertEquals(route, routed.feedback().route());
        assertEquals(repository.findRecord(f.id()), java.util.Optional.of(routed));
        assertTrue(repository.findRoutedRecord("nosuchitem000001").isEmpty());
    }

    @Test
    void escalationClaimIsExclusiveUntilItsLeaseRunsOut() throws Exception {
        Feedback f = stored("claim@example.org", T0);
        Escalation asking = asking(f, 1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Claim>> racers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            racers.add(() -> ports.escalations().claimEscalation(asking, T0, Duration.ofSeconds(30)));
        }
        List<Claim> claims = new ArrayList<>();
        for (Future<Claim> claim : pool.invokeAll(racers)) {
            claims.add(claim.get());
        }
        pool.shutdown();
        assertEquals(1, claims.stream().filter(c -> c == Claim.CLAIMED).count(), claims.toString());
        assertEquals(7, claims.stream().filter(c -> c == Claim.BUSY).count(), claims.toString());
        // a crashed sender's claim expires; then exactly one retry takes it over
        assertEquals(Claim.CLAIMED, ports.escalations().claimEscalation(asking, T0.plusSeconds(31), Duration.ofSeconds(30)));
        assertEquals(Claim.BUSY, ports.escalations().claimEscalation(asking, T0.plusSeconds(32), Duration.ofSeconds(30)));
        ports.escalations().markAsked(f.id(), 1, "ses-1", T0.plusSeconds(33), java.util.List.of(), new TimelineEvent(T0.plusSeconds(33), "asked", "dana"));
        assertEquals(Claim.ALREADY_SENT, ports.escalations().claimEscalation(asking, T0.plusSeconds(500), Duration.ofSeconds(30)));

        FeedbackRecord record = repository.findRecord(f.id()).orElseThrow();
        Escalation open = record.escalation(1).orElseThrow();
        assertEquals(EscalationStatus.OPEN, open.status());
        assertEquals(T0.plusSeconds(33), open.askedAt());
        assertEquals(FeedbackStatus.ASKED, record.feedback().status());
        assertTrue(inDeadlineIndex(f.id()), "an open escalation is in the deadline index");
    }

    @Test
    void anAnswerIsRecordedOnceAndLeavesTheDeadlineIndex() {
        Feedback f = stored("answer@example.org", T0);
        ports.escalations().claimEscalation(asking(f, 1), T0, Duration.ofSeconds(30));
        ports.escalations().markAsked(f.id(), 1, "ses-1", T0.plusSeconds(1), java.util.List.of(), new TimelineEvent(T0.plusSeconds(1), "asked", "dana"));
        Instant at = T0.plusSeconds(3600);
        assertEquals(AnswerOutcome.RECORDED, ports.escalations().recordAnswer(f.id(), 1, "Shipped today.", "dana@example.com",
                "mail-1", at, new TimelineEvent(at, "answered", "dana")));
        assertEquals(AnswerOutcome.ALREADY_RECORDED, ports.escalations().recordAnswer(f.id(), 1, "Shipped today.",
                "dana@example.com", "mail-1", at, new TimelineEvent(at, "answered", "dana")));
        assertEquals(AnswerOutcome.NOT_OPEN, ports.escalations().recordAnswer(f.id(), 1, "Another answer", "dana@example.com",
                "mail-2", at, new TimelineEvent(at, "answered", "dana")));

        FeedbackRecord record = repository.findRecord(f.id()).orElseThrow();
        Escalation answered = record.escalation(1).orElseThrow();
        assertEquals(EscalationStatus.ANSWERED, answered.status());
        assertEquals("Shipped today.", answered.answer());
        assertEquals(at, answered.answeredAt());
        assertEquals(FeedbackStatus.ANSWERED, record.feedback().status());
        assertFalse(inDeadlineIndex(f.id()));
        assertEquals(List.of("received", "asked", "answered"), record.timeline().stream().map(TimelineEvent::type).toList());

        assertEquals(Claim.CLAIMED, ports.mailClaims().claim(new Notice.OfEscalation(f.id(), 1, "founder"), at, Duration.ofSeconds(30)));
        assertEquals(Claim.BUSY, ports.mailClaims().claim(new Notice.OfEscalation(f.id(), 1, "founder"), at, Duration.ofSeconds(30)));
        ports.mailClaims().markSent(new Notice.OfEscalation(f.id(), 1, "founder"), at, new TimelineEvent(at.plusMillis(1), "founder-told", "jeff"));
        assertEquals(Claim.ALREADY_SENT, ports.mailClaims().claim(new Notice.OfEscalation(f.id(), 1, "founder"), at.plusSeconds(60), Duration.ofSeconds(30)));
    }

    @Test
    void aHandOnIsRecordedOnceLeavesTheDeadlineIndexAndLeavesTheItemUnanswered() {
        Feedback f = stored("handon@example.org", T0);
        ports.escalations().claimEscalation(asking(f, 1), T0, Duration.ofSeconds(30));
        ports.escalations().markAsked(f.id(), 1, "ses-1", T0.plusSeconds(1), List.of(T0.plusSeconds(7200)),
                new TimelineEvent(T0.plusSeconds(1), "asked", "dana"));
        Instant at = T0.plusSeconds(600);
        HandOn handOn = new HandOn("ops", 2, at.plusSeconds(14400), at, "dana@example.com", "Yours, Olivia.", "mail-1");

        assertEquals(HandOnOutcome.RECORDED, ports.escalations().recordHandOn(f.id(), 1, handOn,
                new TimelineEvent(at, "handed-on", "dana -> ops")));
        assertEquals(HandOnOutcome.ALREADY_RECORDED, ports.escalations().recordHandOn(f.id(), 1, handOn,
                new TimelineEvent(at.plusSeconds(5), "handed-on", "again")));
        assertEquals(HandOnOutcome.NOT_OPEN, ports.escalations().recordHandOn(f.id(), 1,
                new HandOn("billing", 2, at.plusSeconds(14400), at, "dana@example.com", "", "mail-2"),
                new TimelineEvent(at.plusSeconds(6), "handed-on", "another mail")));
        // an answer to the handed-on escalation finds it closed
        assertEquals(AnswerOutcome.NOT_OPEN, ports.escalations().recordAnswer(f.id(), 1, "x", "dana@example.com", "mail-3", at,
                new TimelineEvent(at.plusSeconds(7), "answered", "dana")));

        FeedbackRecord record = repository.findRecord(f.id()).orElseThrow();
        Escalation handed = record.escalation(1).orElseThrow();
        assertEquals(EscalationStatus.HANDED_ON, handed.status());
        assertEquals(handOn, handed.handedOn());
        assertNull(handed.answer());
        assertEquals(FeedbackStatus.ASKED, record.feedback().status(), "handing on is not answering");
        assertFalse(inDeadlineIndex(f.id()), "off the sweeper's list");
        assertTrue(ports.sweepList().dueEscalations(T0.plus(Duration.ofDays(30)), 100).stream()
                .noneMatch(e -> e.feedbackId().equals(f.id())));
        assertEquals(List.of("received", "asked", "handed-on"), record.timeline().stream().map(TimelineEvent::type).toList());
    }

    @Test
    void aHandOnNeedsAnOpenEscalationAndAFreeNextStep() {
        Feedback f = stored("handon-taken@example.org", T0);
        HandOn handOn = new HandOn("ops", 2, T0.plusSeconds(14400), T0, "dana@example.com", "", "mail-1");
        assertEquals(HandOnOutcome.NOT_OPEN, ports.escalations().recordHandOn(f.id(), 1, handOn,
                new TimelineEvent(T0, "handed-on", "never asked")));
        ports.escalations().claimEscalation(asking(f, 1), T0, Duration.ofSeconds(30));
        assertEquals(HandOnOutcome.NOT_OPEN, ports.escalations().recordHandOn(f.id(), 1, handOn,
                new TimelineEvent(T0, "handed-on", "still being asked")));
        ports.escalations().markAsked(f.id(), 1, "ses-1", T0.plusSeconds(1), List.of(), new TimelineEvent(T0.plusSeconds(1), "asked", "dana"));
        ports.escalations().claimEscalation(asking(f, 2), T0.plusSeconds(2), Duration.ofSeconds(30));
        assertEquals(HandOnOutcome.NOT_OPEN, ports.escalations().recordHandOn(f.id(), 1, handOn,
                new TimelineEvent(T0.plusSeconds(3), "handed-on", "step 2 is taken")));
        assertEquals(EscalationStatus.OPEN, repository.findRecord(f.id()).orElseThrow().escalation(1).orElseThrow().status());
        assertTrue(inDeadlineIndex(f.id()));
    }

    @Test
    void aNoticeAboutAnItemIsClaimedOncePerKeyOnItsOwnRecord() {
        Feedback f = stored("told@example.org", T0);
        String key = "not-handed-on#1#abc";
        assertEquals(Claim.CLAIMED, ports.mailClaims().claim(new Notice.OfItem(f.id(), key), T0, Duration.ofSeconds(30)));
        assertEquals(Claim.BUSY, ports.mailClaims().claim(new Notice.OfItem(f.id(), key), T0.plusSeconds(1), Duration.ofSeconds(30)));
        assertEquals(Claim.CLAIMED, ports.mailClaims().claim(new Notice.OfItem(f.id(), key), T0.plusSeconds(31), Duration.ofSeconds(30)),
                "a crashed sender's claim expires");
        ports.mailClaims().markSent(new Notice.OfItem(f.id(), key), T0.plusSeconds(32), new TimelineEvent(T0.plusSeconds(32), "told", "x"));
        assertEquals(Claim.ALREADY_SENT, ports.mailClaims().claim(new Notice.OfItem(f.id(), key), T0.plusSeconds(600), Duration.ofSeconds(30)));
        assertEquals(Claim.CLAIMED, ports.mailClaims().claim(new Notice.OfItem(f.id(), "not-handed-on#1#def"), T0, Duration.ofSeconds(30)),
                "another key is another notice");
        FeedbackRecord record = repository.findRecord(f.id()).orElseThrow();
        assertTrue(record.timeline().stream().anyMatch(e -> e.type().equals("told")));
        assertEquals(List.of(), record.escalations(), "notices are records of their own, not escalations");
    }

    @Test
    void answeringAnEscalationThatWasNeverAskedChangesNothing() {
        Feedback f = stored("never@example.org", T0);
        assertEquals(AnswerOutcome.NOT_OPEN, ports.escalations().recordAnswer(f.id(), 1, "x", "dana@example.com", "mail-9", T0,
                new TimelineEvent(T0, "answered", "dana")));
        assertEquals(FeedbackStatus.RECEIVED, repository.find(f.id()).orElseThrow().status());
    }

    @Test
    void listsNewestFirstWithFiltersAndPages() {
        String customer = "list-" + UUID.randomUUID() + "@example.org";
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(0, stored(customer, T0.plusSeconds(i)).id());
        }
        repository.recordRoute(ids.get(0), new RouteDecision("r", "ops", Duration.ofHours(1), T0, T0),
                new TimelineEvent(T0, "routed", "r"));
        FeedbackRepository.Page first = repository.list(null, customer, 2, null);
        assertEquals(ids.subList(0, 2), first.items().stream().map(Feedback::id).toList());
        FeedbackRepository.Page second = repository.list(null, customer, 2, first.cursor());
        assertEquals(ids.subList(2, 4), second.items().stream().map(Feedback::id).toList());
        assertEquals(ids.subList(1, 5), repository.list(FeedbackStatus.RECEIVED, customer, 10, null).items().stream()
                .map(Feedback::id).toList());
        assertEquals(List.of(ids.get(0)), repository.list(FeedbackStatus.ROUTED, customer, 10, null).items().stream()
                .map(Feedback::id).toList());
        assertTrue(repository.list(null, null, 3, null).items().size() == 3);
        assertEquals(ids.subList(0, 3), repository.byCustomer(customer, 3).stream().map(Feedback::id).toList());
    }

    @Test
    void keepsAMailForReviewOnce() {
        String mailId = "mail-" + UUID.randomUUID();
        ReviewQueue.ReviewItem item = new ReviewQueue.ReviewItem(mailId, "s3://b/k", "x@y.z", "hi",
                "forged token", T0);
        ports.reviewQueue().keepForReview(item);
        ports.reviewQueue().keepForReview(item);
        Map<String, AttributeValue> stored = dynamo.getItem(g -> g.tableName(TABLE)
                .key(Item.key("REVIEW#" + mailId, "REVIEW"))).item();
        assertEquals("forged token", stored.get("reason").s());
    }

    private static Escalation asking(Feedback f, int step) {
        return new Escalation(f.id(), step, "delivery", "dana@example.com", EscalationStatus.ASKING, null,
                T0.plusSeconds(14400), null, null, null);
    }

    private static boolean inDeadlineIndex(String feedbackId) {
        return dynamo.query(q -> q.tableName(TABLE).indexName(QmarkTable.BY_DEADLINE)
                        .keyConditionExpression("deadlineShard = :s")
                        .expressionAttributeValues(Map.of(":s", AttributeValue.fromS("OPEN"))))
                .items().stream().anyMatch(i -> i.get("pk").s().equals("FB#" + feedbackId));
    }

    @Test
    void readsNothingForAnUnknownId() {
        assertTrue(repository.findRecord(FeedbackIds.newId()).isEmpty());
        assertNull(repository.find(FeedbackIds.newId()).orElse(null));
    }
}
