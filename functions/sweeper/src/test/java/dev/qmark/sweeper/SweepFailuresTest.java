package dev.qmark.sweeper;

import dev.qmark.core.ports.Metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qmark.aws.AwsClients;
import dev.qmark.aws.testing.Invoke;
import dev.qmark.testing.SettableClock;
import dev.qmark.aws.testing.SampleEvents;
import dev.qmark.aws.testing.TestBed;
import dev.qmark.aws.ses.SesMailSender;
import dev.qmark.core.config.ConfigLoader;
import dev.qmark.core.config.QmarkConfig;
import dev.qmark.core.escalation.Escalation;
import dev.qmark.core.escalation.EscalationRequest;
import dev.qmark.core.escalation.EscalationStatus;
import dev.qmark.core.asking.Escalator;
import dev.qmark.core.asking.ReplyTokens;
import dev.qmark.core.feedback.Channel;
import dev.qmark.core.feedback.Customer;
import dev.qmark.core.feedback.Feedback;
import dev.qmark.core.feedback.FeedbackIds;
import dev.qmark.core.feedback.FeedbackStatus;
import dev.qmark.core.feedback.RouteDecision;
import dev.qmark.core.feedback.TimelineEvent;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A failing escalation never holds up the others: it is postponed with backoff (its next check
 * moves later, with the reason and count on it), set aside as stuck after five failures in a row,
 * and a healthy one behind it is reminded on time. The failure is real stored data this version
 * cannot read: a feedback item whose channel a newer version wrote (then rolled back).
 */
class SweepFailuresTest {

    static final Instant T0 = Instant.parse("2026-11-23T01:00:00Z");

    TestBed bed;
    SettableClock clock;
    QmarkConfig config;

    @BeforeEach
    void setUp() {
        bed = TestBed.create();
        clock = new SettableClock(T0);
        config = ConfigLoader.load(TestBed.ROOT.resolve("config/qmark.yaml"));
    }

    @Test
    void aFailingItemIsPostponedWithBackoffThenSetAsideAndNeverBlocksAHealthyOne() {
        String broken = ask("Broken parcel");
        clock.set(T0.plusSeconds(5));
        String healthy = ask("Healthy parcel");
        unreadable(broken);

        at("PT2H1M");  // both reminders are due; the broken one comes first in the index
        JsonNode first = sweep();
        assertEquals(List.of(healthy + "-1"), texts(first.path("reminded")), first.toString());
        assertEquals(List.of(broken + "-1"), texts(first.path("postponed")));
        JsonNode figures = first.path("figures");
        assertEquals(2, figures.path("due").asInt());
        assertEquals(1, figures.path("done").asInt());
        assertEquals(1, figures.path("failed").asInt());
        assertEquals(1, figures.path("postponed").asInt());
        assertEquals(0, figures.path("stuck").asInt());

        Escalation postponed = escalation(broken);
        assertEquals(1, postponed.sweep().failures());
        assertTrue(postponed.sweep().problem().contains("Channel.WHATSAPP"), postponed.sweep().problem());
        assertEquals(clock.instant().plus(Duration.ofMinutes(1)), postponed.sweep().nextCheckAt(), "one minute later");
        assertEquals(0, sweep().path("figures").path("due").asInt(), "not due again before its backoff");

        // 1, 2, 4, 8 minutes apart; the fifth failure in a row sets it aside
        Duration since = Duration.parse("PT2H1M");
        for (int failure = 2; failure <= 5; failure++) {
            since = since.plus(Duration.ofMinutes(1L << (failure - 2)));
            clock.set(T0.plus(since));
            JsonNode report = sweep();
            assertEquals(failure, escalation(broken).sweep().failures(), report.toString());
            assertEquals(failure == 5 ? List.of(broken + "-1") : List.of(), texts(report.path("stuck")), report.toString());
        }
        Escalation stuck = escalation(broken);
        assertTrue(stuck.sweep().stuck());
        assertEquals(EscalationStatus.OPEN, stuck.status(), "still answerable: the owner may reply any time");
        assertTrue(bed.ports().sweepList().dueEscalations(T0.plus(Duration.ofDays(30)), 100).stream()
                .noneMatch(e -> e.feedbackId().equals(broken)), "off the sweeper's list");
        assertEquals(List.of(broken + "-1"), bed.ports().sweepList().stuckEscalations(null, 10).stream().map(Escalation::id).toList());
        assertTrue(bed.repository().findRecord(healthy).isPresent());

        // the healthy one (due 4h05s) breaches on time and climbs, although the same customer's broken
        // item would be among the "earlier feedback" on Olivia's "?"
        at("PT4H1M");
        JsonNode breach = sweep();
        assertEquals(List.of(healthy + "-1"), texts(breach.path("breached")));
        assertEquals(List.of(healthy + "-1 -> ops"), texts(breach.path("escalated")));
    }

    @Test
    void anEscalationThisVersionCannotReadIsSetAsideLikeAnyFailure() {
        String broken = ask("Snoozed parcel");
        clock.set(T0.plusSeconds(5));
        String healthy = ask("Healthy parcel");
        // a newer version wrote a status this one does not know, then it was rolled back
        bed.dynamo.updateItem(u -> u.tableName(bed.table)
                .key(Map.of("pk", AttributeValue.fromS("FB#" + broken), "sk", AttributeValue.fromS("ESC#001")))
                .updateExpression("SET #status = :snoozed")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":snoozed", AttributeValue.fromS("snoozed"))));
        at("PT2H1M");
        JsonNode first = sweep();
        assertEquals(List.of(healthy + "-1"), texts(first.path("reminded")), first.toString());
        assertEquals(List.of(broken + "-1"), texts(first.path("postponed")));
        Duration since = Duration.parse("PT2H1M");
        for (int failure = 2; failure <= 5; failure++) {
            since = since.plus(Duration.ofMinutes(1L << (failure - 2)));
            clock.set(T0.plus(since));
            sweep();
        }
        Escalation stuck = bed.ports().sweepList().stuckEscalations(null, 10).get(0);
        assertEquals(broken + "-1", stuck.id());
        assertEquals(null, stuck.status(), "unreadable, and listed all the same");
        assertEquals(5, stuck.sweep().failures());
    }

    @Test
    void aCheckThatSucceedsAfterAFailureStartsCountingAgain() {
        String id = ask("Flaky parcel");
        Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("FB#" + id), "sk", AttributeValue.fromS("ITEM"));
        unreadable(id);  // and repaired below: a failure that passes
        at("PT2H");
        sweep();
        assertEquals(1, escalation(id).sweep().failures());
        bed.dynamo.updateItem(u -> u.tableName(bed.table).key(key).updateExpression("SET channel = :web")
                .expressionAttributeValues(Map.of(":web", AttributeValue.fromS("web"))));
        at("PT2H1M");
        assertEquals(List.of(id + "-1"), texts(sweep().path("reminded")));
        assertEquals(0, escalation(id).sweep().failures(), "a completed check clears the count");
        assertEquals(null, escalation(id).sweep().problem());
    }

    @Test
    void sweepsFailingOnTheSameItemAtOnceCountOneFailure() throws Exception {
        String id = ask("Racing parcel");
        unreadable(id);
        at("PT2H");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Callable<JsonNode>> racers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            SweeperHandler handler = new SweeperHandler(bed.env(clock));
            racers.add(() -> Invoke.handler(handler, SampleEvents.text("sweeper-schedule.json")));
        }
        int postponed = 0;
        for (Future<JsonNode> result : pool.invokeAll(racers)) {
            postponed += result.get().path("figures").path("postponed").asInt();
        }
        pool.shutdown();
        assertEquals(1, escalation(id).sweep().failures());
        assertEquals(1, postponed, "one sweep's postponement took, the others found it changed");
    }

    @Test
    void aStuckItemCanStillBeAnsweredAndThenLeavesTheStuckList() {
        String id = ask("Stuck parcel");
        unreadable(id);
        at("PT2H");
        for (int failure = 1; failure <= 5; failure++) {
            sweep();
            clock.set(clock.instant().plus(Duration.ofHours(1)));
        }
        assertTrue(escalation(id).sweep().stuck());
        // a person repairs the item; the owner's answer is recorded as ever and clears the stuck list
        bed.dynamo.updateItem(u -> u.tableName(bed.table)
                .key(Map.of("pk", AttributeValue.fromS("FB#" + id), "sk", AttributeValue.fromS("ITEM")))
                .updateExpression("SET channel = :web")
                .expressionAttributeValues(Map.of(":web", AttributeValue.fromS("web"))));
        bed.ports().escalations().recordAnswer(id, 1, "Found it.", "dana@example.com", "mail-" + UUID.randomUUID(), clock.instant(),
                new TimelineEvent(clock.instant(), "answered", "by dana"));
        assertEquals(List.of(), bed.ports().sweepList().stuckEscalations(null, 10).stream().map(Escalation::id).toList(),
                "answered: off every list");
        assertEquals(EscalationStatus.ANSWERED_LATE,
                bed.repository().findRecord(id).orElseThrow().escalation(1).orElseThrow().status());
    }

    // ---------------------------------------------------------------- helpers

    /** Dana's late-delivery question, asked at the clock's time: reminders at 2h and 3h, due at 4h. */
    private String ask(String title) {
        Instant now = clock.instant();
        Feedback feedback = new Feedback(FeedbackIds.newId(), Channel.WEB, new Customer("Minsu", "minsu@example.org"),
                title + " " + UUID.randomUUID().toString().substring(0, 8), "The parcel never came.", 2, now,
                FeedbackStatus.RECEIVED, null);
        bed.repository().storeNew(feedback, UUID.randomUUID().toString(), "fp", now.plusSeconds(600),
                new TimelineEvent(now, "received", "web"));
        bed.repository().recordRoute(feedback.id(), new RouteDecision("late-delivery", "delivery", Duration.ofHours(4),
                now.plus(Duration.ofHours(4)), now), new TimelineEvent(now, "routed", "late-delivery"));
        new Escalator(config, bed.repository(), bed.ports().escalations(), bed.ports().mailClaims(), new SesMailSender(AwsClients.ses(), config.inboundDomain(), clock), new ReplyTokens(TestBed.SECRET), bed.ports().sentMailTexts(), null, Metrics.NONE, clock)
                .ask(new EscalationRequest(feedback.id(), 1, "delivery", now.plus(Duration.ofHours(4))));
        return feedback.id();
    }

    /** The feedback item as a newer version wrote it (a channel this one does not know), then rolled back. */
    private void unreadable(String feedbackId) {
        bed.dynamo.updateItem(u -> u.tableName(bed.table)
                .key(Map.of("pk", AttributeValue.fromS("FB#" + feedbackId), "sk", AttributeValue.fromS("ITEM")))
                .updateExpression("SET channel = :channel")
                .expressionAttributeValues(Map.of(":channel", AttributeValue.fromS("whatsapp"))));
    }

    /** Step 1 of an item, from the deadline index (its feedback item may be unreadable, on purpose). */
    private Escalation escalation(String feedbackId) {
        return bed.ports().sweepList().escalations(null, null, null, 1000).stream()
                .filter(e -> e.feedbackId().equals(feedbackId)).findFirst()
                .or(() -> bed.ports().sweepList().stuckEscalations(null, 1000).stream()
                        .filter(e -> e.feedbackId().equals(feedbackId)).findFirst())
                .orElseThrow();
    }

    private JsonNode sweep() {
        return Invoke.handler(new SweeperHandler(bed.env(clock)), SampleEvents.text("sweeper-schedule.json"));
    }

    private void at(String sinceT0) {
        clock.set(T0.plus(Duration.parse(sinceT0)));
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
